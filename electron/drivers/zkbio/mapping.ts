import { createHash } from 'node:crypto';
import type { AccessEvent, AccessLevel, BackendPerson, Department, Device, Door, DoorState, Reader } from '../../../shared/contract/backends.ts';
import { decimal, fields, int, text, type Fields } from '../record-fields.ts';

// ZKBio records (zkbio.md §5) turned into Doorman's common shapes.

/** A dotted IPv4 address, the way ZKBio names a device when it is added (§5.6 examples). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * `module` (§6.3) → kind. Access devices whose model is a face terminal count as face panels.
 * The device record (2.10.1) has no IP and no connection state: `state`/`status` is enabled (1) /
 * disabled (0). ZKBio names a device by its IP, so an IP-shaped name is shown as the IP (noted as
 * taken from the name); online comes from the DoorState `connect` of the device's doors
 * (`connects`, device id → values), or is unknown when those were not read.
 */
export function toDevice(value: unknown, connects: ReadonlyMap<string, readonly number[]> | null = null): Device {
  const f = fields(value);
  const model = text(f['type']) ?? text(f['deviceType']);
  const module = text(f['module']);
  const kind: Device['kind'] =
    module === 'ele' ? 'elevator'
    : module === 'psg' ? 'gate'
    : module === 'att' ? 'attendance'
    : module === 'ins' ? 'face-panel'
    : model && /speedface|proface|facedepot|face/i.test(model) ? 'face-panel'
    : 'access-panel';
  const id = text(f['id']) ?? text(f['sn']) ?? '';
  const name = text(f['name']) ?? text(f['devName']) ?? text(f['sn']) ?? '';
  const serial = text(f['sn']) ?? text(f['devSn']);
  const given = text(f['ip']) ?? text(f['ipAddress']);
  const ip = given ?? (IPV4.test(name) ? name : null);
  const online = onlineOf(connects === null ? null : (connects.get(id) ?? []));
  const notes: NonNullable<Device['notes']> = {};
  if (given === null) notes.ip = ip === null ? 'not-in-api' : 'from-name';
  if (serial === null) notes.serial = 'not-reported';
  if (model === null) notes.model = 'not-reported';
  if (online === null) notes.online = connects === null ? 'not-read' : 'not-reported';
  return { id, name, serial, ip, model, kind, online, notes };
}

/** A device is online when one of its doors' `connect` is 1; offline when every one is 0 or 2 (disabled). */
function onlineOf(connects: readonly number[] | null): boolean | null {
  if (connects === null || connects.length === 0) return null;
  return connects.includes(1);
}

/** Door states by device id: each door's `connect`, for the devices' online column. */
export function connectsByDevice(states: readonly unknown[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const state of states) {
    const f = fields(state);
    const device = text(f['deviceId']);
    const connect = int(f['connect']);
    if (device === null || connect === null) continue;
    out.set(device, [...(out.get(device) ?? []), connect]);
  }
  return out;
}

const SENSOR: Readonly<Record<string, DoorState['sensor']>> = { open: 'open', off: 'closed', close: 'closed', closed: 'closed' };
const RELAY: Readonly<Record<string, DoorState['relay']>> = { open: 'unlocked', off: 'locked', close: 'locked' };

/** DoorState strings (§6.2): `connect` 0 offline / 1 online / 2 disabled; sensor; relay; alarm text. */
export function toDoorState(value: unknown): DoorState {
  const f = fields(value);
  const sensor = text(f['sensor'])?.toLowerCase() ?? '';
  const relay = text(f['relay'])?.toLowerCase() ?? '';
  const alarm = text(f['alarm'])?.toLowerCase() ?? null;
  const connect = int(f['connect']);
  return {
    sensor: SENSOR[sensor] ?? 'unknown',
    relay: RELAY[relay] ?? 'unknown',
    alarm: alarm === null || alarm === 'unknown' ? null : alarm !== 'none',
    // ZKBio's API reports no door mode (normally open is set in its UI); the state says only this.
    mode: 'unknown',
    online: connect === null ? null : connect === 1,
    text: [text(f['sensor']), text(f['relay']), text(f['alarm'])].filter(Boolean).join(' / ') || null,
    vendor: vendorWords(f),
  };
}

/** The document's own words (lower case, as its examples vary the case), for the screens to translate. */
function vendorWords(f: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['connect', 'sensor', 'relay', 'alarm']) {
    const value = text(f[key]);
    if (value !== null) out[key] = value.toLowerCase();
  }
  return out;
}

/** `stateNote` says why `state` is null: the state call failed (`not-read`) or did not list the door. */
export function toDoor(value: unknown, state: DoorState | null, stateNote: 'not-read' | 'not-reported' | null = null): Door {
  const f = fields(value);
  const name = text(f['name']) ?? '';
  // Door names are "<device>-<door number>" in the document's examples (§5.7).
  const number = int(f['doorNo']) ?? int(name.match(/-(\d+)$/)?.[1]);
  const door: Door = { id: text(f['id']) ?? '', name, deviceId: text(f['deviceId']), number, state };
  return state === null && stateNote !== null ? { ...door, notes: { state: stateNote } } : door;
}

