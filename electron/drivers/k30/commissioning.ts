import { z } from 'zod';
import type { K30Change, K30Device, K30DeviceField, K30Region } from '../../../shared/contract/commissioning.ts';
import { readPages } from '../paging.ts';
import { fields, int, text } from '../record-fields.ts';
import { readReply, refused, type EndpointCall } from '../step-reply.ts';

/**
 * The installer's set-up steps on K30 (seed 000, 设备管理 and 区域管理), the wizard's core. In K30
 * the device is the door (a face terminal on a turnstile or a door): its name, direction
 * (outintype) and attendance flag are edited with device.update, which keeps every optional field
 * left out (填就更新，不填不更新) and takes the region by its exact name (需完整匹配). Regions are
 * listed and created with region.list / region.create. device.setLongOpen holds a device open
 * (mode 1 常开) or closed (mode 2 常关); the document has no value back to normal (E37), so that
 * step has no undo. Every call goes through `call` (the backends service's, which announces the
 * inventory parts a write changed).
 */
const PAGE = 100;

const PageSchema = z.looseObject({ total: z.number().optional(), data: z.array(z.unknown()) });

async function readAll(call: EndpointCall, endpoint: string): Promise<unknown[]> {
  const items: unknown[] = [];
  const read = async (pageNo: number) => {
    const page = readReply(PageSchema, await call(endpoint, { pageindex: pageNo, pagesize: PAGE }), endpoint);
    return { items: page.data, total: page.total };
  };
  for await (const item of readPages(read, PAGE, { vendor: 'k30', product: 'K30', endpoint })) items.push(item);
  return items;
}

function flag(value: unknown): boolean | null {
  const n = int(value);
  return n === 1 ? true : n === 0 ? false : null;
}

/** A device.list / device.status item (numbers may come as text, E23). */
export function toK30Device(value: unknown): K30Device {
  const f = fields(value);
  const no = text(f['no']) ?? '';
  const direction = int(f['outintype']);
  return {
    no,
    name: text(f['name']) ?? no,
    ip: text(f['ip']),
    area: text(f['area']),
    regionName: text(f['regionname']),
    direction: direction === 1 ? 'in' : direction === 0 ? 'out' : null,
    attendance: flag(f['isenableattend']),
    online: flag(f['onlinestatus']),
  };
}

export async function listDevices(call: EndpointCall): Promise<K30Device[]> {
  return (await readAll(call, 'device.list')).map(toK30Device);
}

export async function deviceStatus(call: EndpointCall, deviceNo: string): Promise<K30Device> {
  const device = toK30Device(await call('device.status', { deviceno: deviceNo }));
  if (device.no === '') throw refused(`K30 answered device.status for ${deviceNo} without the device.`);
  return device;
}

/** What the installer changes; a field left out is kept (device.update: 填就更新). */
export interface DeviceEdit {
  readonly no: string;
  readonly name: string;
  readonly area?: string | undefined;
  readonly regionName?: string | undefined;
  readonly direction?: 'in' | 'out' | undefined;
  readonly attendance?: boolean | undefined;
}

const EDITABLE: readonly K30DeviceField[] = ['name', 'area', 'regionName', 'direction', 'attendance'];

