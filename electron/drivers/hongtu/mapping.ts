import type { AccessEvent, AccessLevel, Device, Door } from '../../../shared/contract/backends.ts';
import { decimal, fields, int, text } from '../record-fields.ts';
import { deviceAlarmReason } from './alarms.ts';
import { deviceModels } from './enums.ts';

// Hongtu records (hongtu.md §6–§8) turned into Doorman's common shapes.

/** deviceType (§8): 1 smart camera, 2 smart face panel, 3 smart (compute) server, 4 network camera. */
function kindOf(deviceType: number | null): Device['kind'] {
  switch (deviceType) {
    case 2:
      return 'face-panel';
    case 1:
    case 4:
      return 'camera';
    default:
      return 'other';
  }
}

/** A deviceModel code (§8.2) as its model name; `deviceMode` (recognition vs capture) is not a model. */
function modelName(code: number | null): string | null {
  if (code === null) return null;
  const entry = (deviceModels as Readonly<Record<number, { readonly en: string } | undefined>>)[code];
  return entry?.en ?? String(code);
}

/** Device status (§8): 3 online, 4 offline; 0/1/2/5 are set-up states (not activated, unbound…). */
function onlineOf(status: number | null): boolean | null {
  if (status === 3 || status === 1) return true;
  if (status === 4 || status === 2) return false;
  return null;
}

/**
 * A device.list item (§52: no serial, no model) with its queryDeviceInfo reply (§57: `snCode`,
 * `deviceModel`, `ipAddress`); `info` null when that call failed. The notes say which value the
 * backend left empty and which could not be read.
 */
export function toDevice(value: unknown, info: unknown = undefined): Device {
  const f = fields(value);
  const i = fields(info);
  const serial = text(f['snCode']) ?? text(f['sn']) ?? text(i['snCode']);
  const ip = text(f['ipAddress']) ?? text(f['ip']) ?? text(i['ipAddress']);
  const model = modelName(int(f['deviceModel']) ?? int(i['deviceModel']));
  const online = onlineOf(int(f['status']));
  const missing = info === null ? 'not-read' : 'not-reported';
  const notes: NonNullable<Device['notes']> = {};
  if (serial === null) notes.serial = missing;
  if (ip === null) notes.ip = missing;
  if (model === null) notes.model = missing;
  if (online === null) notes.online = 'not-reported';
  return {
    id: text(f['uuid']) ?? '',
    name: text(f['name']) ?? serial ?? '',
    serial,
    ip,
    model,
    kind: kindOf(int(f['deviceType'])),
    online,
    notes,
  };
}

/** A door is an access-control point device: door/list with passModel=false (true lists candidates). */
export function toDoor(value: unknown): Door {
  const f = fields(value);
  const online = onlineOf(int(f['status']));
  return {
    id: text(f['uuid']) ?? '',
    name: text(f['name']) ?? '',
    deviceId: text(f['uuid']),
    number: null,
    // Hongtu reports no sensor or relay state; only whether the device is online.
    state: { sensor: 'unknown', relay: 'unknown', alarm: null, mode: 'unknown', online, text: text(f['synStatus']) },
  };
}

/** Pass authorities (§67) as group uuid → the door (device) uuids the group passes. */
export function doorsByGroup(authorities: readonly unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const authority of authorities) {
    const f = fields(authority);
    const device = text(f['deviceUuid']);
    if (device === null || !Array.isArray(f['groups'])) continue;
    for (const group of f['groups'] as unknown[]) {
      const uuid = text(fields(group)['groupUuid']);
      if (uuid === null) continue;
      const list = out.get(uuid) ?? [];
      if (!list.includes(device)) list.push(device);
      out.set(uuid, list);
    }
  }
  return out;
}

/** Pass groups stand for access levels: who may pass where is a group's authorities (`doors` null: not read). */
export function toAccessLevel(value: unknown, doors: ReadonlyMap<string, readonly string[]> | null): AccessLevel {
  const f = fields(value);
  const id = text(f['uuid']) ?? '';
  if (doors === null) return { id, name: text(f['name']) ?? '', doorIds: null, notes: { doorIds: 'not-read' } };
  return { id, name: text(f['name']) ?? '', doorIds: [...(doors.get(id) ?? [])] };
}

/**
 * A pass record (pushed §7.2, or listed by pass_record/list) as an AccessEvent. The record's id
 * (push `id`, list `uuid`) identifies it in both forms, so a pushed record and the same record polled
 * later are one event.
 */
