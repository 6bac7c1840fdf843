import { z } from 'zod';
import { listOf } from '../empty-list.ts';

/**
 * The records ZKBio replies carry, as the document describes them (field lists are the union of each
 * section's "Response Result Description" and its example). Objects are loose because servers add
 * fields; most fields are nullish because examples omit things. Where the examples quote a number in
 * one place and not in another, both are read.
 */

const text = () => z.string().nullish();
/** A value the examples show both as a number and as a quoted number. */
const numberish = () => z.union([z.number(), z.string()]).nullish();

/** A reply whose `data` is not used: most writes answer `data: null`, some `[]` (§2.43–2.46). */
export const noData = z.unknown();

/** A scalar `data`: a QR code string (§2.14.7, §2.18.3–2.18.5) or a stored file path (§2.23.5). */
export const scalarData = z.union([z.string(), z.number()]).nullable();

/**
 * For the reads the document names a list but shows a single object (§2.12.3, §2.14.6, §2.26.2,
 * §2.26.5): either form is read, and the result is always an array (empty for `null` or `[]`).
 */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([listOf(item), item.transform((one) => [one])]);
}

/**
 * A person as read: §2.14.4 returns the basic form (pin, deptCode, deptName, name, lastName, gender,
 * cardNo); §2.14.5 adds vislightPhoto/vislightPhotoPath, §2.14.6 personPhoto; §2.14.12 returns the
 * full form below. `gender` is `M`/`F`; the `certType` lists of §2.14.10 and §2.14.12/2.14.13 disagree.
 */
export const PersonSchema = z.looseObject({
  id: text(),
  pin: z.string(),
  deptCode: text(),
  deptName: text(),
  name: text(),
  lastName: text(),
  gender: text(),
  birthday: text(),
  cardNo: text(),
  supplyCards: text(),
  personPhoto: text(),
  selfPwd: text(),
  isSendMail: z.boolean().nullish(),
  mobilePhone: text(),
  personPwd: text(),
  carPlate: text(),
  email: text(),
  ssn: text(),
  accLevelIds: text(),
  accStartTime: text(),
  accEndTime: text(),
  certType: text(),
  certNumber: text(),
  photoPath: text(),
  hireDate: text(),
  isDisabled: z.boolean().nullish(),
  /** The comparison photo, base64 (§2.14.5). */
  vislightPhoto: text(),
  vislightPhotoPath: text(),
});
export type Person = z.infer<typeof PersonSchema>;

/** §2.5.1: `cardType` 0 master card, 1 sub card. */
export const CardSchema = z.looseObject({
  pin: text(),
  cardNo: z.string(),
  cardType: numberish(),
});
export type Card = z.infer<typeof CardSchema>;

