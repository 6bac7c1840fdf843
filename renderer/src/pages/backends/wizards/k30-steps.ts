import type { K30Change, K30Device, K30Region } from '../../../../../shared/contract/commissioning.ts';
import type { StepOutcome } from '../../../stores/wizard.ts';
import type { StepsApi } from './steps-api.ts';

/**
 * The installer's flow on K30 (seed 000, 设备管理 and 区域管理): in K30 the device is the door.
 * Edit the devices (name, location, direction, attendance, region), put them in a region, and try
 * hold-open / hold-closed. The core carries out each step (`commissioning.k30.*`,
 * electron/drivers/k30/commissioning.ts); here each becomes the wizard's outcome and undo.
 *
 * The steps, in order: a later step is one more id here, one more form in k30-wizard.tsx's
 * K30_STEP_FORMS, and its `title` / `help` in shared/i18n/k30-wizard.*.ts. `callback` starts the
 * receiver for K30's callbacks and shows the URL to type into the K30 software (k30-callback.tsx).
 */
export const K30_STEPS = ['devices', 'region', 'hold', 'callback'] as const;
export type K30Step = (typeof K30_STEPS)[number];

/**
 * Steps the installer may pass over: every one (a site may need no edit, have its region, skip the
 * test). The callback step too: without callbacks Doorman polls record.list, which works, only
 * slower, and the Sync page gets no per-device push results.
 */
export const K30_SKIPPABLE: readonly K30Step[] = ['devices', 'region', 'hold', 'callback'];

export interface K30Context {
  /** The latest device edit and what it changed, shown under the devices step. */
  readonly lastEdit: { readonly name: string; readonly changes: readonly K30Change[] } | null;
  readonly regionName: string | null;
}

export const K30_START: K30Context = { lastEdit: null, regionName: null };

export async function listDevices(steps: StepsApi): Promise<K30Device[]> {
  return (await steps('commissioning.k30.devices', {})).devices;
}

export async function deviceStatus(steps: StepsApi, deviceNo: string): Promise<K30Device> {
  return (await steps('commissioning.k30.deviceStatus', { deviceNo })).device;
}

export async function listRegions(steps: StepsApi): Promise<K30Region[]> {
  return (await steps('commissioning.k30.regions', {})).regions;
}

export interface DeviceEdit {
  readonly no: string;
  readonly name: string;
  readonly area?: string;
  readonly regionName?: string;
  readonly direction?: 'in' | 'out';
  readonly attendance?: boolean;
}

/**
 * The edit that puts back what `changes` changed, or null when K30 cannot: device.update keeps a
 * field left out, so a location or region that was empty before cannot be emptied again.
 */
export function revertOf(before: K30Device, changes: readonly K30Change[]): DeviceEdit | null {
  const changed = new Set(changes.map((c) => c.field));
  if ((changed.has('area') && before.area === null) || (changed.has('regionName') && before.regionName === null)) return null;
  if ((changed.has('direction') && before.direction === null) || (changed.has('attendance') && before.attendance === null)) return null;
  return {
    no: before.no,
    name: before.name,
    ...(changed.has('area') && before.area !== null ? { area: before.area } : {}),
    ...(changed.has('regionName') && before.regionName !== null ? { regionName: before.regionName } : {}),
    ...(changed.has('direction') && before.direction !== null ? { direction: before.direction } : {}),
    ...(changed.has('attendance') && before.attendance !== null ? { attendance: before.attendance } : {}),
  };
}

export async function updateDevice(steps: StepsApi, edit: DeviceEdit): Promise<StepOutcome<K30Context>> {
  const { before, after, changes } = await steps('commissioning.k30.updateDevice', { ...edit });
  const revert = changes.length > 0 ? revertOf(before, changes) : null;
  return {
    summary: changes.length === 0 ? { key: 'k30Wizard.devices.unchanged', values: { name: after.name } } : { key: 'k30Wizard.devices.saved', values: { name: after.name, count: changes.length } },
    context: { lastEdit: { name: after.name, changes } },
    ...(revert ? { undo: () => steps('commissioning.k30.updateDevice', { ...revert }) } : {}),
  };
}

interface RegionRequest {
  /** A new region's name, or null to use `existing`. */
  readonly create: string | null;
  readonly existing: string | null;
  readonly deviceNos: readonly string[];
}

/**
 * Creates the region when asked, then puts the devices in it. Undo moves each device back to the
 * region it was in and deletes the region it created (K30 refuses to delete a region with devices).
 */
export async function placeInRegion(steps: StepsApi, request: RegionRequest): Promise<StepOutcome<K30Context>> {
  const regionName = request.create ?? request.existing ?? '';
  const regionNo = request.create ? (await steps('commissioning.k30.createRegion', { name: request.create })).regionNo : null;
  const { moved } = await steps('commissioning.k30.assignRegion', { regionName, deviceNos: [...request.deviceNos] });
  const count = moved.length;
  const canUndo = moved.every((m) => m.fromRegion !== null);
  const undo = async () => {
    const back = new Map<string, string[]>();
    for (const m of moved) if (m.fromRegion !== null && m.fromRegion !== regionName) back.set(m.fromRegion, [...(back.get(m.fromRegion) ?? []), m.no]);
    for (const [from, deviceNos] of back) await steps('commissioning.k30.assignRegion', { regionName: from, deviceNos });
    if (regionNo) await steps('commissioning.k30.deleteRegion', { regionNo });
  };
  return {
    summary: { key: regionNo ? 'k30Wizard.region.createdDone' : 'k30Wizard.region.done', values: { region: regionName, count } },
    context: { regionName },
    ...(canUndo ? { undo } : {}),
  };
}

/** device.setLongOpen: no way back to normal through the API, so no undo. */
export async function setHold(steps: StepsApi, device: K30Device, mode: 'open' | 'closed'): Promise<StepOutcome<K30Context>> {
  await steps('commissioning.k30.setHold', { deviceNo: device.no, mode });
  return { summary: { key: mode === 'open' ? 'k30Wizard.hold.heldOpen' : 'k30Wizard.hold.heldClosed', values: { name: device.name } } };
}
