import { describe, expect, it } from 'vitest';
import type { CommissioningMethod } from '../../../shared/contract/commissioning.ts';
import { guessPanelModel } from '../../../renderer/src/pages/backends/wizards/hongtu-panel-models.ts';
import { bindPanel, createGroup, grantAuthority, importPanel } from '../../../renderer/src/pages/backends/wizards/hongtu-steps.ts';
import type { StepsApi } from '../../../renderer/src/pages/backends/wizards/steps-api.ts';
import { addDoorsToLevel, addLevel } from '../../../renderer/src/pages/backends/wizards/zkbio-steps.ts';
import { K30_SKIPPABLE, K30_STEPS, placeInRegion, revertOf, setHold, updateDevice } from '../../../renderer/src/pages/backends/wizards/k30-steps.ts';
import type { K30Device } from '../../../shared/contract/commissioning.ts';

/**
 * The wizard's steps in the renderer: each is a `commissioning.*` method of the core (whose
 * endpoint requests are tested in test/unit/drivers/commissioning-steps.test.ts), made into the
 * wizard's outcome: its summary, what later steps need, and its undo.
 */
function fakeSteps(answers: Partial<Record<CommissioningMethod, (input: Record<string, unknown>) => unknown>>) {
  const calls: [string, Record<string, unknown>][] = [];
  const steps = (async (method: CommissioningMethod, input: Record<string, unknown>) => {
    calls.push([method, input]);
    const answer = answers[method];
    if (!answer) throw new Error(`unexpected ${method}`);
    return answer(input);
  }) as StepsApi;
  return { steps, calls };
}

describe('Hongtu wizard steps', () => {
  const panel = { uuid: 'p1', snCode: 'W5KEA20240600001', deviceModel: null, discoveryMethod: 1 };

  it('imports the panel and carries its uuid and name; undo deletes it', async () => {
    const { steps, calls } = fakeSteps({ 'commissioning.hongtu.importPanel': () => ({ panelUuid: 'p1' }), 'commissioning.hongtu.deletePanel': () => ({}) });
    const outcome = await importPanel(steps, { panel, name: 'Gate', location: 'North', deviceModel: 40 });
    expect(calls[0]).toEqual(['commissioning.hongtu.importPanel', { panel: { uuid: 'p1', snCode: panel.snCode, discoveryMethod: 1 }, name: 'Gate', location: 'North', deviceModel: 40 }]);
    expect(outcome.context).toEqual({ panelUuid: 'p1', panelName: 'Gate' });
    expect(outcome.summary).toEqual({ key: 'wizard.hongtu.imported', values: { name: 'Gate', sn: panel.snCode } });
    await outcome.undo?.();
    expect(calls.at(-1)).toEqual(['commissioning.hongtu.deletePanel', { panelUuid: 'p1' }]);
  });

  it('binds and counts the devices that stay bound; undo unbinds the panel alone', async () => {
    const { steps, calls } = fakeSteps({ 'commissioning.hongtu.bindPanel': () => ({ boundBefore: 1 }), 'commissioning.hongtu.unbindPanel': () => ({}) });
    const outcome = await bindPanel(steps, 'srv', 'p1');
    expect(outcome.summary.values).toEqual({ count: 1 });
    expect(outcome.context).toEqual({ serverUuid: 'srv' });
    await outcome.undo?.();
    expect(calls.at(-1)).toEqual(['commissioning.hongtu.unbindPanel', { serverUuid: 'srv', panelUuid: 'p1' }]);
  });

  it('creates a group and grants the authority, each with an undo', async () => {
    const { steps, calls } = fakeSteps({
      'commissioning.hongtu.createGroup': () => ({ groupUuid: 'g1' }),
      'commissioning.hongtu.deleteGroup': () => ({}),
      'commissioning.hongtu.grantAuthority': () => ({}),
      'commissioning.hongtu.revokeAuthority': () => ({}),
    });
    const group = await createGroup(steps, 'Crew');
    expect(group.context).toEqual({ groupUuid: 'g1' });
    const granted = await grantAuthority(steps, 'p1', 'g1', { uuid: 's1', name: '全天' });
    expect(calls.find(([method]) => method === 'commissioning.hongtu.grantAuthority')?.[1]).toEqual({ panelUuid: 'p1', groupUuid: 'g1', scheduleUuid: 's1' });
    expect(granted.summary.values).toEqual({ schedule: '全天' });
    await granted.undo?.();
    expect(calls.at(-1)).toEqual(['commissioning.hongtu.revokeAuthority', { panelUuid: 'p1', scheduleUuid: 's1' }]);
    await group.undo?.();
    expect(calls.at(-1)).toEqual(['commissioning.hongtu.deleteGroup', { groupUuid: 'g1' }]);
  });

  it('suggests the panel model from the serial, longest name first', () => {
    expect(guessPanelModel('W5KEA20240600001')).toBe(40);
    expect(guessPanelModel('W5KEADT2024')).toBe(43);
    expect(guessPanelModel('W4KI5220240600002')).toBe(34);
    expect(guessPanelModel('XYZ123')).toBeNull();
  });
});