/** §2.6.4, §2.6.6: `parentCode` is null for a root department; `sortNo` only in the list. */
export const DepartmentSchema = z.looseObject({
  code: z.string(),
  name: text(),
  parentCode: text(),
  sortNo: numberish(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** §2.8, §2.29.3: the example of §2.8.1 shows `"id": 1` with a 32-hex code, §2.8.3 the reverse. */
export const AreaSchema = z.looseObject({
  id: numberish(),
  code: z.string(),
  name: text(),
});
export type Area = z.infer<typeof AreaSchema>;

/** A level group (§2.1 access, §2.3 elevator, §2.17 visitor, §2.33 entrance-control levels). */
export const AccessLevelSchema = z.looseObject({
  id: z.string(),
  name: text(),
});
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

/**
 * A device (§2.10 access; the same record for elevator §2.11, attendance §2.23, FaceKiosk §2.30 and
 * space §2.42 devices). Described as `state` ("1 enabled, 0 disabled"); several examples send
 * `status` instead, so both are read. For space devices `status` is 0 offline, 1 online, 2 disabled.
 * `module`: acc, att, ele, ins (FaceKiosk), psg (entrance control), space.
 */
export const AccessDeviceSchema = z.looseObject({
  id: text(),
  sn: z.string(),
  name: text(),
  type: text(),
  state: numberish(),
  status: numberish(),
  module: text(),
});
export type AccessDevice = z.infer<typeof AccessDeviceSchema>;

/** §2.31: `gateType` 0 unknown (no gate terminal), 1 tripod turnstile, 2 flap barrier, 3 swing barrier. */
export const EntranceDeviceSchema = AccessDeviceSchema.extend({
  gateType: numberish(),
});
export type EntranceDevice = z.infer<typeof EntranceDeviceSchema>;

/** §2.12.4, §2.12.5: a door's name is the device name plus its number, e.g. `192.168.214.15-1`. */
export const DoorSchema = z.looseObject({
  id: z.string(),
  name: text(),
  deviceId: text(),
});
export type Door = z.infer<typeof DoorSchema>;

/**
 * §2.12.1–2.12.3, strings: `connect` 0 offline, 1 online, 2 disabled (described as "Connection");
 * `sensor` unknown / no sensor / off / open; `alarm` none, alarm, timeout, …; `relay` off / open /
 * unknown. Case varies between examples ("None", "none", "No sensor").
 */
export const DoorStateSchema = z.looseObject({
  id: z.string(),
  name: text(),
  deviceId: text(),
  connect: numberish(),
  sensor: text(),
  alarm: text(),
  relay: text(),
});
export type DoorState = z.infer<typeof DoorStateSchema>;

/** §2.13.1. */
export const FloorSchema = z.looseObject({
  id: z.string(),
  floorNo: numberish(),
  name: text(),
  deviceId: text(),
});
export type Floor = z.infer<typeof FloorSchema>;

/** §2.15: `readerState` 0 in, 1 out (§2.15.2 describes it as `readState`; every example says `readerState`). */
export const ReaderSchema = z.looseObject({
  id: z.string(),
  doorId: text(),
  name: text(),
  readerNo: numberish(),
  readerState: numberish(),
});
export type Reader = z.infer<typeof ReaderSchema>;

/** §2.34: an entrance-control gate reader, `gateId` in place of `doorId`. */
export const GateReaderSchema = z.looseObject({
  id: z.string(),
  gateId: text(),
  name: text(),
  readerNo: numberish(),
  readerState: numberish(),
});
export type GateReader = z.infer<typeof GateReaderSchema>;

/**
 * An access event (§2.19). The plain lists (§2.19.1, 2.19.4, 2.19.7, also elevator §2.20 and
 * attendance §2.22) carry id … logId and accZone; the "With Total Number" forms add eventNo,
 * eventLevel (0 normal, 1 abnormal/warning, 2 alarm), doorName and capturePhotoBase64 ("captured
 * photo of the door", often ""); the V3 forms add readerState and doorNumber (examples only). The
 * real-time monitor (§2.19.6) has no id. `eventPointName` is the door in the examples; `eventName`
 * and `verifyModeName` are localised display text, and the document gives no event-code table.
 */
export const TransactionSchema = z.looseObject({
  /** A 32-hex string; one example (§2.19.7) shows the number 5. */
  id: numberish(),
  /** "record device trigger time", `yyyy-MM-dd HH:mm:ss` in the examples. */
  eventTime: z.string(),
  pin: text(),
  name: text(),
  lastName: text(),
  deptName: text(),
  areaName: text(),
  cardNo: text(),
  devSn: text(),
  devName: text(),
  verifyModeName: text(),
  eventName: text(),
  eventNo: numberish(),
  eventLevel: numberish(),
  eventPointName: text(),
  doorName: text(),
  doorNumber: numberish(),
  readerName: text(),
  readerState: numberish(),
  accZone: text(),
  /** "transaction index value, there will be a value if device support it". */
  logId: numberish(),
  capturePhotoBase64: text(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

/** §2.35: an entrance-control event, an access event plus `gateType`; `id` is null in the monitor feed. */
export const GateTransactionSchema = TransactionSchema.extend({
  gateType: numberish(),
});
export type GateTransaction = z.infer<typeof GateTransactionSchema>;

/** §2.19.13 and §2.19.15 (ret envelope): door events with person* names; the detail adds devName … verifyModeName. */
export const DoorTransactionSchema = z.looseObject({
  id: text(),
  eventNo: numberish(),
  eventName: text(),
  eventTime: text(),
  eventLevel: numberish(),
  doorName: text(),
  personPin: text(),
  personName: text(),
  personLastName: text(),
  areaName: text(),
  devName: text(),
  cardNo: text(),
  readerName: text(),
  verifyModeName: text(),
});
export type DoorTransaction = z.infer<typeof DoorTransactionSchema>;

/** §2.18.6 (fields from the example; the description cell is empty). */
export const VisitorSchema = z.looseObject({
  id: text(),
  pin: text(),
  name: text(),
  lastName: text(),
  certType: text(),
  certNumber: text(),
  company: text(),
  carPlate: text(),
  phone: text(),
  email: text(),
  status: z.unknown(),
  enabled: z.boolean().nullish(),
  nationality: text(),
  gender: text(),
});
export type Visitor = z.infer<typeof VisitorSchema>;

/**
 * §2.26.2, §2.26.5: a fingerprint template. `validType` 1 common, 3 duress; `templateNo` the finger
 * 0–9; `version` "10.0 and 12.0" (example "10").
 */
export const BioTemplateSchema = z.looseObject({
  id: text(),
  pin: text(),
  validType: numberish(),
  bioType: numberish(),
  version: numberish(),
  template: text(),
  templateNo: numberish(),
  templateNoIndex: numberish(),
});
export type BioTemplate = z.infer<typeof BioTemplateSchema>;

/** §2.32.4, §2.32.5. */
export const GateSchema = z.looseObject({
  id: z.string(),
  name: text(),
  deviceId: text(),
});
export type Gate = z.infer<typeof GateSchema>;

/**
 * §2.32.1–2.32.3, numbers in quotes: `connect` 0 offline, 1 online, 2 disabled; `gateState` 0 offline
 * (no gate connected), 1 online, 2 disabled, 3 lockdown; `alarm` 0 none … 7 gate error, None unknown;
 * `relay` 0 off, 1 exit open, 2 entry open, None unknown.
 */
export const GateStateSchema = z.looseObject({
  id: z.string(),
  name: text(),
  deviceId: text(),
  connect: numberish(),
  gateState: numberish(),
  alarm: numberish(),
  relay: numberish(),
});
export type GateState = z.infer<typeof GateStateSchema>;
