import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId, BridgeId } from '../../shared/contract/bridges.ts';
import { siteInstant } from '../../shared/rules/site-instant.ts';
import type { NewSignin } from '../store/bridge-signins-table.ts';

/**
 * Which passes become attendance records (issue 16 item 4; seed 002 §2.3, zhejiang.md §4.3), as
 * plain data: a pass (kind `pass`, result passed or visitor) of a worker the bridge knows, at a door
 * one of the bridge's devices stands for, is one record per such device. Nothing here touches the
 * database: the lookups come in as functions (attendance.ts gives the tables).
 */

/** §2.3.2 `type`: 1 face, 2 IC card, 8 ID card, 16 QR code (the codes a gate's verification gives). */
const ATTENDANCE_TYPES = { face: 1, icCard: 2, idCard: 8, qrCode: 16 } as const;

/**
 * The vendors' verification-mode names (ZKBio verifyModeName, Hongtu verificationModeDesc, K30's
 * mode names) by what they verify, the most specific first: an ID card (身份证, 人证) before a card,
 * a QR code, a card (卡, card, 刷卡, 人卡), then a face (人脸, 面部, 智能识别, face).
 */
const MODE_RULES: readonly { readonly pattern: RegExp; readonly type: number }[] = [
  { pattern: /身份证|人证|id ?card|identity/i, type: ATTENDANCE_TYPES.idCard },
  { pattern: /二维码|qr/i, type: ATTENDANCE_TYPES.qrCode },
  { pattern: /卡|card/i, type: ATTENDANCE_TYPES.icCard },
  { pattern: /人脸|面部|脸|智能识别|face/i, type: ATTENDANCE_TYPES.face },
];

/** The attendance `type` of a verification mode; an unknown or missing mode is a face (1), said so by `known: false`. */
export function attendanceType(verifyMode: string | null | undefined): { type: number; known: boolean } {
  const mode = verifyMode?.trim() ?? '';
  if (mode !== '') {
    for (const rule of MODE_RULES) if (rule.pattern.test(mode)) return { type: rule.type, known: true };
  }
  return { type: ATTENDANCE_TYPES.face, known: false };
}

/** A pass the platform counts: let through (a worker, or a visitor's pass). */
function isReportablePass(event: AccessEvent): boolean {
  return event.kind === 'pass' && (event.result === undefined || event.result === 'passed' || event.result === 'visitor');
}

/** What the mapping needs to know about the bridge and the site. */
export interface AttendanceLookups {
  readonly bridgeId: BridgeId;
  /** The site's IANA zone: vendors' zone-less times are read as its wall clock. */
  readonly timeZone: string;
  /** The devices standing for this door (any bridge; filtered to `bridgeId` here). */
  readonly devicesForDoor: (backendId: BackendId, doorId: string) => readonly { readonly bridgeId: BridgeId; readonly deviceId: BridgeDeviceId }[];
  /** The Doorman person (people.id) with this pin at the site. */
  readonly personByPin: (pin: string) => number | undefined;
  /** The platform personId of that Doorman person on the device. */
  readonly platformPersonId: (deviceId: BridgeDeviceId, doormanPersonId: number) => string | undefined;
}

/** Why a pass is not reported (for the log; the common "not ours" reasons are silent). */
type SkipReason = 'not-a-pass' | 'no-door' | 'door-not-mapped' | 'no-person' | 'person-not-mapped' | 'no-time';

interface AttendanceMapping {
  readonly records: NewSignin[];
  readonly skipped?: SkipReason;
  /** The verification mode was not recognised: sent as a face (1). */
  readonly unknownMode?: string | null;
}

/**
 * The records one stored event becomes: none, or one per device of the bridge standing for its door
 * (looked up by the door id, else the device serial, as the mapping stores it). `recordTime` is the
 * event's instant in epoch ms; `photoRef` the event id when the backend gave a captured face (the
 * picture is read at send time, never stored here). Idempotent: the queue is unique by backend + event id.
 */
export function mapPass(backendId: BackendId, event: AccessEvent, lookups: AttendanceLookups): AttendanceMapping {
  if (!isReportablePass(event)) return { records: [], skipped: 'not-a-pass' };
  const places = [event.doorId, event.deviceSerial].filter((place): place is string => typeof place === 'string' && place !== '');
  if (places.length === 0) return { records: [], skipped: 'no-door' };
  let devices: BridgeDeviceId[] = [];
  for (const place of places) {
    devices = lookups.devicesForDoor(backendId, place).filter((d) => d.bridgeId === lookups.bridgeId).map((d) => d.deviceId);
    if (devices.length > 0) break;
  }
  if (devices.length === 0) return { records: [], skipped: 'door-not-mapped' };
  const pin = event.personPin?.trim();
  const doormanId = pin ? lookups.personByPin(pin) : undefined;
  if (doormanId === undefined) return { records: [], skipped: 'no-person' };
  const recordTime = siteInstant(event.occurredAt, lookups.timeZone);
  if (!Number.isFinite(recordTime)) return { records: [], skipped: 'no-time' };
  const { type, known } = attendanceType(event.verifyMode);
  const temperature = typeof event.temperature === 'number' && Number.isFinite(event.temperature) ? event.temperature : null;
  const photoRef = event.capturedPhotoUrl ? event.eventId : null;
  const records: NewSignin[] = [];
  for (const deviceId of devices) {
    const personId = lookups.platformPersonId(deviceId, doormanId);
    if (personId === undefined) continue;
    records.push({ deviceId, backendId, eventId: event.eventId, personId, recordTime, type: String(type), temperature, photoRef });
  }
  if (records.length === 0) return { records, skipped: 'person-not-mapped' };
  return known ? { records } : { records, unknownMode: event.verifyMode ?? null };
}
