import type { AccessEvent, AccessLevel, Device, Door } from '../../../shared/contract/backends.ts';
import { fields, int, text } from '../record-fields.ts';
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

export function toDevice(value: unknown): Device {
  const f = fields(value);
  return {
    id: text(f['uuid']) ?? '',
    name: text(f['name']) ?? text(f['snCode']) ?? '',
    serial: text(f['snCode']) ?? text(f['sn']),
    ip: text(f['ipAddress']) ?? text(f['ip']),
    model: modelName(int(f['deviceModel'])),
    kind: kindOf(int(f['deviceType'])),
    online: onlineOf(int(f['status'])),
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

/** Pass groups stand for access levels: who may pass where is a group's authorities. */
export function toAccessLevel(value: unknown): AccessLevel {
  const f = fields(value);
  return { id: text(f['uuid']) ?? '', name: text(f['name']) ?? '', doorIds: null };
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
    personPin: text(f['personCode']),
    personName: text(f['personName']),
    verifyMode: text(f['verificationModeDesc']) ?? (verification === null ? null : String(verification)),
    description: text(f['passTypeDesc']) ?? text(f['recognitionTypeDesc']) ?? '',
    photoUrl: text(f['snapshotUrl']),
  };
}
