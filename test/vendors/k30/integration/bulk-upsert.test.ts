import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRecord, PersonRefs } from '../../../../electron/backends/backend.ts';
import { K30Adapter } from '../../../../electron/drivers/k30/adapter.ts';
import { BackendsTable } from '../../../../electron/store/backends-table.ts';
import { openStore } from '../../../../electron/store/database.ts';
import { PersonRefsTable } from '../../../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { astronautJpeg } from '../../../support/astronaut.ts';
import { makePng } from '../../../simulators/common/image-fixtures.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();

/**
 * K30's bulk upsert writes several people at once (people-writes.ts K30_WRITES_IN_FLIGHT, the
 * benchmark's goal): against the simulator over HTTP, each refused person is reported and the rest
 * written, and a person who comes twice is written in the order given — one K30 person, the later
 * values — with K30's `no` kept in a real store.
 */
describe('K30 adapter: bulk upsert, several people at once', () => {
  let sim: K30Simulator;
  let k30: K30Adapter;
  let refs: PersonRefs;

  beforeAll(async () => {
    sim = await startK30Simulator();
    const { db } = openStore(join(tempDir(), 'doorman.db'));
    const now = '2026-03-01T08:00:00.000Z';
    const site = new SitesTable(db).insert('S', now).id;
    const backend = new BackendsTable(db).insert(
      { siteId: site, vendor: 'k30', name: 'K30', baseUrl: sim.url, tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['companyNo'] },
      now,
    );
    refs = new PersonRefsTable(db).of(backend.backend.id);
    k30 = new K30Adapter({ baseUrl: sim.url, companyNo: DEFAULT_COMPANY_NO, personRefs: refs });
  });
  afterAll(async () => {
    await k30.close();
    await sim.close();
  });

  const byJobNumber = (pin: string) => [...sim.state.people.values()].filter((p) => p.jobnumber === pin);

  it('writes everyone, reports each refused person in the order given, and keeps one person’s writes in order', async () => {
    const face = astronautJpeg();
    const people: PersonRecord[] = [];
    for (let i = 1; i <= 12; i++) people.push({ pin: `M${i}`, name: `Worker ${i}`, photo: { bytes: face } });
    // M3 comes again later with a new name; M5 and M9 have PNG photos, which K30 does not take.
    people.push({ pin: 'M3', name: 'Worker 3, renamed', photo: { bytes: face } });
    people[4] = { pin: 'M5', name: 'Worker 5', photo: { bytes: makePng(200, 200) } };
    people[8] = { pin: 'M9', name: 'Worker 9', photo: { bytes: makePng(200, 200) } };
    const progress: number[] = [];

    const result = await k30.upsertPersons(people, { onProgress: (p) => progress.push(p.done + p.failed) });

    expect(result.done).toBe(11);
    expect(result.failures.map((f) => [f.pin, f.code])).toEqual([
      ['M5', 'invalid_params'],
      ['M9', 'invalid_params'],
    ]);
    expect(progress).toEqual(people.map((_p, i) => i + 1));
    for (const pin of ['M1', 'M2', 'M4', 'M12']) {
      expect(byJobNumber(pin)).toHaveLength(1);
      expect(byJobNumber(pin)[0]?.photo).toBeTruthy();
      expect(refs.get(pin)).toBe(byJobNumber(pin)[0]?.no);
    }
    expect(byJobNumber('M5')).toEqual([]);
    expect(byJobNumber('M3')).toHaveLength(1);
    expect(byJobNumber('M3')[0]?.name).toBe('Worker 3, renamed');
  });
});
