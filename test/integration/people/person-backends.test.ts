import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const CSV = Buffer.from(['工号,姓名', 'R1,张三', 'R2,李四'].join('\n'));

/** A site with a ZKBio and a Hongtu simulator as its backends. */
async function siteWithTwoBackends(): Promise<{ core: Core; zk: ZkbioSimulator; ht: HongtuSimulator; siteId: number; zkId: number; htId: number }> {
  const zk = await startZkbioSimulator({ token: 'T' });
  const ht = await startHongtuSimulator();
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => zk.close(), () => ht.close(), () => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Block 7' })).id;
  const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
  const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
  return { core, zk, ht, siteId, zkId, htId };
}

/** The Import page's calls: the table, the dry run, the import to `targets`. */
async function importCsv(core: Core, siteId: number, targets: { backendId: number; accessLevelIds?: string[] }[]) {
  const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: CSV.toString('base64') });
  const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
  const result = await call(core, 'imports.run', { importId, targets });
  return { plan, result };
}

const onHongtu = (ht: HongtuSimulator, pin: string) => [...ht.state.persons.values()].filter((p) => p.code === pin);

describe('every backend a person was sent to', () => {
  it('re-imported to fewer backends, then deleted: the person leaves every backend they were on, Hongtu pass group included', async () => {
    const { core, zk, ht, siteId, zkId, htId } = await siteWithTwoBackends();
    await importCsv(core, siteId, [{ backendId: zkId }, { backendId: htId, accessLevelIds: [SEED_IDS.staffGroup] }]);
    await core.sync.runOnce();
    expect(onHongtu(ht, 'R1').map((p) => p.groupList)).toEqual([[SEED_IDS.staffGroup]]);

    // The same rows again, to ZKBio only.
    await importCsv(core, siteId, [{ backendId: zkId }]);
    await core.sync.runOnce();
    for (const person of (await call(core, 'people.list', { siteId })).people) await call(core, 'people.remove', { id: person.id });
    expect(await core.sync.runOnce()).toMatchObject({ pending: 0, failed: 0 });
    for (const pin of ['R1', 'R2']) {
      expect(zk.state.persons.has(pin), `ZKBio ${pin}`).toBe(false);
      expect(onHongtu(ht, pin), `Hongtu ${pin}`).toEqual([]);
    }
    // The pass group keeps only the simulator's own staff.
    expect([...ht.state.persons.values()].filter((p) => p.groupList.includes(SEED_IDS.staffGroup)).map((p) => p.code)).toEqual(['E1001', 'E1002']);
  });

  it('a person keeps every backend they were sent to, with the levels last sent there; delete queues one on each', async () => {
    const { core, siteId, zkId, htId } = await siteWithTwoBackends();
    await importCsv(core, siteId, [{ backendId: zkId }, { backendId: htId, accessLevelIds: [SEED_IDS.staffGroup] }]);
    await importCsv(core, siteId, [{ backendId: zkId, accessLevelIds: ['1'] }]);
    const people = (await call(core, 'people.list', { siteId })).people;
    expect(people.map((p) => [p.fields.pin, p.targets])).toEqual([
      ['R1', [{ backendId: zkId, accessLevelIds: ['1'] }, { backendId: htId, accessLevelIds: [SEED_IDS.staffGroup] }]],
      ['R2', [{ backendId: zkId, accessLevelIds: ['1'] }, { backendId: htId, accessLevelIds: [SEED_IDS.staffGroup] }]],
    ]);
    const { outbox } = await call(core, 'people.remove', { id: people[0]?.id ?? 0 });
    expect(outbox.map((e) => [e.backendId, e.action, e.pin])).toEqual([
      [zkId, 'delete', 'R1'],
      [htId, 'delete', 'R1'],
    ]);
    // The writes still waiting for R1 are superseded by its deletes.
    expect((await call(core, 'outbox.list', { siteId, state: 'pending' })).entries.filter((e) => e.pin === 'R1').map((e) => e.action)).toEqual(['delete', 'delete']);
  });

  it('the dry run says which rows update people already here, and on which backends they are', async () => {
    const { core, siteId, zkId, htId } = await siteWithTwoBackends();
    const first = await importCsv(core, siteId, [{ backendId: zkId }, { backendId: htId }]);
    expect(first.plan).toMatchObject({ newPeople: 2, updates: [], preview: [{ pin: 'R1', existing: null }, { pin: 'R2', existing: null }] });
    // R2 is edited on the People page's way: to ZKBio only; R3 is enrolled with no backend.
    await call(core, 'people.enroll', { siteId, person: { pin: 'R2', name: '李四' }, targets: [{ backendId: zkId }] });
    await call(core, 'people.enroll', { siteId, person: { pin: 'R3', name: '王五' } });

    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(['工号,姓名', 'R1,张三', 'R2,李四', 'R3,王五', 'R4,赵六'].join('\n')).toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.newPeople).toBe(1);
    expect(plan.updates).toEqual([
      { row: 2, pin: 'R1', name: '张三', backendIds: [zkId, htId] },
      { row: 3, pin: 'R2', name: '李四', backendIds: [zkId, htId] },
      { row: 4, pin: 'R3', name: '王五', backendIds: [] },
    ]);
    expect(plan.preview.map((r) => [r.pin, r.existing])).toEqual([
      ['R1', [zkId, htId]],
      ['R2', [zkId, htId]],
      ['R3', []],
      ['R4', null],
    ]);
  });
});
