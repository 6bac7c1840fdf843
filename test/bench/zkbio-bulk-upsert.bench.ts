import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZkbioAdapter } from '../../electron/drivers/zkbio/adapter.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { measureBulkUpsert } from './support/bulk-upsert.ts';
import type { BenchResult } from './stats.ts';

/**
 * 5,000 persons with ~100 KB JPEG photos through addPersons (batches of 100) to the ZKBio simulator,
 * which runs in its own process so the RSS measured here is Doorman's alone. Each person's photo is
 * its own file (hard links to 50 distinct images), read from disk when its batch is sent.
 * Goal: ≥ 200 persons/s, peak RSS < 300 MB.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-photos-'));
  const sim = await startSimProcess('zkbio');
  const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: sim.token, timeoutMs: 60_000 });
  try {
    return await measureBulkUpsert('zkbio.upsertPersons', dir, (persons) => adapter.upsertPersons(persons, { batchSize: 100 }));
  } finally {
    await adapter.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