export function toAccessEvent(value: unknown): AccessEvent {
  const f = fields(value);
  const id = text(f['id']) ?? text(f['uuid']) ?? '';
  const ms = int(f['passTimestamp']);
  // A timestamp beyond JavaScript's dates (±8.64e15 ms) makes no Date: keep the number as text, which
  // the events store then refuses as "not a time" instead of the mapping throwing a RangeError.
  const at = ms !== null && Number.isFinite(new Date(ms).getTime()) ? new Date(ms).toISOString() : null;
  const passType = int(f['passType']);
  const verification = int(f['verificationMode']);
  const recognition = int(f['recognitionType']);
  const kind: AccessEvent['kind'] =
    verification === 4 ? 'remote-open'
    : passType === 1 ? 'pass'
    : passType === 0 || passType === 2 || recognition === 4 || recognition === 5 ? 'denied'
    : 'other';
  return {
    eventId: `ht:${id}`,
    occurredAt: at ?? text(f['passTime']) ?? text(f['passTimeFormat']) ?? (ms !== null ? String(ms) : ''),
    kind,
    doorId: text(f['deviceUuid']),
    doorName: text(f['deviceName']),
    deviceSerial: null,
    readerName: text(f['deviceLocation']),
    // A visitor (personType 2) has no employee code: their uuid is the id Doorman registered them by (visitors.ts).
    personPin: text(f['personCode']) ?? (int(f['personType']) === 2 ? text(f['personUuid']) : null),
    personName: text(f['personName']),
    verifyMode: text(f['verificationModeDesc']) ?? (verification === null ? null : String(verification)),
    description: text(f['passTypeDesc']) ?? text(f['recognitionTypeDesc']) ?? '',
    photoUrl: text(f['snapshotUrl']),
    result: passResult(passType, recognition),
    // The pass record says nothing of the direction (a device is placed at an entry or an exit).
    direction: null,
    // 0.0 when not measured; temperatureType 0 (未检测) says so too.
    temperature: int(f['temperatureType']) === 0 || decimal(f['temperature']) === 0 ? null : decimal(f['temperature']),
    // maskType 0 未检测, 1 戴口罩, 2 未戴口罩.
    mask: int(f['maskType']) === 1 ? true : int(f['maskType']) === 2 ? false : null,
    capturedPhotoUrl: text(f['snapshotUrl']),
  };
}

/**
 * The guard's result of a pass record: recognitionType 4 陌生人 / 5 未识别 a stranger; passType 0
 * 未通行 / 2 复合认证未通过 denied; passed as a visitor (2 普通访客, 6 VIP访客) or otherwise.
 */
function passResult(passType: number | null, recognition: number | null): NonNullable<AccessEvent['result']> {
  if (recognition === 4 || recognition === 5) return 'stranger';
  if (passType === 0 || passType === 2) return 'denied';
  if (passType === 1) return recognition === 2 || recognition === 6 ? 'visitor' : 'passed';
  return 'other';
}

/** alarmStatus (§6 deviceAlarm.list): 1 报警 (an alarm), 0 报警恢复 (cleared). */
const ALARM_RAISED = 1;

/**
 * A device alarm record (§6 deviceAlarm.list, 一脸通设备告警事件) as an AccessEvent of kind 'alarm';
 * null for a cleared one (alarmStatus 0 报警恢复), which is not an event. The record has no id of
 * its own: device, alarm type and alarmTime (epoch ms, as text) name it, so reading it again is the
 * same event. The description is the alarm type's words (防拆报警…), as the platform shows them.
 */
export function toAlarmEvent(value: unknown): AccessEvent | null {
  const f = fields(value);
  if (int(f['alarmStatus']) !== ALARM_RAISED) return null;
  const alarmType = int(f['alarmType']);
  const time = text(f['alarmTime']);
  const ms = int(f['alarmTime']);
  const at = ms !== null && Number.isFinite(new Date(ms).getTime()) ? new Date(ms).toISOString() : null;
  const device = text(f['deviceUuid']);
  return {
    eventId: `ht:alarm:${device ?? ''}:${alarmType ?? ''}:${time ?? ''}`,
    occurredAt: at ?? time ?? '',
    kind: 'alarm',
    // The device is the door (as in pass records); its uuid is not the serial number, which the record lacks.
    doorId: device,
    doorName: text(f['deviceName']),
    deviceSerial: null,
    readerName: text(f['deviceLocation']),
    personPin: null,
    personName: null,
    verifyMode: null,
    description: alarmType === null ? '' : deviceAlarmReason(alarmType)['zh-CN'],
    photoUrl: null,
    result: 'other',
    direction: null,
  };
}
