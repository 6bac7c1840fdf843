import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeJpegHeader } from '../support/images.ts';
import type { BenchResult } from './stats.ts';

const ROWS = 10_000;

/**
 * Bulk import into the store: a 10,000-row CSV and a folder of 10,000 photos (20 KB each, hard links
 * to 50 distinct images), made here; then a fresh process opens the core, plans (every row checked,
 * photos matched and sniffed) and saves people, face files and an outbox entry each — its time and
 * peak RSS are the figures. Goal: ≤ 10 s, peak RSS < 300 MB.
 */
export default function run(): BenchResult {
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
    const worker = spawnSync(process.execPath, [fileURLToPath(new URL('./support/import-store-worker.ts', import.meta.url)), dir], { encoding: 'utf8' });
    if (worker.status !== 0) throw new Error(`import worker failed: ${worker.stderr}`);
    const result = JSON.parse(worker.stdout.trim()) as { imported: number; totalMs: number; peakRssMb: number };
    return {
      name: 'import.store',
      rows: ROWS,
      ...result,
      rowsPerSecond: Math.round((result.imported / result.totalMs) * 1000),
      goals: { totalMs: 10_000, peakRssMb: 300 },
      met: result.totalMs <= 10_000 && result.peakRssMb < 300,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
