import { z } from 'zod';
import { method } from './define.ts';
import { LangSchema } from './lang.ts';
import { SiteIdSchema } from './sites.ts';

export const reportsMethods = {
  /**
   * The site's commissioning report as a complete, self-contained HTML document (no scripts, inline
   * styles) in the given language: backends, devices, doors, every test verdict with latency and
   * evidence, who and when. The UI shows it and prints it; the CLI prints it to PDF.
   */
  'reports.siteHtml': method(z.strictObject({ siteId: SiteIdSchema, lang: LangSchema }), z.strictObject({ html: z.string(), title: z.string() })),
};
