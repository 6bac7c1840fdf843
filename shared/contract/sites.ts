import { z } from 'zod';
import { TEXT_LIMITS } from '../rules/text-limits.ts';
import { TIME_ZONE_MAX } from '../rules/time-zones.ts';
import { method } from './define.ts';
import { plainText } from './plain-text.ts';

export const SiteIdSchema = z.number().int().positive();
export type SiteId = z.infer<typeof SiteIdSchema>;

/** A site's name as the user types it: the spaces around it taken off, not empty, at most TEXT_LIMITS.name characters, no control characters. */
export const SiteNameSchema = plainText({ max: TEXT_LIMITS.name, required: 'name_required', tooLong: 'name_too_long', forbidden: 'name_control_chars' });

/** A site's postal address, one line: the spaces around it taken off, may be empty (not given), at most TEXT_LIMITS.address characters. */
export const SiteAddressSchema = plainText({ max: TEXT_LIMITS.address, tooLong: 'address_too_long', forbidden: 'text_control_chars' });

/**
 * A site's time zone as sent: an IANA name ("Asia/Shanghai"). Whether the runtime knows it is the
 * core's check (shared/rules/time-zones.ts), refused as `site_time_zone_unknown` with the name.
 */
export const SiteTimeZoneSchema = z.string().trim().min(1, 'time_zone_required').max(TIME_ZONE_MAX, 'time_zone_unknown');

export const SiteSchema = z.strictObject({
  id: SiteIdSchema,
  name: z.string(),
  /** Postal address for the commissioning report's sign-off block; '' when not given. */
  address: z.string(),
  /** IANA zone every time of this site is shown in (screens, report, CLI). */
  timeZone: z.string(),
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
  /** Without a time zone, the site gets the zone of the computer running the core. */
  'sites.create': method(z.strictObject({ name: SiteNameSchema, timeZone: SiteTimeZoneSchema.optional() }), SiteSchema),
  'sites.rename': method(z.strictObject({ id: SiteIdSchema, name: SiteNameSchema }), SiteSchema),
  /** Sets (or, with '', clears) the site's address. */
  'sites.setAddress': method(z.strictObject({ id: SiteIdSchema, address: SiteAddressSchema }), SiteSchema),
  /** Sets the site's time zone; a name the runtime does not know is refused (`site_time_zone_unknown`). */
  'sites.setTimeZone': method(z.strictObject({ id: SiteIdSchema, timeZone: SiteTimeZoneSchema }), SiteSchema),
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
