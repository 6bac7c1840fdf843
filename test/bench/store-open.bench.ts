import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../electron/store/database.ts';
import { latestVersion } from '../../electron/store/migrate.ts';
import { migrations } from '../../electron/store/migrations/index.ts';
import { elapsedMs, summarize, type BenchResult } from './stats.ts';

const RUNS = 30;

/** Opening the store: a new file (every migration runs) and an existing one (none runs). */
export default function run(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-'));
  try {
    const fresh: number[] = [];
    const reopen: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const path = join(dir, `fresh-${i}.db`);
      let start = process.hrtime.bigint();
      openStore(path).db.close();
      fresh.push(elapsedMs(start));
      start = process.hrtime.bigint();
      openStore(path).db.close();
      reopen.push(elapsedMs(start));
    }
    const schemaVersion = latestVersion(migrations);
    return [
      { name: 'store.open.new-file', schemaVersion, ...summarize(fresh) },
      { name: 'store.open.existing', schemaVersion, ...summarize(reopen) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