export function toReader(value: unknown): Reader {
  const f = fields(value);
  const state = int(f['readerState'] ?? f['readState']);
  return {
    id: text(f['id']) ?? '',
    name: text(f['name']) ?? '',
    doorId: text(f['doorId']) ?? text(f['gateId']),
    direction: state === 0 ? 'in' : state === 1 ? 'out' : null,
  };
}

export function toAccessLevel(value: unknown): AccessLevel {
  const f = fields(value);
  // LevelGroup is `id` and `name` only (2.1.2–2.1.9); no call lists a level's doors (§5.5).
  return { id: text(f['id']) ?? '', name: text(f['name']) ?? '', doorIds: null, notes: { doorIds: 'not-in-api' } };
}

/** A person record (2.14.5, 2.14.12) as a person to pick: `name` and `lastName` as ZKBio shows them. */
export function toBackendPerson(value: unknown): BackendPerson | null {
  const f = fields(value);
  const pin = text(f['pin']);
  if (pin === null) return null;
  return { pin, name: [text(f['name']), text(f['lastName'])].filter(Boolean).join(' ') };
}

export function toDepartment(value: unknown): Department {
  const f = fields(value);
  return { id: text(f['code']) ?? text(f['id']) ?? '', name: text(f['name']) ?? '', parentId: text(f['parentCode']) };
}

function eventKind(f: Fields): AccessEvent['kind'] {
  const no = int(f['eventNo']);
  const name = (text(f['eventName']) ?? '').toLowerCase();
  if (no === 8 || /remote(ly)? open/.test(name)) return 'remote-open';
  if (/remote(ly)? clos/.test(name)) return 'remote-close';
  if (int(f['eventLevel']) === 2 || /alarm|tamper|duress/.test(name)) return 'alarm';
  if (no === 0 || /verify open|no?r?mal verify/.test(name)) return 'pass';
  if (/not registered|denied|invalid|illegal|expired|no (access|permission)|unregistered/.test(name)) return 'denied';
  if (/door (is )?(open|clos)|sensor|opened accidentally/.test(name)) return 'door';
  if (/device|connect|server|start/.test(name)) return 'device';
  return 'other';
}

/**
 * A stable id for an access transaction: the transaction's own `id` where the reply has one (the
 * list forms), so two events alike in every field (a door opened twice in one second) stay two.
 * The monitor feed carries no id (§5.9): there the id is a hash of the fields that identify the
 * event, so the same monitored event seen twice is one — and two monitored events equal in every
 * field within one second count as one. A monitored event and the same event listed later do not
 * share an id.
 */
export function eventIdOf(f: Fields): string {
  const id = text(f['id']);
  if (id) return `zk:${id}`;
  const key = [f['eventTime'], f['devSn'], f['eventPointName'] ?? f['doorName'], f['readerName'], f['pin'], f['cardNo'], f['eventName']]
    .map((v) => text(v) ?? '')
    .join('|');
  return `zk:h:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** A transaction (list or monitor form) as an AccessEvent; `doorsByName` resolves the door id. */
export function toAccessEvent(value: unknown, doorsByName: ReadonlyMap<string, string>): AccessEvent {
  const f = fields(value);
  const doorName = text(f['doorName']) ?? text(f['eventPointName']);
  const photo = text(f['capturePhotoBase64']);
  const kind = eventKind(f);
  return {
    eventId: eventIdOf(f),
    occurredAt: text(f['eventTime']) ?? '',
    kind,
    doorId: doorName ? (doorsByName.get(doorName) ?? null) : null,
    doorName,
    deviceSerial: text(f['devSn']),
    readerName: text(f['readerName']),
    personPin: text(f['pin']) ?? text(f['personPin']),
    personName: [text(f['name']) ?? text(f['personName']), text(f['lastName']) ?? text(f['personLastName'])].filter(Boolean).join(' ') || null,
    verifyMode: text(f['verifyModeName']),
    description: text(f['eventName']) ?? '',
    photoUrl: photo ? `data:image/jpeg;base64,${photo}` : null,
    result: eventResult(kind, text(f['eventName'])),
    direction: directionOf(f),
    temperature: decimal(f['temperature']),
    // maskFlag (2.27): 0 no mask, 1 mask, null undetected.
    mask: int(f['maskFlag']) === 1 ? true : int(f['maskFlag']) === 0 ? false : null,
    capturedPhotoUrl: photo ? `data:image/jpeg;base64,${photo}` : null,
  };
}

/** A pass passed, a refusal denied (a stranger where the event says so: face kiosks' 陌生人), else other. */
function eventResult(kind: AccessEvent['kind'], eventName: string | null): NonNullable<AccessEvent['result']> {
  if (/stranger|陌生人/i.test(eventName ?? '')) return 'stranger';
  return kind === 'pass' ? 'passed' : kind === 'denied' ? 'denied' : 'other';
}

/** `readerState` 0 in / 1 out (V3 records), else the reader's name ending in -in / -out (or 入 / 出). */
function directionOf(f: Fields): 'in' | 'out' | null {
  const state = int(f['readerState']);
  if (state === 0) return 'in';
  if (state === 1) return 'out';
  const reader = text(f['readerName']) ?? '';
  if (/(-in|入)$/i.test(reader)) return 'in';
  if (/(-out|出)$/i.test(reader)) return 'out';
  return null;
}
