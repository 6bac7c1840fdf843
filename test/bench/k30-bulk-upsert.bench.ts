import { linkSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonRecord } from '../../electron/backends/backend.ts';
import { K30Adapter } from '../../electron/drivers/k30/adapter.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { PersonRefsTable } from '../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { makeJpegHeader } from '../support/images.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { elapsedMs, type BenchResult } from './stats.ts';

const PERSONS = 5_000;
const PHOTO_BYTES = 100 * 1024;
const DISTINCT_PHOTOS = 50;

/**
 * The K30 twin of zkbio-bulk-upsert.bench.ts (issue 14): 5,000 persons with ~100 KB JPEG photos
 * through upsertPersons to the K30 simulator, in its own process so the RSS measured here is
 * Doorman's alone. K30 has no batch call: each person is one people.create (AES-encrypted, signed
 * envelope with the photo as a base64 data URI). K30's `no` of each person is kept in a real store
 * (PersonRefsTable, as the app does), one row per person. Photos are files (hard links to 50
 * distinct images) read when their person is sent. No access levels, as in the ZKBio bench, so no
 * people.sync. Goal: the ZKBio bench's, ≥ 200 persons/s, peak RSS < 300 MB.
 */
export default async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-k30-'));
  const { db } = openStore(join(dir, 'doorman.db'));
  const now = new Date().toISOString();
  const site = new SitesTable(db).insert('Bench', now).id;
  const backend = new BackendsTable(db).insert(
    { siteId: site, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['companyNo'] },
    now,
  );
  const personRefs = new PersonRefsTable(db).of(backend.backend.id);
  const sim = await startSimProcess('k30');
  const adapter = new K30Adapter({ baseUrl: sim.url, companyNo: sim.companyNo, personRefs, timeoutMs: 60_000 });
  try {
    for (let i = 0; i < DISTINCT_PHOTOS; i++) writeFileSync(join(dir, `src-${i}.jpg`), makeJpegHeader(640 + i, 480, PHOTO_BYTES));
    for (let i = 0; i < PERSONS; i++) linkSync(join(dir, `src-${i % DISTINCT_PHOTOS}.jpg`), join(dir, `P${i}.jpg`));
    async function* persons(): AsyncGenerator<PersonRecord> {
      for (let i = 0; i < PERSONS; i++) yield { pin: `P${i}`, name: `Worker ${i}`, photo: { path: join(dir, `P${i}.jpg`) } };
    }
    const rssBefore = process.memoryUsage().rss;
    const start = process.hrtime.bigint();
    const result = await adapter.upsertPersons(persons());
    const ms = elapsedMs(start);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      name: 'k30.upsertPersons',
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
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