/** The fields that differ between two readings of a device, in the form's order. */
export function changesOf(before: K30Device, after: K30Device): K30Change[] {
  return EDITABLE.filter((field) => before[field] !== after[field]).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * device.update's body, exactly its table (seed 000 §17): `no`, `ip` and `name` required; the IP
 * "can only be set on the device" and is never pushed, so the device's own is sent back; the
 * optional fields only when given.
 */
export function updateBody(current: K30Device, edit: DeviceEdit): Record<string, unknown> {
  if (current.ip === null) throw refused(`K30 reports no IP address for device ${current.no}; device.update needs it. Set the IP at the device, then try again.`);
  return {
    no: edit.no,
    ip: current.ip,
    name: edit.name,
    ...(edit.area !== undefined ? { area: edit.area } : {}),
    ...(edit.regionName !== undefined ? { regionname: edit.regionName } : {}),
    ...(edit.direction !== undefined ? { outintype: edit.direction === 'in' ? 1 : 0 } : {}),
    ...(edit.attendance !== undefined ? { isenableattend: edit.attendance ? 1 : 0 } : {}),
  };
}

export interface DeviceUpdate {
  readonly before: K30Device;
  readonly after: K30Device;
  readonly changes: K30Change[];
}

/**
 * Reads the device (device.status: its IP, which device.update requires), writes the edit, and
 * reads it back: the reply says what changed. A value K30 accepted but does not show afterwards is
 * a refusal, never reported as saved.
 */
export async function updateDevice(call: EndpointCall, edit: DeviceEdit): Promise<DeviceUpdate> {
  return writeEdit(call, await deviceStatus(call, edit.no), edit);
}

async function writeEdit(call: EndpointCall, before: K30Device, edit: DeviceEdit): Promise<DeviceUpdate> {
  await call('device.update', updateBody(before, edit));
  const after = await deviceStatus(call, edit.no);
  const wanted: Partial<Record<K30DeviceField, unknown>> = { name: edit.name, area: edit.area, regionName: edit.regionName, direction: edit.direction, attendance: edit.attendance };
  const missed = EDITABLE.filter((field) => wanted[field] !== undefined && wanted[field] !== after[field]);
  if (missed.length > 0) throw refused(`K30 accepted the edit of device ${edit.no} but still shows the old ${missed.join(', ')}.`);
  return { before, after, changes: changesOf(before, after) };
}

function toRegion(value: unknown): K30Region {
  const f = fields(value);
  const no = text(f['no']) ?? '';
  return { no, name: text(f['name']) ?? no, parentNo: text(f['parentno']), isDefault: int(f['isdefault']) === 1 };
}

/** Every region (region.list, fewer than 60 requests a minute: the client keeps to it). */
export async function listRegions(call: EndpointCall): Promise<K30Region[]> {
  return (await readAll(call, 'region.list')).map(toRegion);
}

/** region.create with the name only: under the default region (parentno empty), no fire linkage. */
export async function createRegion(call: EndpointCall, name: string): Promise<{ regionNo: string }> {
  const created = readReply(z.looseObject({ no: z.union([z.string().min(1), z.number().transform(String)]) }), await call('region.create', { name }), 'region.create');
  return { regionNo: created.no };
}

export async function deleteRegion(call: EndpointCall, regionNo: string): Promise<void> {
  await call('region.delete', { no: regionNo });
}

export interface Moved {
  readonly no: string;
  readonly name: string;
  readonly fromRegion: string | null;
}

/**
 * Puts each device in the region with device.update's `regionname` (the name, matched exactly),
 * its name kept. Stops at the first refusal; the devices moved before it stay moved and are named.
 */
export async function assignRegion(call: EndpointCall, regionName: string, deviceNos: readonly string[]): Promise<{ moved: Moved[] }> {
  const moved: Moved[] = [];
  for (const no of deviceNos) {
    try {
      const current = await deviceStatus(call, no);
      const { before } = await writeEdit(call, current, { no, name: current.name, regionName });
      moved.push({ no, name: before.name, fromRegion: before.regionName });
    } catch (error) {
      if (moved.length === 0) throw error;
      const done = moved.map((m) => m.name).join(', ');
      const reason = error instanceof Error ? error.message : String(error);
      throw refused(`${reason} Already in “${regionName}”: ${done}.`);
    }
  }
  return { moved };
}

/** device.setLongOpen: mode 1 常开 (held open) or 2 常关 (held closed). There is no mode back to normal. */
export async function setHold(call: EndpointCall, deviceNo: string, mode: 'open' | 'closed'): Promise<void> {
  await call('device.setLongOpen', { deviceno: deviceNo, mode: mode === 'open' ? 1 : 2 });
}
