import type { AccessLevel } from '../../../shared/contract/backends.ts';
import type { BridgeDevice, BridgeTask, DeviceAccessLevels, DoorRef } from '../../../shared/contract/bridges.ts';

/**
 * The Bridge page's device form and lines (issue 16 item 5), pure: the doors and the access levels
 * per backend picked for a device (add or edit), what goes to `bridge.devices.add|update`, each
 * backend's levels in words, and the device's last task. Unit-tested.
 */

export const doorKey = (door: DoorRef): string => `${door.backendId}/${door.doorId}`;

/** The form: door keys ticked, level ids ticked per backend. */
export interface DeviceFormValue {
  readonly doors: readonly string[];
  readonly levels: Readonly<Record<number, readonly string[]>>;
}

export const emptyDeviceForm: DeviceFormValue = { doors: [], levels: {} };

/** A stored device as the form starts when it is edited. */
export function deviceFormOf(device: BridgeDevice): DeviceFormValue {
  return {
    doors: device.doors.map(doorKey),
    levels: Object.fromEntries(device.accessLevels.map((set) => [set.backendId, [...set.accessLevelIds]])),
  };
}

/** The backends behind the doors ticked, in order of first appearance: each gets a level picker. */
export function pickedBackends(form: DeviceFormValue): number[] {
  return [...new Set(form.doors.map((key) => Number(key.split('/')[0])))];
}

/** The doors ticked as refs (only doors the site still has). */
export function doorRefs(form: DeviceFormValue, doors: readonly DoorRef[]): DoorRef[] {
  return doors.filter((door) => form.doors.includes(doorKey(door))).map((door) => ({ backendId: door.backendId, doorId: door.doorId }));
}

/**
 * The levels to send: for each backend behind the doors ticked, the ids ticked there (only those
 * the backend still stores). A backend with none ticked is left out: its workers get the levels
 * covering the device's doors.
 */
export function accessLevelsInput(form: DeviceFormValue, stored: Readonly<Record<number, readonly AccessLevel[]>>): DeviceAccessLevels[] {
  return pickedBackends(form).flatMap((backendId) => {
    const known = new Set((stored[backendId] ?? []).map((level) => level.id));
    const ids = (form.levels[backendId] ?? []).filter((id) => known.has(id));
    return ids.length === 0 ? [] : [{ backendId, accessLevelIds: ids }];
  });
}

/** Ticks or unticks a level of a backend. */
export function toggleLevel(form: DeviceFormValue, backendId: number, levelId: string, on: boolean): DeviceFormValue {
  const now = form.levels[backendId] ?? [];
  const next = on ? [...now.filter((id) => id !== levelId), levelId] : now.filter((id) => id !== levelId);
  return { ...form, levels: { ...form.levels, [backendId]: next } };
}

/** One backend's levels in effect on a device, in words: names where stored, ids otherwise; `warn` when none. */
export interface LevelLine {
  readonly backendId: number;
  readonly backend: string;
  /** Level names joined; empty when none. */
  readonly names: string;
  /** The catalog key of where they come from (bridgeWork.fromSet / fromDoors). */
  readonly fromKey: string;
  /** No level: workers would be enrolled without access. */
  readonly warn: boolean;
}

export function levelLines(device: BridgeDevice, stored: Readonly<Record<number, readonly AccessLevel[]>>): LevelLine[] {
  return device.levels.map((entry) => {
    const names = new Map((stored[entry.backendId] ?? []).map((level) => [level.id, level.name]));
    return {
      backendId: entry.backendId,
      backend: entry.backendName ?? `#${entry.backendId}`,
      names: entry.accessLevelIds.map((id) => names.get(id) ?? id).join(', '),
      fromKey: entry.from === 'set' ? 'bridgeWork.fromSet' : 'bridgeWork.fromDoors',
      warn: entry.accessLevelIds.length === 0,
    };
  });
}

/** The device's newest task (by received time, then id), if any. */
export function lastTaskOf(tasks: readonly BridgeTask[], deviceId: number): BridgeTask | undefined {
  let last: BridgeTask | undefined;
  for (const task of tasks) {
    if (task.deviceId !== deviceId) continue;
    if (!last || task.receivedAt > last.receivedAt || (task.receivedAt === last.receivedAt && task.id > last.id)) last = task;
  }
  return last;
}
