import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { SiteIdSchema } from '../../../shared/contract/index.ts';
import { enrolledToCsv, enrolledToXlsx } from '../../import/export-table.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { tableLine } from '../terminal-text.ts';

/**
 * `people list --site <id>` and `people export <file.csv|file.xlsx> --site <id>` (the import's own
 * columns, then "no face" and its reason). A person without a face is listed as "no face".
 */
export const people: Command = async (ctx, args) => {
  const siteId = SiteIdSchema.safeParse(Number(ctx.options['site']));
  if (!siteId.success) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  const list = (await call(ctx.core(), 'people.list', { siteId: siteId.data })).people;
  const [sub = 'list', file] = args;
  if (sub === 'list') {
    const face = (p: (typeof list)[number]) => (p.faceSha256 ? ctx.t('personFace.listed') : p.noFaceReason ? ctx.t('noFace.markWithReason', { reason: p.noFaceReason }) : ctx.t('noFace.mark'));
    return { json: { people: list }, text: list.map((p) => tableLine([p.fields.pin, p.fields.name, p.fields.idNumber, face(p)])).join('\n') || '-' };
  }
  if (sub !== 'export') throw new UsageError('cli.unknownCommand', { command: `people ${sub}` });
  if (!file) throw new UsageError('cli.missingArgument', { name: '<file.csv|file.xlsx>' });
  const ext = extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError('cli.badChoice', { name: '<file>', value: file, choices: '.csv | .xlsx' });
  writeFileSync(file, ext === '.csv' ? enrolledToCsv(list) : await enrolledToXlsx(list));
  return { json: { file, people: list.length }, text: `${file}: ${list.length}` };
};
