import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peopleToCsv, peopleToXlsx } from '../../electron/import/export-table.ts';
import type { PersonFields } from '../../shared/contract/people.ts';
import { idCheckCharacter } from '../../shared/rules/id-number.ts';
import { makeJpegHeader } from '../support/images.ts';
import type { BenchResult } from './stats.ts';

const WORKER = new URL('./support/import-plan-worker.ts', import.meta.url).pathname;

const ROWS = 10_000;

/** A valid, distinct ID number per row: region 110105, born 1980-01-01 + i days mod ~27 years, sequence i. */
function idNumber(i: number): string {
  const born = new Date(Date.UTC(1980, 0, 1) + (i % 10_000) * 86_400_000);
  const first17 = `110105${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/**
 * The import dry run for 10,000 rows with a photo each (hard links to one 400×300 JPEG header of
 * 20 KB; only headers are read), from CSV and from XLSX: read, validate, match and check photos.
 * Each run is its own process (support/import-plan-worker.ts), so time and peak RSS are the planner's.
 * Goal (issue 6, the whole import): ≤ 10 s and < 300 MB for 10,000 rows; the plan is part of it.
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-import-'));
  try {
    const photos = join(dir, 'photos');
    mkdirSync(photos);
    writeFileSync(join(dir, 'src.jpg'), makeJpegHeader(400, 300, 20_000));
    const people: PersonFields[] = [];
    for (let i = 0; i < ROWS; i++) {
      const pin = `W${String(i).padStart(6, '0')}`;
      people.push({ pin, name: `工人${i}`, idNumber: idNumber(i), phone: `138${String(i).padStart(8, '0')}`, gender: i % 2 ? 'F' : 'M', department: `班组${i % 20}`, validFrom: '2026-01-01 00:00:00', validTo: '2026-12-31 23:59:59' });
      linkSync(join(dir, 'src.jpg'), join(photos, `${pin}.jpg`));
    }
    writeFileSync(join(dir, 'people.csv'), peopleToCsv(people));
    writeFileSync(join(dir, 'people.xlsx'), await peopleToXlsx(people));

    const results: BenchResult[] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const child = spawnSync(process.execPath, [WORKER, join(dir, `people.${format}`), photos], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (child.status !== 0) throw new Error(`${format}: worker exited ${child.status ?? child.signal}`);
      const out = JSON.parse(child.stdout) as { ms: number; peakRssMb: number; planned: number; problems: number };
      if (out.planned !== ROWS || out.problems > 0) throw new Error(`${format}: planned ${out.planned} rows with ${out.problems} problems`);
      results.push({
        name: `import.plan.${format}`,
        rows: ROWS,
        photos: ROWS,
        planned: out.planned,
        totalMs: Math.round(out.ms),
        rowsPerSecond: Math.round((ROWS / out.ms) * 1000),
        peakRssMb: out.peakRssMb,
        goals: { totalMs: 10_000, peakRssMb: 300 },
        met: out.ms <= 10_000 && out.peakRssMb < 300,
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
