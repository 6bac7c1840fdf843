import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function site(readInventory = true): Promise<{ core: Core; zk: ZkbioSimulator; ht: HongtuSimulator; siteId: number; zkId: number; htId: number }> {
  const zk = await startZkbioSimulator({ token: 'T' });
  const ht = await startHongtuSimulator();
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => zk.close(), () => ht.close(), () => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Block 7' })).id;
  const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
  const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
  if (readInventory) await call(core, 'backends.inventory', { id: zkId, refresh: true });
  return { core, zk, ht, siteId, zkId, htId };
}

async function refused(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('departments are the backend’s codes', () => {
  it('a department given by name is stored as ZKBio’s code and reaches ZKBio as deptCode', async () => {
    const { core, zk, siteId, zkId } = await site();
    const { person } = await call(core, 'people.enroll', { siteId, person: { pin: 'D1', name: 'Dept One', department: 'general' }, targets: [{ backendId: zkId }] });
    expect(person.fields.department).toBe('1');
    await call(core, 'people.enroll', { siteId, person: { pin: 'D2', name: 'Dept Two', department: '4' }, targets: [{ backendId: zkId }] });
    expect(await core.sync.runOnce()).toMatchObject({ failed: 0 });
    expect(zk.state.persons.get('D1')?.deptCode).toBe('1');
    expect(zk.state.persons.get('D2')?.deptCode).toBe('4');
  });

  it('a department no list has is refused as the person’s input; with Hongtu only it is kept as written', async () => {
    const { core, siteId, zkId, htId } = await site();
    const error = await refused(call(core, 'people.enroll', { siteId, person: { pin: 'D3', name: 'Dept Three', department: 'Plumbing' }, targets: [{ backendId: zkId }] }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.['issues']).toEqual([{ path: ['person', 'department'], code: 'custom', message: 'department_unknown' }]);
    const { person } = await call(core, 'people.enroll', { siteId, person: { pin: 'D3', name: 'Dept Three', department: 'Plumbing' }, targets: [{ backendId: htId }] });
    expect(person.fields.department).toBe('Plumbing');
  });

  it('the import’s dry run maps names to codes and makes an unknown department a row problem', async () => {
    const { core, siteId } = await site();
    const csv = ['工号,姓名,部门', 'I1,张三,土建一班', 'I2,李四,Electrical', 'I3,王五,2', 'I4,赵六,Plumbing', 'I5,钱七,土建一班'].join('\n');
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: Buffer.from(csv).toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.planned).toBe(4);
    expect(plan.problems.filter((p) => p.field === 'department').map((p) => [p.row, p.code, p.severity, p.value])).toEqual([[5, 'department_unknown', 'error', 'Plumbing']]);
    expect(plan.departments).toEqual([
      { value: '土建一班', code: '3', name: '土建一班', rows: 2 },
      { value: 'Electrical', code: '4', name: 'Electrical', rows: 1 },
      { value: '2', code: '2', name: 'Construction', rows: 1 },
    ]);
    await call(core, 'imports.run', { importId, targets: [] });
    const departments = Object.fromEntries((await call(core, 'people.list', { siteId })).people.map((p) => [p.fields.pin, p.fields.department]));
    expect(departments).toEqual({ I1: '3', I2: '4', I3: '2', I5: '3' });
  });

  it('a department list never read is read by the dry run; one out of reach leaves a warning, not a refusal', async () => {
    const { core, siteId, zkId } = await site(false);
    const csv = Buffer.from('工号,姓名,部门\nU1,张三,土建一班').toString('base64');
    const first = await call(core, 'imports.begin', { siteId, fileName: 'people.csv', base64: csv });
    const read = await call(core, 'imports.plan', { importId: first.importId, faceCheck: false });
    expect(read.departments).toEqual([{ value: '土建一班', code: '3', name: '土建一班', rows: 1 }]);
    expect((await call(core, 'backends.inventory', { id: zkId, refresh: false }))?.departments.length).toBe(4);

    // A ZKBio that does not answer (nothing listens on port 1).
    const other = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => other.close());
    const otherSite = (await call(other, 'sites.create', { name: 'Offline' })).id;
    await call(other, 'backends.add', { siteId: otherSite, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:1', credentials: { token: 'T' } });
    const second = await call(other, 'imports.begin', { siteId: otherSite, fileName: 'people.csv', base64: csv });
    const plan = await call(other, 'imports.plan', { importId: second.importId, faceCheck: false });
    expect(plan.planned).toBe(1);
    expect(plan.problems.filter((p) => p.field === 'department').map((p) => [p.code, p.severity])).toEqual([['department_unchecked', 'warning']]);
  });

  it('the shipped template’s departments are all on the demo ZKBio', async () => {
    const { core, siteId } = await site();
    const template = readFileSync(new URL('../../../resources/people-template.csv', import.meta.url));
    const { importId } = await call(core, 'imports.begin', { siteId, fileName: 'people-template.csv', base64: template.toString('base64') });
    const plan = await call(core, 'imports.plan', { importId, faceCheck: false });
    expect(plan.problems.filter((p) => p.field === 'department')).toEqual([]);
    expect(plan.departments.map((d) => d.value).sort()).toEqual(['Electrical', '土建一班']);
  });
});

describe('People → Edit: levels and backends', () => {
  it('changes the levels sent to a backend, adds one and drops another (the dropped one deletes the person)', async () => {
    const { core, zk, ht, siteId, zkId, htId } = await site();
    const { person } = await call(core, 'people.enroll', { siteId, person: { pin: 'E1', name: 'Edit One' }, targets: [{ backendId: zkId, accessLevelIds: [] }] });
    await core.sync.runOnce();
    const level = [...zk.state.levels.values()][0]?.id ?? '';
    const { outbox } = await call(core, 'people.update', {
      id: person.id,
      person: { pin: 'E1', name: 'Edit One', department: 'Construction' },
      targets: [{ backendId: htId, accessLevelIds: [SEED_IDS.staffGroup] }],
    });
    expect(outbox.map((e) => [e.backendId, e.action])).toEqual([[htId, 'upsert'], [zkId, 'delete']]);
    expect(await core.sync.runOnce()).toMatchObject({ failed: 0 });
    expect(zk.state.persons.has('E1')).toBe(false);
    expect([...ht.state.persons.values()].filter((p) => p.code === 'E1').map((p) => p.groupList)).toEqual([[SEED_IDS.staffGroup]]);
    // Back to ZKBio with a level: the department given by name is its code there.
    const again = await call(core, 'people.update', { id: person.id, person: { pin: 'E1', name: 'Edit One', department: 'Construction' }, targets: [{ backendId: zkId, accessLevelIds: [level] }, { backendId: htId, accessLevelIds: [] }] });
    expect(again.person.fields.department).toBe('2');
    expect(again.person.targets.map((t) => t.backendId)).toEqual([zkId, htId]);
    await core.sync.runOnce();
    expect(zk.state.persons.get('E1')).toMatchObject({ deptCode: '2', accLevelIds: [level] });
    // Every level unticked: the backend's levels are cleared, not kept.
    await call(core, 'people.update', { id: person.id, person: { pin: 'E1', name: 'Edit One' }, targets: [{ backendId: zkId, accessLevelIds: [] }, { backendId: htId, accessLevelIds: [] }] });
    await core.sync.runOnce();
    expect(zk.state.persons.get('E1')?.accLevelIds).toEqual([]);
    expect([...ht.state.persons.values()].filter((p) => p.code === 'E1').map((p) => p.groupList)).toEqual([[]]);
  });

  it('refuses a changed personnel number', async () => {
    const { core, siteId } = await site();
    const { person } = await call(core, 'people.enroll', { siteId, person: { pin: 'E2', name: 'Edit Two' } });
    const error = await refused(call(core, 'people.update', { id: person.id, person: { pin: 'E3', name: 'Edit Two' }, targets: [] }));
    expect(error.details?.['issues']).toEqual([{ path: ['person', 'pin'], code: 'custom', message: 'pin_read_only' }]);
  });
});
