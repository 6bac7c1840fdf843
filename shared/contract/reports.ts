import { z } from 'zod';
import { method } from './define.ts';
import { LangSchema } from './lang.ts';
import { plainText } from './plain-text.ts';
import { SiteIdSchema } from './sites.ts';
import { TEXT_LIMITS } from '../rules/text-limits.ts';

const SignerName = plainText({ max: TEXT_LIMITS.name, tooLong: 'name_too_long', forbidden: 'name_control_chars' });

/**
 * The names printed above the sign-off block's signature lines. Typed on the Report page (or given
 * to the CLI) for each printing and not stored: the customer's representative changes from one
 * handover to the next, and a signer's name is needed on paper, not in Doorman. Empty: a blank line
 * to write the name by hand.
 */
export const SignOffSchema = z.strictObject({ installer: SignerName.default(''), customer: SignerName.default('') });
export type SignOff = z.infer<typeof SignOffSchema>;

export const reportsMethods = {
  /**
   * The site's commissioning report as a complete, self-contained HTML document (no scripts, inline
   * styles) in the given language: backends, devices, doors, every test verdict with latency and
   * evidence, who and when. The UI shows it and prints it; the CLI prints it to PDF.
   */
  'reports.siteHtml': method(z.strictObject({ siteId: SiteIdSchema, lang: LangSchema, signOff: SignOffSchema.optional() }), z.strictObject({ html: z.string(), title: z.string() })),
};
