import { writeFileSync } from 'node:fs';
import { SiteIdSchema } from '../../../shared/contract/index.ts';
import { printHtmlToPdf } from '../../reports/pdf.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';

/** `report <site-id> (--pdf <file> | --html <file>) [--installer name] [--customer name]`: the commissioning report, in --lang. */
export const report: Command = async (ctx, args) => {
  const siteId = SiteIdSchema.safeParse(/^\d+$/.test(args[0] ?? '') ? Number(args[0]) : Number.NaN);
  if (!siteId.success) throw new UsageError('cli.missingArgument', { name: '<site-id>' });
  const pdf = ctx.options['pdf'];
  const html = ctx.options['html'];
  if (typeof pdf !== 'string' && typeof html !== 'string') throw new UsageError('cli.missingArgument', { name: '--pdf <file> | --html <file>' });
  const signer = (key: string): string => {
    const value = ctx.options[key];
    return typeof value === 'string' ? value : '';
  };
  const signOff = { installer: signer('installer'), customer: signer('customer') };
  const doc = await call(ctx.core(), 'reports.siteHtml', { siteId: siteId.data, lang: ctx.lang, signOff });
  const written: Record<string, unknown> = { title: doc.title };
  if (typeof html === 'string') {
    writeFileSync(html, doc.html, 'utf8');
    written['html'] = html;
  }
  if (typeof pdf === 'string') {
    written['pdf'] = pdf;
    written['pdfBytes'] = (await printHtmlToPdf(doc.html, pdf)).bytes;
  }
  return { json: written, text: [doc.title, ...Object.entries(written).filter(([k]) => k !== 'title').map(([k, v]) => `  ${k}: ${String(v)}`)].join('\n') };
};
