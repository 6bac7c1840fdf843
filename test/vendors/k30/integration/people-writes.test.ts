import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRefs } from '../../../../electron/backends/backend.ts';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { K30Adapter } from '../../../../electron/drivers/k30/adapter.ts';
import { BackendsTable } from '../../../../electron/store/backends-table.ts';
import { openStore } from '../../../../electron/store/database.ts';
import { PersonRefsTable } from '../../../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { astronautJpeg } from '../../../support/astronaut.ts';
import { makePng } from '../../../simulators/common/image-fixtures.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** The pin ↔ K30 `no` pairs in a real store (migration 012), for one backend. */
function storedRefs(): PersonRefs {
  const { db } = openStore(join(tempDir(), 'doorman.db'));
  const now = '2026-03-01T08:00:00.000Z';
  const site = new SitesTable(db).insert('S', now).id;
  const backend = new BackendsTable(db).insert(
    { siteId: site, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['companyNo'] },
    now,
  );
  return new PersonRefsTable(db).of(backend.backend.id);
}

/** People writes to K30 over real HTTP against the simulator (issue 14 item 4). */
describe('K30 adapter: people writes', () => {
  let sim: K30Simulator;
  const adapters: K30Adapter[] = [];
  const adapter = (personRefs: PersonRefs) => {
    const made = new K30Adapter({ baseUrl: sim.url, companyNo: DEFAULT_COMPANY_NO, personRefs });
    adapters.push(made);
    return made;
  };
  const byJobNumber = (pin: string) => [...sim.state.people.values()].filter((p) => p.jobnumber === pin);

  beforeAll(async () => {
    sim = await startK30Simulator();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => sim.faults.clear());
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((a) => a.close()));
  });

  it('creates a person with a JPEG photo, keeps K30’s no, pushes them to their region’s devices; re-enrolling updates, not duplicates', async () => {
    const refs = storedRefs();
    const k30 = adapter(refs);
    await k30.upsertPerson({ pin: 'D1001', name: '李四', gender: 'F', phone: '13900000002', accessLevelIds: [SEED_IDS.gateRegion], photo: { bytes: astronautJpeg() } });
    const [created] = byJobNumber('D1001');
    expect(created).toMatchObject({ name: '李四', sex: '2', phone: '13900000002', deptno: SEED_IDS.department });
    expect(created?.photo).toBeTruthy();
    expect(refs.get('D1001')).toBe(created?.no);
    expect([...(created?.devices ?? [])].sort()).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut]);

    // A new adapter (the app restarted) reads the pair from the store.
    await adapter(refs).upsertPerson({ pin: 'D1001', name: '李四四', gender: 'F' });
    expect(byJobNumber('D1001')).toHaveLength(1);
    expect(byJobNumber('D1001')[0]).toMatchObject({ no: created?.no, name: '李四四' });
  });

  it('re-creates a person deleted in K30 by hand instead of failing forever', async () => {
    const refs = storedRefs();
    const k30 = adapter(refs);
    await k30.upsertPerson({ pin: 'D1002', name: '王五' });
    const first = refs.get('D1002');
    sim.state.people.delete(first ?? '');
    await k30.upsertPerson({ pin: 'D1002', name: '王五' });
    expect(byJobNumber('D1002')).toHaveLength(1);
    expect(refs.get('D1002')).toBe(byJobNumber('D1002')[0]?.no);
    expect(refs.get('D1002')).not.toBe(first);
  });

  it('adopts a person K30 already holds under the job number (added in the K30 software) instead of failing', async () => {
    const refs = storedRefs();
    await adapter(refs).upsertPerson({ pin: 'A0001', name: '张三丰' });
    expect(byJobNumber('A0001')).toHaveLength(1);
    expect(byJobNumber('A0001')[0]).toMatchObject({ no: SEED_IDS.zhangSan, name: '张三丰' });
    expect(refs.get('A0001')).toBe(SEED_IDS.zhangSan);
  });

  it('deletes by the kept no, forgets it, and a second delete is done already', async () => {
    const refs = storedRefs();
    const k30 = adapter(refs);
    await k30.upsertPerson({ pin: 'D1003', name: '赵六' });
    await k30.deletePerson('D1003');
    expect(byJobNumber('D1003')).toEqual([]);
    expect(refs.get('D1003')).toBeNull();
    await expect(k30.deletePerson('D1003')).resolves.toBeUndefined();
  });

  it('refuses a photo K30 cannot take before sending it, and bulk writes report it per person', async () => {
    const k30 = adapter(storedRefs());
    const png = { pin: 'D1004', name: 'PNG', photo: { bytes: makePng(4, 4) } };
    const error = await k30.upsertPerson(png).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverError);
    expect(error).toMatchObject({ code: 'invalid_params', advice: { en: expect.stringContaining('JPEG') as string } });
    expect(byJobNumber('D1004')).toEqual([]);

    const result = await k30.upsertPersons([png, { pin: 'D1005', name: 'Ok' }]);
    expect(result).toMatchObject({ done: 1, failed: 1, failures: [{ pin: 'D1004', code: 'invalid_params' }] });
    expect(byJobNumber('D1005')).toHaveLength(1);
  });

  it('reads the regions it pushes to once for a bulk write, not once a person (region.list allows < 60 a minute)', async () => {
    const k30 = adapter(storedRefs());
    sim.counters.reset();
    const people = ['B1', 'B2', 'B3', 'B4'].map((pin) => ({ pin, name: pin, accessLevelIds: [SEED_IDS.gateRegion] }));
    expect(await k30.upsertPersons(people)).toMatchObject({ done: 4, failed: 0 });
    expect(sim.counters.get('region.list')).toBe(1);
    expect(sim.counters.get('people.create')).toBe(4);
    expect(sim.counters.get('people.sync')).toBe(4);
    for (const pin of ['B1', 'B4']) expect([...(byJobNumber(pin)[0]?.devices ?? [])].sort()).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut]);
  });

  it('has no face check of its own: unsupported, with why', async () => {
    await expect(adapter(storedRefs()).checkFacePhoto({ bytes: astronautJpeg() })).rejects.toMatchObject({ code: 'unsupported' });
  });
});
