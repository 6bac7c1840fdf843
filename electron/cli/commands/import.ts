import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SiteIdSchema } from '../../../shared/contract/index.ts';
import { importProblemText } from '../../../shared/i18n/import-problem.ts';
import { rejectedRowsToCsv } from '../../import/export-table.ts';
import { planImport, updatedRows, type UpdatedRow } from '../../import/plan-import.ts';
import { TableReadError } from '../../import/read-table.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';

/** "Row 3: W1001 张三 is already here, on ZKBio (#1), Hongtu (#2)": the row updates that person. */
function updateLine(ctx: CommandContext, update: UpdatedRow, backendNames: ReadonlyMap<number, string>): string {
  const backends = update.backendIds.map((id) => `${backendNames.get(id) ?? ctx.t('cli.importBackend', { id })} (#${id})`).join(', ');
  return ctx.t(backends ? 'cli.importUpdates' : 'cli.importUpdatesNoBackend', { row: update.row, pin: update.pin, name: update.name, backends });
}

/**
 * `import <file.csv|xlsx> --site <id> [--photos <dir>] [--backend <id>…] [--levels a,b] [--dry-run]
 * [--rejected <file.csv>] [--no-face-check] [--force-photo]`: plans the import (every problem by row
 * and column; every photo through the still-photo face check unless --no-face-check), then saves
 * the good rows, each with the square cut around its face, with an outbox entry per backend; bad
 * rows can be written out to fix and import again. --force-photo keeps rows whose photo fails the
 * face check, recording the failures, as `enroll --force-photo` does. A row whose personnel number
 * the site already has updates that person: the dry run and the import say so, with every backend
 * that person was sent to.
 */
export const importPeople: Command = async (ctx, args) => {
  const file = args[0];
  if (!file) throw new UsageError('cli.missingArgument', { name: '<file.csv|file.xlsx>' });
  const siteText = ctx.options['site'];
  const siteId = SiteIdSchema.safeParse(Number(siteText));
  if (!siteId.success) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  const photos = ctx.options['photos'];
  const dryRun = ctx.options['dry-run'] === true;
  const faceCheck = ctx.options['no-face-check'] !== true;
  // The squares cut around the faces, read back by the import; a dry run only judges.
  const cutDir = faceCheck && !dryRun ? mkdtempSync(join(tmpdir(), 'doorman-import-')) : undefined;
  try {
    const core = ctx.core();
    const backends = ctx.options['backend'];
    const levelsText = ctx.options['levels'];
    const levels = typeof levelsText === 'string' ? levelsText.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const targets = (Array.isArray(backends) ? backends : []).map((id) => ({ backendId: Number(id), accessLevelIds: levels }));
    // Departments are checked against the backends named (else all the site's that keep departments).
    const departmentBackends = targets.length > 0 ? targets.map((t) => t.backendId) : core.departments.siteBackends(siteId.data);
    let plan;
    try {
      plan = await planImport({
        existing: core.people.backendsByPin(siteId.data),
        department: core.departments.resolverFor(departmentBackends),
        beforeDepartments: () => core.departments.readMissing(departmentBackends),
        idNumbers: core.people.idNumbers(siteId.data),
        file,
        photosDir: typeof photos === 'string' ? photos : undefined,
        faceCheck,
        forcePhoto: ctx.options['force-photo'] === true,
        cutDir,
        onProgress: faceCheck ? (done, total) => ctx.status(ctx.t('cli.importChecking', { done, total })) : undefined,
      });
    } catch (error) {
      // A file that is not a readable table was typed wrong (exit 2); one over a limit is refused as the API refuses it (exit 1).
      if (error instanceof TableReadError && (error.code === 'table_format' || error.code === 'table_unreadable')) throw new UsageError('cli.badTable', { path: file, reason: error.message });
      if (error instanceof TableReadError) throw error.toApiError();
      throw error;
    }
    const problems = plan.problems.map((p) => ({
      ...p,
      text: `${ctx.t('cli.importRow', { row: p.row })}${p.column ? ` ${p.column.letter} (${p.column.header})` : ''}: ${importProblemText(ctx.t, p)}${p.severity === 'warning' ? ` ${ctx.t('cli.importWarning')}` : ''}`,
    }));
    const rejectedFile = ctx.options['rejected'];
    if (typeof rejectedFile === 'string' && plan.rejected.length > 0) writeFileSync(rejectedFile, rejectedRowsToCsv(plan, ctx.t));
    const updates = updatedRows(plan);
    const backendNames = new Map(core.backends.list(siteId.data).map((b) => [b.id, b.name]));
    const updateLines = updates.map((u) => updateLine(ctx, u, backendNames));
    const departmentLines = plan.departments.map((d) => ctx.t('departments.cliMapping', { ...d, count: d.rows }));
    const summary = { planned: plan.rows.length, rejected: plan.rejected.length, problems: problems.length, unmatchedPhotos: plan.unmatchedPhotos.length, faceCheck, newPeople: plan.rows.length - updates.length, updated: updates.length };
    if (dryRun) {
      return {
        json: { dryRun: true, ...summary, problems, updates, departments: plan.departments },
        text: [...problems.map((p) => p.text), ...departmentLines, ...updateLines, ctx.t('cli.importNewAndUpdated', summary), ctx.t('cli.importPlanned', summary)].join('\n'),
        exitCode: plan.rejected.length > 0 ? 1 : 0,
      };
    }
    const planned = plan.rows;
    const imported = await core.people.importRows(siteId.data, targets, planned, (done) => ctx.status(ctx.t('cli.importProgress', { done, total: planned.length })));
    ctx.status(null);
    core.sync.notify();
    return {
      json: { dryRun: false, ...summary, imported, problems, updates, departments: plan.departments },
      text: [...problems.map((p) => p.text), ...departmentLines, ...updateLines, ctx.t('cli.importNewAndUpdated', summary), ctx.t('cli.imported', { ...summary, imported, backends: targets.length })].join('\n'),
      exitCode: plan.rejected.length > 0 ? 1 : 0,
    };
  } finally {
    if (cutDir) rmSync(cutDir, { recursive: true, force: true });
  }
};
