import { describe, expect, it } from 'vitest';
import { bindPanel, createGroup, deletePanel, grantAuthority, importPanel, revokeAuthority, unbindPanel } from '../../../electron/drivers/hongtu/commissioning.ts';
import type { EndpointCall } from '../../../electron/drivers/step-reply.ts';
import { addDoorsToLevel, addLevel } from '../../../electron/drivers/zkbio/commissioning.ts';

/**
 * The set-up steps of the core (electron/drivers/<vendor>/commissioning.ts), against a backend that
 * answers `call` from a table and records every call (moved from the renderer's wizard-steps test
 * when the steps moved to the core; the same requests are asserted).
 */
function fakeCall(answers: Record<string, (params: Record<string, unknown>) => unknown>) {
  const calls: [string, Record<string, unknown>][] = [];
  const call: EndpointCall = async (endpoint, params) => {
    calls.push([endpoint, params]);
    const answer = answers[endpoint];
    if (!answer) throw new Error(`unexpected ${endpoint}`);
    return answer(params);
  };
  return { call, calls };
}

const page = <T>(list: T[]) => ({ pageNum: 1, pageSize: 100, total: list.length, list });

describe('Hongtu set-up steps', () => {
  const panel = { uuid: 'p1', snCode: 'W5KEA20240600001', discoveryMethod: 1 };

  it('imports with the document’s fixed fields and finds the panel by its serial; its undo deletes it', async () => {
    const { call, calls } = fakeCall({
      'device.importDevice': () => null,
      'device.queryDeviceInfo': ({ uuid }) => (uuid === 'p1' ? { uuid: 'p1', snCode: panel.snCode } : null),
      'device.delete': () => null,
    });
    const imported = await importPanel(call, { panel, name: 'Gate', location: 'North', deviceModel: 40 });
    expect(calls[0]).toEqual(['device.importDevice', { name: 'Gate', location: 'North', deviceType: 2, deviceModel: 40, deviceMode: 1, snCode: panel.snCode, discoveryMethod: 1 }]);
    expect(imported).toEqual({ panelUuid: 'p1' });
    await deletePanel(call, imported.panelUuid);
    expect(calls.at(-1)).toEqual(['device.delete', { uuid: 'p1' }]);
  });

  it('sends discovery method 1 when the panel reported none', async () => {
    const { call, calls } = fakeCall({ 'device.importDevice': () => null, 'device.queryDeviceInfo': () => ({ snCode: panel.snCode }) });
    await importPanel(call, { panel: { ...panel, discoveryMethod: null }, name: 'Gate', location: 'North', deviceModel: 40 });
    expect(calls[0]?.[1]).toMatchObject({ discoveryMethod: 1 });
  });

  it('finds an imported panel that got a new uuid among the panels of its name', async () => {
    const { call } = fakeCall({
      'device.importDevice': () => null,
      'device.queryDeviceInfo': ({ uuid }) => {
        if (uuid === 'p1') throw new Error('not found');
        return { uuid, snCode: uuid === 'new' ? panel.snCode : 'other' };
      },
      'device.list': () => page([{ uuid: 'old', name: 'Gate' }, { uuid: 'new', name: 'Gate' }]),
    });
    expect((await importPanel(call, { panel, name: 'Gate', location: 'N', deviceModel: 40 })).panelUuid).toBe('new');
  });

  it('binds FULL-SET: every device bound now, plus the panel; undo unbinds the panel alone', async () => {
    const { call, calls } = fakeCall({
      'device.query': () => ({ uuid: 'srv', bindDevices: [{ uuid: 'cam', name: 'Camera' }] }),
      'device.bind': () => null,
      'device.unbind': () => null,
    });
    const bound = await bindPanel(call, 'srv', 'p1');
    expect(calls[1]).toEqual(['device.bind', { uuid: 'srv', deviceUuids: ['cam', 'p1'] }]);
    expect(bound).toEqual({ boundBefore: 1 });
    await unbindPanel(call, 'srv', 'p1');
    expect(calls.at(-1)).toEqual(['device.unbind', { uuid: 'srv', unBindDeviceUuid: 'p1' }]);
  });

  it('treats a batch failure under a success envelope as a refusal', async () => {
    const { call } = fakeCall({ 'passGroup.batchAdd': () => ({ successes: [], failures: [{ name: 'A B', code: 103005, msg: '组名称长度2~32，不支持特殊字符' }] }) });
    await expect(createGroup(call, 'A B')).rejects.toMatchObject({ code: 'backend_refused', details: { reason: '组名称长度2~32，不支持特殊字符' } });
  });

  it('creates a group, finds its uuid by name, and grants the authority with an undo', async () => {
    const { call, calls } = fakeCall({
      'passGroup.batchAdd': () => ({ successes: [{ uuid: null, name: 'Crew' }], failures: [] }),
      'passGroup.list': () => page([{ uuid: 'g1', name: 'Crew' }]),
      'passGroup.delete': () => null,
      'passAuthority.add': () => null,
      'passAuthority.delete': () => null,
    });
    expect(await createGroup(call, 'Crew')).toEqual({ groupUuid: 'g1' });
    await grantAuthority(call, 'p1', 'g1', 's1');
    expect(calls.find(([endpoint]) => endpoint === 'passAuthority.add')?.[1]).toEqual({ deviceUuids: ['p1'], groupUuids: ['g1'], scheduleUuid: 's1' });
    await revokeAuthority(call, 'p1', 's1');
    expect(calls.at(-1)).toEqual(['passAuthority.delete', { deviceUuid: 'p1', scheduleUuid: 's1' }]);
  });

  it('refuses a reply it cannot read with the endpoint named, not a crash', async () => {
    const { call } = fakeCall({ 'passGroup.batchAdd': () => ({ successes: 'nope' }) });
    await expect(createGroup(call, 'Crew')).rejects.toMatchObject({ code: 'backend_bad_reply' });
  });
});

describe('ZKBio set-up steps', () => {
  it('adds a level as a one-item JSON array and reads its id by name (no undo in the API)', async () => {
    const { call, calls } = fakeCall({ 'accLevel.addLevel': () => null, 'accLevel.getByName.v2': () => ({ id: 'L1', name: 'Crew' }) });
    const added = await addLevel(call, { name: 'Crew', timeSegName: '24-Hour Accessible', areaName: 'Area 1' });
    expect(calls[0]).toEqual(['accLevel.addLevel', { items: [{ name: 'Crew', timeSegName: '24-Hour Accessible', areaName: 'Area 1' }] }]);
    expect(added).toEqual({ levelId: 'L1' });
  });

  it('pairs the level with each door by name', async () => {
    const { call, calls } = fakeCall({ 'accLevel.addLevelDoor': () => null });
    await addDoorsToLevel(call, 'Crew', ['Door 1', 'Door 2']);
    expect(calls[0]).toEqual(['accLevel.addLevelDoor', { items: [{ levelName: 'Crew', doorName: 'Door 1' }, { levelName: 'Crew', doorName: 'Door 2' }] }]);
  });
});
