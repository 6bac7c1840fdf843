import type { AccessEvent, AccessLevel, BackendPerson, Department, Device, Door, Reader } from '../../../shared/contract/backends.ts';
import { fields, int, text } from '../record-fields.ts';

/**
 * K30's records (records.ts) as the common inventory. In K30 a device is the door: a face terminal
 * on a turnstile or a door (device.list, seed 000 §15), addressed by its device number `no`, with
 * its direction (`outintype` 1 入口 entry, 0 出口 exit) and online state (`onlinestatus` 1 在线).
 * The API gives no serial, model or device type, no door sensor or relay state.
 */

function onlineOf(value: unknown): boolean | null {
  const status = int(value);
  return status === 1 ? true : status === 0 ? false : null;
}

export function toDevice(value: unknown): Device {
  const f = fields(value);
  const ip = text(f['ip']);
  const online = onlineOf(f['onlinestatus']);
  const notes: NonNullable<Device['notes']> = { serial: 'not-in-api', model: 'not-in-api' };
  if (ip === null) notes.ip = 'not-reported';
  if (online === null) notes.online = 'not-reported';
  return { id: text(f['no']) ?? '', name: text(f['name']) ?? text(f['no']) ?? '', serial: null, ip, model: null, kind: 'face-panel', online, notes };
}

/** The device as its door: K30 reports only whether it is online; `text` is its place (位置 / 区域). */
export function toDoor(value: unknown): Door {
  const f = fields(value);
  const id = text(f['no']) ?? '';
  const place = [text(f['regionname']), text(f['area'])].filter((part) => part !== null).join(' / ');
  return {
    id,
    name: text(f['name']) ?? id,
    deviceId: id,
    number: null,
    state: { sensor: 'unknown', relay: 'unknown', alarm: null, mode: 'unknown', online: onlineOf(f['onlinestatus']), text: place === '' ? null : place },
  };
}

/** The device's face reader, with the direction K30 gives it (outintype 1 入口 in, 0 出口 out). */
export function toReader(value: unknown): Reader {
  const f = fields(value);
  const id = text(f['no']) ?? '';
  const direction = int(f['outintype']);
  return { id, name: text(f['name']) ?? id, doorId: id, direction: direction === 1 ? 'in' : direction === 0 ? 'out' : null };
}

export function toDepartment(value: unknown): Department {
  const f = fields(value);
  return { id: text(f['no']) ?? '', name: text(f['name']) ?? '', parentId: text(f['parentno']) };
}

/**
 * A region (区域) as an access level: the devices in it are its doors. Devices name their region by
 * name (`regionname`), not number; `devices` null (the list could not be read) leaves them unknown.
 */
export function toAccessLevel(value: unknown, devices: readonly unknown[] | null): AccessLevel {
  const f = fields(value);
  const name = text(f['name']) ?? '';
  if (devices === null) return { id: text(f['no']) ?? '', name, doorIds: null, notes: { doorIds: 'not-read' } };
  const doorIds = devices.flatMap((device) => {
    const d = fields(device);
    const no = text(d['no']);
    return no !== null && text(d['regionname']) === name ? [no] : [];
  });
  return { id: text(f['no']) ?? '', name, doorIds };
}

/** record.list `mode` (and the UploadRecord callback's): how the person was let through. */
const PASS_MODES: Readonly<Record<string, string>> = {
  '0': '智能识别',
  '1': '人证',
  '2': '人卡',
  '3': '一键开门',
  '6': '访客二维码开门',
  '7': '密码开门',
  '11': '远程开门',
};

/** record.list `mode` 6: 访客二维码开门, a visitor's pass. */
const VISITOR_QR = '6';

/** record.list `mode` 11: 远程开门, what device.openDoor leaves. */
const REMOTE_OPEN = '11';

/**
 * The pass snapshot (record.list `photo` 通行记录抓拍图片, 阿里云在线url; UploadRecord `photo`
 * 识别抓拍图片, max 500): an http(s) link, as the document's example (a pre-signed OSS link that
 * expires). Anything else is not passed on: a `data:image/jpeg;base64,…` value (the form K30 wants
 * for photos it is sent) would put the picture itself into every copy of the event (stored, on the
 * bus, in the page); the vendor's own record still holds it (the event's raw).
 */
export function snapshotUrlOf(photo: unknown): string | null {
  const value = text(photo);
  return value !== null && /^https?:\/\/[^\s]+$/i.test(value) ? value : null;
}

/**
 * A pass record as an access event, one per record number `no`: 远程开门 (mode 11) is a remote
 * open; a stranger (group 1) or a refused pass (exceptionmode 0) is denied; exceptionmode 1 passed.
 * `addtime` is K30's local time, kept as it reads; the person is named by job number (Doorman's pin).
 */
export function toAccessEvent(value: unknown): AccessEvent {
  const f = fields(value);
  const mode = text(f['mode']);
  const exception = int(f['exceptionmode']);
  const kind: AccessEvent['kind'] = mode === REMOTE_OPEN ? 'remote-open' : int(f['group']) === 1 || exception === 0 ? 'denied' : exception === 1 ? 'pass' : 'other';
  const modeName = mode === null ? null : (PASS_MODES[mode] ?? mode);
  return {
    eventId: `k30:${text(f['no']) ?? ''}`,
    occurredAt: text(f['addtime']) ?? '',
    kind,
    doorId: text(f['deviceno']),
    doorName: null,
    deviceSerial: null,
    readerName: null,
    // A visitor (group 10 访客) has no job number: its pin is the registration number visitor.create gave.
    personPin: text(f['jobnumber']) ?? (int(f['group']) === 10 ? text(f['peopleno']) : null),
    personName: text(f['peoplename']),
    verifyMode: modeName,
    description: modeName ?? '',
    photoUrl: snapshotUrlOf(f['photo']),
    // group 1 陌生人识别 a stranger, 10 访客 a visitor; exceptionmode 1 正常通行, anything else denied.
    result: int(f['group']) === 1 ? 'stranger' : exception !== null && exception !== 1 ? 'denied' : int(f['group']) === 10 || mode === VISITOR_QR ? 'visitor' : exception === 1 ? 'passed' : 'other',
    // outintype: 1 入口 entry, 0 出口 exit.
    direction: text(f['outintype']) === '1' ? 'in' : text(f['outintype']) === '0' ? 'out' : null,
    // K30's records carry no temperature or mask.
    temperature: null,
    mask: null,
    capturedPhotoUrl: snapshotUrlOf(f['photo']),
  };
}

/** A people.list item (camelCase, E27) as a person to pick: the job number is Doorman's pin; none, none. */
export function toBackendPerson(value: unknown): BackendPerson | null {
  const f = fields(value);
  const pin = text(f['jobNumber']);
  return pin === null ? null : { pin, name: text(f['name']) ?? '' };
}
