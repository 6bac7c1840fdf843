import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonRecord } from '../../electron/backends/backend.ts';
import { ZkbioAdapter } from '../../electron/drivers/zkbio/adapter.ts';
import { makeJpegHeader } from '../support/images.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const PERSONS = 5_000;
const PHOTO_BYTES = 100 * 1024;
const DISTINCT_PHOTOS = 50;

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
    for (let i = 0; i < DISTINCT_PHOTOS; i++) writeFileSync(join(dir, `src-${i}.jpg`), makeJpegHeader(640 + i, 480, PHOTO_BYTES));
    for (let i = 0; i < PERSONS; i++) linkSync(join(dir, `src-${i % DISTINCT_PHOTOS}.jpg`), join(dir, `P${i}.jpg`));
    async function* persons(): AsyncGenerator<PersonRecord> {
      for (let i = 0; i < PERSONS; i++) yield { pin: `P${i}`, name: `Worker ${i}`, photo: { path: join(dir, `P${i}.jpg`) } };
    }
    const rssBefore = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    const result = await adapter.upsertPersons(persons(), { batchSize: 100 });
    const ms = elapsedMs(start);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      name: 'zkbio.upsertPersons',
      persons: PERSONS,
      photoBytes: PHOTO_BYTES,
      done: result.done,
      failed: result.failed,
      totalMs: Math.round(ms),
      personsPerSecond: Math.round((result.done / ms) * 1000),
      peakRssMb,
      rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
      goals: { personsPerSecond: 200, peakRssMb: 300 },
      met: (result.done / ms) * 1000 >= 200 && peakRssMb < 300,
    };
  } finally {
    await adapter.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
