// The measured half of import-face-check.bench.ts: a fresh process that plans an import with the face
// check (as the Import page does: every photo judged, the squares of the rows to import cut into a
// folder), then saves the rows; prints times and peak RSS (the fixtures were made by the parent).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { planImport } from '../../../electron/import/plan-import.ts';

const [dir = '', threadsText = '2'] = process.argv.slice(2);
const core = createCore({ dataDir: join(dir, `data-${threadsText}`), runtime: 'node' });
const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
const cutDir = join(dir, `cut-${threadsText}`);
mkdirSync(cutDir);
const rssBeforeMb = Math.round(process.memoryUsage().rss / 1048576);
let firstMs = 0;
// CPU time of the whole process (every thread): on a shared machine, a steadier figure than the wall clock.
const cpuStart = process.cpuUsage();
const start = performance.now();
const plan = await planImport({
  file: join(dir, 'people.csv'),
  photosDir: join(dir, 'photos'),
  cutDir,
  faceCheckThreads: Number(threadsText),
  onProgress: (done) => {
    if (done === 1) firstMs = performance.now() - start;
  },
});
const planMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const planCpuMs = Math.round((cpu.user + cpu.system) / 1000);
const rssAfterPlanMb = Math.round(process.memoryUsage().rss / 1048576);
const peakPlanMb = Math.round(process.resourceUsage().maxRSS / 1024);
const importStart = performance.now();
const imported = await core.people.importRows(siteId, [], plan.rows);
const importMs = performance.now() - importStart;
await core.close();
process.stdout.write(
  `${JSON.stringify({ planned: plan.rows.length, problems: plan.problems.length, imported, planMs: Math.round(planMs), planCpuMs, firstPhotoMs: Math.round(firstMs), importMs: Math.round(importMs), rssBeforeMb, rssAfterPlanMb, peakPlanMb, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
