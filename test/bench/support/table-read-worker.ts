// One import dry run of a table alone (no photos) in a process of its own, so its peak RSS is the
// reader's and planner's alone. Prints {ok, planned | code, row, ms, peakRssMb}.
import { planImport } from '../../../electron/import/plan-import.ts';
import { TableReadError } from '../../../electron/import/read-table.ts';
import { elapsedMs } from '../stats.ts';

const [file = ''] = process.argv.slice(2);
const start = process.hrtime.bigint();
let outcome: Record<string, unknown>;
try {
  const plan = await planImport({ file, faceCheck: false });
  outcome = { ok: true, planned: plan.rows.length };
} catch (error) {
  if (!(error instanceof TableReadError)) throw error;
  outcome = { ok: false, code: error.code, ...error.details };
}
process.stdout.write(JSON.stringify({ ...outcome, ms: Math.round(elapsedMs(start)), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
