import { linkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BulkResult, PersonRecord } from '../../../electron/backends/backend.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { elapsedMs, type BenchResult } from '../stats.ts';

const PERSONS = 5_000;
const PHOTO_BYTES = 100 * 1024;
const DISTINCT_PHOTOS = 50;

/**
 * The bulk-upsert benchmark every vendor runs: 5,000 persons with ~100 KB JPEG photos (files in
 * `dir`, hard links to 50 distinct images, read when their person is sent) through the vendor's
 * upsertPersons. Goal: ≥ 200 persons/s, peak RSS < 300 MB. `cpuMsPerPerson` is this process's CPU
 * a person (the simulator's, in its own process, is not in it).
 */
export async function measureBulkUpsert(
  name: string,
  dir: string,
  upsertPersons: (persons: AsyncIterable<PersonRecord>) => Promise<BulkResult>,
): Promise<BenchResult> {
  for (let i = 0; i < DISTINCT_PHOTOS; i++) writeFileSync(join(dir, `src-${i}.jpg`), makeJpegHeader(640 + i, 480, PHOTO_BYTES));
  for (let i = 0; i < PERSONS; i++) linkSync(join(dir, `src-${i % DISTINCT_PHOTOS}.jpg`), join(dir, `P${i}.jpg`));
  async function* persons(): AsyncGenerator<PersonRecord> {
    for (let i = 0; i < PERSONS; i++) yield { pin: `P${i}`, name: `Worker ${i}`, photo: { path: join(dir, `P${i}.jpg`) } };
  }
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await upsertPersons(persons());
  const ms = elapsedMs(start);
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return {
    name,
    persons: PERSONS,
    photoBytes: PHOTO_BYTES,
    done: result.done,
    failed: result.failed,
    totalMs: Math.round(ms),
    personsPerSecond: Math.round((result.done / ms) * 1000),
    // Doorman's own CPU (user + system) a person: steadier than persons/s on a shared machine.
    cpuMsPerPerson: Math.round(((cpu.user + cpu.system) / 1000 / PERSONS) * 100) / 100,
    peakRssMb,
    rssBeforeMb: Math.round(rssBefore / 1024 / 1024),
    goals: { personsPerSecond: 200, peakRssMb: 300 },
    met: (result.done / ms) * 1000 >= 200 && peakRssMb < 300,
  };
}
