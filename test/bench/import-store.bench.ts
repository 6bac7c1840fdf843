import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { planImport } from '../../electron/import/plan-import.ts';
import { makeJpegHeader } from '../support/images.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const ROWS = 10_000;

/**
 * Bulk import into the store: a 10,000-row CSV and a folder of 10,000 photos (20 KB each, hard links
 * to 50 distinct images) → plan (every row checked, photos matched and sniffed) → saved as people and
 * face files with an outbox entry each. Goal: ≤ 10 s, peak RSS < 300 MB.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-import-'));
  try {
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    for (let i = 0; i < 50; i++) writeFileSync(join(photos, `src-${i}.bin`), makeJpegHeader(400 + i, 300, 20_000));
    const lines = ['工号,姓名,手机,部门'];
    for (let i = 0; i < ROWS; i++) {
      lines.push(`P${i},工人${i},138${String(i).padStart(8, '0')},Construction`);
      linkSync(join(photos, `src-${i % 50}.bin`), join(photos, `P${i}.jpg`));
    }
    writeFileSync(join(dir, 'people.csv'), lines.join('\n'));
    const core = createCore({ dataDir: join(dir, 'data'), runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 'T' } })).id;

    const rssBeforeMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const start = process.hrtime.bigint();
    const plan = await planImport({ file: join(dir, 'people.csv'), photosDir: photos });
    const planMs = elapsedMs(start);
    const rssAfterPlanMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const imported = await core.people.importRows(siteId, [{ backendId, accessLevelIds: [] }], plan.rows);
    const totalMs = elapsedMs(start);
    const counts = core.outbox.counts();
    await core.close();
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      name: 'import.store',
      rows: ROWS,
      planned: plan.rows.length,
      imported,
      outboxPending: counts.pending,
      planMs: Math.round(planMs),
      totalMs: Math.round(totalMs),
      rowsPerSecond: Math.round((imported / totalMs) * 1000),
      peakRssMb,
      rssBeforeMb,
      rssAfterPlanMb,
      goals: { totalMs: 10_000, peakRssMb: 300 },
      met: totalMs <= 10_000 && peakRssMb < 300,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