describe('ZKBio wizard steps', () => {
  it('adds a level and carries its name and id (no undo in the API)', async () => {
    const { steps, calls } = fakeSteps({ 'commissioning.zkbio.addLevel': () => ({ levelId: 'L1' }) });
    const outcome = await addLevel(steps, { name: 'Crew', timeSegName: '24-Hour Accessible', areaName: 'Area 1' });
    expect(calls[0]).toEqual(['commissioning.zkbio.addLevel', { name: 'Crew', timeSegName: '24-Hour Accessible', areaName: 'Area 1' }]);
    expect(outcome).toMatchObject({ context: { levelName: 'Crew', levelId: 'L1' } });
    expect(outcome.undo).toBeUndefined();
  });

  it('puts the doors in the level by name', async () => {
    const { steps, calls } = fakeSteps({ 'commissioning.zkbio.addDoorsToLevel': () => ({}) });
    const outcome = await addDoorsToLevel(steps, 'Crew', ['Door 1', 'Door 2']);
    expect(calls[0]).toEqual(['commissioning.zkbio.addDoorsToLevel', { levelName: 'Crew', doorNames: ['Door 1', 'Door 2'] }]);
    expect(outcome.summary).toEqual({ key: 'wizard.zkbio.doorsAdded', values: { count: 2, name: 'Crew' } });
  });
});

describe('K30 wizard steps (issue 14 item 6)', () => {
  const before: K30Device = { no: 'A1', name: 'Gate exit', ip: '192.0.2.42', area: null, regionName: '工地大门', direction: 'out', attendance: true, online: true };

  it('saves a device edit, carries what changed, and its undo writes the values before', async () => {
    const after = { ...before, direction: 'in' as const };
    const change = { field: 'direction', before: 'out', after: 'in' };
    const { steps, calls } = fakeSteps({ 'commissioning.k30.updateDevice': () => ({ before, after, changes: [change] }) });
    const outcome = await updateDevice(steps, { no: 'A1', name: 'Gate exit', direction: 'in' });
    expect(outcome.summary).toEqual({ key: 'k30Wizard.devices.saved', values: { name: 'Gate exit', count: 1 } });
    expect(outcome.context).toEqual({ lastEdit: { name: 'Gate exit', changes: [change] } });
    await outcome.undo?.();
    expect(calls.at(-1)).toEqual(['commissioning.k30.updateDevice', { no: 'A1', name: 'Gate exit', direction: 'out' }]);
  });

  it('has no undo when a field was empty before: device.update cannot empty it (填就更新)', () => {
    expect(revertOf(before, [{ field: 'area', before: null, after: 'Gate' }])).toBeNull();
    expect(revertOf({ ...before, regionName: null }, [{ field: 'regionName', before: null, after: 'R' }])).toBeNull();
    expect(revertOf(before, [{ field: 'name', before: 'Gate exit', after: 'X' }])).toEqual({ no: 'A1', name: 'Gate exit' });
  });

  it('creates a region and puts the devices in it; undo moves them back, then deletes the region', async () => {
    const { steps, calls } = fakeSteps({
      'commissioning.k30.createRegion': () => ({ regionNo: 'R9' }),
      'commissioning.k30.assignRegion': (input) => ({ moved: (input['deviceNos'] as string[]).map((no) => ({ no, name: no, fromRegion: no === 'A1' ? '工地大门' : '默认区域' })) }),
      'commissioning.k30.deleteRegion': () => ({}),
    });
    const outcome = await placeInRegion(steps, { create: 'Lane', existing: null, deviceNos: ['A1', 'B2'] });
    expect(outcome.summary).toEqual({ key: 'k30Wizard.region.createdDone', values: { region: 'Lane', count: 2 } });
    calls.length = 0;
    await outcome.undo?.();
    expect(calls).toEqual([
      ['commissioning.k30.assignRegion', { regionName: '工地大门', deviceNos: ['A1'] }],
      ['commissioning.k30.assignRegion', { regionName: '默认区域', deviceNos: ['B2'] }],
      ['commissioning.k30.deleteRegion', { regionNo: 'R9' }],
    ]);
  });

  it('holds a device open or closed with no undo (the API has no way back to normal)', async () => {
    const { steps, calls } = fakeSteps({ 'commissioning.k30.setHold': () => ({}) });
    const outcome = await setHold(steps, before, 'open');
    expect(calls[0]).toEqual(['commissioning.k30.setHold', { deviceNo: 'A1', mode: 'open' }]);
    expect(outcome.summary).toEqual({ key: 'k30Wizard.hold.heldOpen', values: { name: 'Gate exit' } });
    expect(outcome.undo).toBeUndefined();
  });

  it('ends with the callback URL slot, and every step may be skipped', () => {
    expect(K30_STEPS).toEqual(['devices', 'region', 'hold', 'callback']);
    expect([...K30_SKIPPABLE].sort()).toEqual([...K30_STEPS].sort());
  });
});
