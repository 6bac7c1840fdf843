import { describe, expect, it } from 'vitest';
import type { AccessLevel } from '../../../shared/contract/backends.ts';
import type { BridgeDevice, BridgeTask } from '../../../shared/contract/bridges.ts';
import { accessLevelsInput, deviceFormOf, doorRefs, lastTaskOf, levelLines, pickedBackends, toggleLevel } from '../../../renderer/src/stores/bridge-device-form.ts';

const level = (id: string, name: string, doorIds: string[] | null = []): AccessLevel => ({ id, name, doorIds, notes: {} }) as AccessLevel;
const stored = { 1: [level('L1', 'Gate'), level('L2', 'Office')], 2: [level('H1', 'All day')] };

const device: BridgeDevice = {
  id: 7,
  bridgeId: 1,
  sn: 'ZJ-1',
  doors: [
    { backendId: 1, doorId: 'D1', doorName: 'Gate in', backendName: 'K30' },
    { backendId: 2, doorId: 'P1', doorName: 'Panel', backendName: 'Hongtu' },
  ],
  accessLevels: [{ backendId: 1, accessLevelIds: ['L2'] }],
  levels: [
    { backendId: 1, backendName: 'K30', accessLevelIds: ['L2'], from: 'set' },
    { backendId: 2, backendName: null, accessLevelIds: [], from: 'doors' },
    { backendId: 3, backendName: 'ZKBio', accessLevelIds: ['Z9'], from: 'doors' },
  ],
  createdAt: '2026-12-08T00:00:00.000Z',
};

describe('the Bridge page device form', () => {
  it('starts an edit from the stored device and sends the levels ticked per backend behind its doors', () => {
    const form = deviceFormOf(device);
    expect(form).toEqual({ doors: ['1/D1', '2/P1'], levels: { 1: ['L2'] } });
    expect(pickedBackends(form)).toEqual([1, 2]);
    const more = toggleLevel(toggleLevel(form, 1, 'L1', true), 2, 'H1', true);
    expect(accessLevelsInput(more, stored)).toEqual([
      { backendId: 1, accessLevelIds: ['L2', 'L1'] },
      { backendId: 2, accessLevelIds: ['H1'] },
    ]);
    // Unticked everywhere on a backend: left out, its workers get the levels covering the doors.
    const none = toggleLevel(more, 2, 'H1', false);
    expect(accessLevelsInput(none, stored)).toEqual([{ backendId: 1, accessLevelIds: ['L2', 'L1'] }]);
    // A backend whose doors are no longer ticked, or a level no longer stored, is not sent.
    const fewer = { ...more, doors: ['2/P1'], levels: { ...more.levels, 2: ['H1', 'gone'] } };
    expect(accessLevelsInput(fewer, stored)).toEqual([{ backendId: 2, accessLevelIds: ['H1'] }]);
    expect(doorRefs(fewer, [{ backendId: 1, doorId: 'D1' }, { backendId: 2, doorId: 'P1' }])).toEqual([{ backendId: 2, doorId: 'P1' }]);
  });

  it('names each backend’s levels, where they come from, and warns of a backend with none', () => {
    expect(levelLines(device, stored)).toEqual([
      { backendId: 1, backend: 'K30', names: 'Office', fromKey: 'bridgeWork.fromSet', warn: false },
      { backendId: 2, backend: '#2', names: '', fromKey: 'bridgeWork.fromDoors', warn: true },
      { backendId: 3, backend: 'ZKBio', names: 'Z9', fromKey: 'bridgeWork.fromDoors', warn: false },
    ]);
  });

  it('finds the device’s newest task', () => {
    const task = (id: number, deviceId: number, receivedAt: string) => ({ id, deviceId, receivedAt }) as BridgeTask;
    const tasks = [task(1, 7, '2026-12-08T01:00:00.000Z'), task(2, 8, '2026-12-08T03:00:00.000Z'), task(3, 7, '2026-12-08T02:00:00.000Z'), task(4, 7, '2026-12-08T02:00:00.000Z')];
    expect(lastTaskOf(tasks, 7)?.id).toBe(4);
    expect(lastTaskOf(tasks, 9)).toBeUndefined();
  });
});
