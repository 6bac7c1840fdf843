import { z } from 'zod';
import { method } from './define.ts';

export const SiteIdSchema = z.number().int().positive();
export type SiteId = z.infer<typeof SiteIdSchema>;

/** A site's name as the user types it: trimmed, not empty, at most 80 characters, no control characters. */
export const SiteNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'name_required' })
  .max(80, { message: 'name_too_long' })
  .refine((s) => ![...s].some(isControlChar), { message: 'name_control_chars' });

function isControlChar(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

export const SiteSchema = z.strictObject({
  id: SiteIdSchema,
  name: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Site = z.infer<typeof SiteSchema>;

export const SitesStateSchema = z.strictObject({
  sites: z.array(SiteSchema),
  currentSiteId: SiteIdSchema.nullable(),
});
export type SitesState = z.infer<typeof SitesStateSchema>;

export const sitesMethods = {
  'sites.list': method(z.strictObject({}), SitesStateSchema),
  'sites.create': method(z.strictObject({ name: SiteNameSchema }), SiteSchema),
  'sites.rename': method(z.strictObject({ id: SiteIdSchema, name: SiteNameSchema }), SiteSchema),
  'sites.remove': method(z.strictObject({ id: SiteIdSchema }), z.strictObject({ id: SiteIdSchema })),
  /** Select the site the other pages work on (null: none). Kept in the store, shared by every window. */
  'sites.select': method(
    z.strictObject({ id: SiteIdSchema.nullable() }),
    z.strictObject({ currentSiteId: SiteIdSchema.nullable() }),
  ),
};

export const sitesEvents = {
  /** Any change to the sites or the current site, from any window, transport or the CLI's process. */
  'sites.changed': SitesStateSchema,
};
