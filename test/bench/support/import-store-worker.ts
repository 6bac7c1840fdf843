// The measured half of import-store.bench.ts: a fresh process that opens the core, plans the import
// and saves it, then prints its time and peak RSS (the fixtures were made by the parent process).
import { join } from 'node:path';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { planImport } from '../../../electron/import/plan-import.ts';

const dir = process.argv[2] ?? '';
const core = createCore({ dataDir: join(dir, 'data'), runtime: 'node' });
const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 'T' } })).id;
const rssBeforeMb = Math.round(process.memoryUsage().rss / 1048576);
const start = performance.now();
// As `import --no-face-check`: the photos are made-up headers; import-face-check.bench.ts measures the face check.
const plan = await planImport({ file: join(dir, 'people.csv'), photosDir: join(dir, 'photos'), faceCheck: false });
const planMs = performance.now() - start;
const rssAfterPlan = Math.round(process.memoryUsage().rss / 1048576);
const heapAfterPlan = Math.round(process.memoryUsage().heapUsed / 1048576);
const imported = await core.people.importRows(siteId, [{ backendId, accessLevelIds: [] }], plan.rows);
const totalMs = performance.now() - start;
const outboxPending = core.outbox.counts().pending;
await core.close();
process.stdout.write(
  `${JSON.stringify({ planned: plan.rows.length, imported, outboxPending, planMs: Math.round(planMs), totalMs: Math.round(totalMs), rssBeforeMb, rssAfterPlan, heapAfterPlan, heapEnd: Math.round(process.memoryUsage().heapUsed / 1048576), external: Math.round(process.memoryUsage().external / 1048576), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
