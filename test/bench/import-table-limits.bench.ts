import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idCheckCharacter } from '../../shared/rules/id-number.ts';
import { IMPORT_LIMITS } from '../../shared/rules/import-limits.ts';
import { repeat, workbookParts, writeSheetXlsx, writeZip } from '../support/xlsx-files.ts';
import type { BenchResult } from './stats.ts';

const WORKER = new URL('./support/table-read-worker.ts', import.meta.url).pathname;

/** `rows` rows of people below the template's header, each with a distinct valid ID number. */
function* people(rows: number): Generator<string[]> {
  yield ['工号/Personnel number', '姓名/Name', '身份证号/ID number', '手机/Phone', '部门/Department', '有效期开始/Valid from', '有效期结束/Valid to'];
  for (let i = 0; i < rows; i++) {
    const born = new Date(Date.UTC(1960, 0, 1) + (i % 14_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${110101 + Math.floor(i / 14_000)}${born}${String(i % 1000).padStart(3, '0')}`;
    yield [`W${i}`, `工人${i}`, first17 + idCheckCharacter(first17), `138${String(i).padStart(8, '0')}`, `班组${i % 20}`, '2026-01-01 00:00:00', '2026-12-31 23:59:59'];
  }
}

/**
 * The import's table limits (shared/rules/import-limits.ts) on large and hostile files: each file is
 * read and planned (no photos) in a process of its own, which reports its time and peak RSS.
 * Before the limits, a 3,000,000-row XLSX (115 MB) took 846 s and 8.1 GB. Goal: the 50,000 rows
 * the limit allows are planned, and everything over a limit is refused, in < 600 MB.
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-limits-'));
  try {
    const files: { name: string; path: string; refused: boolean }[] = [];
    const add = (name: string, path: string, refused: boolean) => files.push({ name, path, refused });

    add('csv.50000rows', join(dir, 'fits.csv'), false);
    writeFileSync(files.at(-1)?.path ?? '', [...people(IMPORT_LIMITS.rows)].map((r) => r.join(',')).join('\r\n'));
    add('xlsx.50000rows', join(dir, 'fits.xlsx'), false);
    await writeSheetXlsx(files.at(-1)?.path ?? '', people(IMPORT_LIMITS.rows));
    add('xlsx.60000rows', join(dir, 'over.xlsx'), true);
    await writeSheetXlsx(files.at(-1)?.path ?? '', people(60_000));
    // 3,000,000 rows, even of one number each, take 22 MB zipped (the template's columns: 115 MB):
    // refused by its size before a byte of it is unzipped.
    add('xlsx.3000000rows', join(dir, 'three-million.xlsx'), true);
    await writeSheetXlsx(files.at(-1)?.path ?? '', (function* () {
      yield ['工号'];
      for (let i = 0; i < 3_000_000; i++) yield [i];
    })());
    // A zip bomb that lies about its size: 1 GB of spaces declared as 1 KB.
    add('xlsx.zipBomb1GB', join(dir, 'bomb.xlsx'), true);
    const spaces = Buffer.alloc(1024 * 1024, 0x20);
    await writeZip(files.at(-1)?.path ?? '', [...workbookParts(), { name: 'xl/worksheets/sheet1.xml', content: [Buffer.from('<worksheet><sheetData>'), ...repeat(spaces, 1024), Buffer.from('</sheetData></worksheet>')] }], { declareSize: () => 1024 });

    const results: BenchResult[] = [];
    for (const file of files) {
      const child = spawnSync(process.execPath, [WORKER, file.path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (child.status !== 0) throw new Error(`${file.name}: worker exited ${child.status ?? child.signal}`);
      const out = JSON.parse(child.stdout) as { ok: boolean; ms: number; peakRssMb: number; code?: string; row?: number; planned?: number };
      const goalMb = 600;
      results.push({
        name: `import.tableLimits.${file.name}`,
        fileMb: Math.round((statSync(file.path).size / 1024 / 1024) * 10) / 10,
        ...out,
        goals: { refused: file.refused, peakRssMb: goalMb },
        met: out.ok !== file.refused && out.peakRssMb < goalMb,
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
