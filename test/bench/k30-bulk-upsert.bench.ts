import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { K30Adapter } from '../../electron/drivers/k30/adapter.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { PersonRefsTable } from '../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { measureBulkUpsert } from './support/bulk-upsert.ts';
import type { BenchResult } from './stats.ts';

/**
 * The K30 twin of zkbio-bulk-upsert.bench.ts (issue 14): 5,000 persons with ~100 KB JPEG photos
 * through upsertPersons to the K30 simulator, in its own process so the RSS measured here is
 * Doorman's alone. K30 has no batch call: each person is one people.create (AES-encrypted, signed
 * envelope with the photo as a base64 data URI), a few people at once (people-writes.ts
 * K30_WRITES_IN_FLIGHT), so the simulator opens one request while Doorman seals the next. K30's
 * `no` of each person is kept in a real store (PersonRefsTable, as the app does), one row per
 * person. Photos are files (hard links to 50 distinct images) read when their person is sent. No
 * access levels, as in the ZKBio bench, so no people.sync. Goal: the ZKBio bench's, ≥ 200
 * persons/s, peak RSS < 300 MB.
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
    return await measureBulkUpsert('k30.upsertPersons', dir, (persons) => adapter.upsertPersons(persons));
  } finally {
    await adapter.close();
    await sim.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
