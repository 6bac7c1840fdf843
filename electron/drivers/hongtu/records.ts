import { z } from 'zod';

// The enumerations live in enums.ts; re-exported so callers find them beside the records they label.
export { deviceModelLists, deviceModels, deviceStatuses, deviceTypes, passTypes, personTypes, recognitionTypes, verificationModes } from './enums.ts';
export type { Label } from './enums.ts';

/**
 * The records Hongtu replies and pushes carry, as the document's 返回数据 tables describe them
 * (hongtu.md §6, §7.2). Objects are loose because servers add fields; most fields are nullish because
 * the tables mark them 非必须 and a server may send null. Field names are the document's own,
 * misspellings included (`postion`, `visitPeronUuid`). The document has one sample payload (the push,
 * §7.2), and it quotes the scores: those read as numbers or numeric strings.
 */

const text = () => z.string().nullish();
const int = () => z.number().int().nullish();
const num = () => z.number().nullish();
const flag = () => z.boolean().nullish();
/** Epoch milliseconds the tables type `string` ("时间戳,毫秒"): read as text or as a number. */
const millisish = () => z.union([z.string(), z.number()]).nullish();
/** A `double` the push sample quotes ("89.0"): numbers come out as numbers, unparsable text as null. */
const decimal = () => z.union([z.number(), z.string()]).nullish().transform(toNumber);
function toNumber(value: number | string | null | undefined): number | null | undefined {
  if (typeof value !== 'string') return value;
  const parsed = Number(value);
  return value.trim() !== '' && Number.isFinite(parsed) ? parsed : null;
}
const uuids = () => z.array(z.string()).nullish();

/** `data` of the writes the document shows only as "string 非必须" (`data` may be absent). */
export const textData = z.string().nullish();

/**
 * `data` of the four writes shown as "string 非必须 OK" plus a stray "format: binary" (erratum E10):
 * an opaque value; success is `code == 0`.
 */
export const okData = z.unknown();

/** One item of a `successes` / `failures` list: `code` and `msg` are the item's own result ("结果状态码"). */
const BatchItemSchema = z.looseObject({ uuid: text(), code: int(), msg: text() });
export type BatchItem = z.infer<typeof BatchItemSchema>;

/** The batch writes' `{successes[], failures[]}` (both 必须; read as empty lists when absent). */
export function batchResult<T extends z.ZodType>(item: T) {
  const list = z.array(item).nullish().transform((items) => items ?? []);
  return z.looseObject({ successes: list, failures: list });
}
export const BatchResultSchema = batchResult(BatchItemSchema);
export type BatchResult = z.infer<typeof BatchResultSchema>;

/** `person.uploadImage` / `misc.fileUpload`: `{uri}` ("上传返回的uri"); a bare uri string is read the same. */
export const UploadResultSchema = z.union([z.looseObject({ uri: z.string() }), z.string().transform((uri) => ({ uri }))]);
export type UploadResult = z.infer<typeof UploadResultSchema>;

/**
 * A person as read (`person.query`, `person.uuidList`). The input's integer `*TimeStamp` fields come
 * back as strings without the suffix (`visitStartTime`, `entryTime`, `birthday`, erratum E21); the
 * input's `groupList` of uuids comes back as `{uuid, name}` objects.
 */
export const PersonSchema = z.looseObject({
  uuid: z.string(),
  name: text(),
  /** 1 员工 employee, 2 访客 visitor, 3 重点人员 key person (`personTypes`). */
  type: int(),
  /** 0 未知, 1 男, 2 女. */
  sex: int(),
  /** "用户识别照片的url". */
  imageUri: text(),
  code: text(),
  identifyNum: text(),
  visitStartTime: millisish(),
  visitEndTime: millisish(),
  visitReason: text(),
  visitedUuid: text(),
  visitedName: text(),
  visitType: int(),
  /** true 有效 valid, false 无效 invalid. */
  visitedStatus: flag(),
  email: text(),
  phone: text(),
  cardNum: text(),
  password: text(),
  entryTime: millisish(),
  postion: text(),
  birthday: millisish(),
  uniqueIdentify: text(),
  ext: text(),
  groupList: z.array(z.looseObject({ uuid: text(), name: text() })).nullish(),
  visitFirm: text(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A `person.list` item: the person plus two flags (both 必须 in the table). */
export const PersonListItemSchema = PersonSchema.extend({
  isPassRecord: flag(),
  isAttendanceRecord: flag(),
});
export type PersonListItem = z.infer<typeof PersonListItemSchema>;

/**
 * A `person.batchAdd` result item: the request echoed, except that `code` is the item's result code
 * and the employee code comes back as `staffCode` (erratum E19).
 */
export const PersonAddItemSchema = BatchItemSchema.extend({
  name: text(),
  type: int(),
  sex: int(),
  imageUri: text(),
  staffCode: text(),
  identifyNum: text(),
  visitStartTimeStamp: int(),
  visitEndTimeStamp: int(),
  visitReason: text(),
  visitedUuid: text(),
  visitType: int(),
  email: text(),
  phone: text(),
  cardNum: text(),
  password: text(),
  entryTimeStamp: int(),
  postion: text(),
  birthdayStamp: int(),
  ext: text(),
  groupList: uuids(),
});
export type PersonAddItem = z.infer<typeof PersonAddItemSchema>;

/** A person group (组管理, the pass groups authorities are granted to): `passGroup.query` / `.list`. */
export const PersonGroupSchema = z.looseObject({
  uuid: z.string(),
  name: text(),
  /** 1 员工组, 2 访客组, 3 重点人员组. */
  type: int(),
  personTotal: int(),
});
export type PersonGroup = z.infer<typeof PersonGroupSchema>;

const during = z.array(z.looseObject({ from: text(), to: text() })).nullish();

/** A time schedule: `schedule.page` items carry uuid, name and type; `schedule.details` adds the rules. */
export const ScheduleSchema = z.looseObject({
  uuid: z.string(),
  name: text(),
  /** 1 通行 pass, 3 事件 event. */
  type: int(),
  /** `week` 1–7 = Monday–Sunday, `during` `HH:mm` ranges. */
  workDay: z.array(z.looseObject({ week: int(), during })).nullish(),
  holiday: z.array(z.looseObject({ date: text(), state: flag(), during })).nullish(),
});
export type Schedule = z.infer<typeof ScheduleSchema>;

/**
 * A `passAuthority.list` item: one device, one schedule, its groups. `scheduleUuid`/`scheduleName`
 * follow `groups[].groupName` with the depth lost; read at item level (erratum E23).
 */
export const PassAuthoritySchema = z.looseObject({
  deviceUuid: z.string(),
  deviceName: text(),
  groups: z.array(z.looseObject({ groupUuid: text(), groupName: text() })).nullish(),
  scheduleUuid: text(),
  scheduleName: text(),
});
export type PassAuthority = z.infer<typeof PassAuthoritySchema>;

/**
 * A device: the `device.list` item (status, mode, upgrade state), also what `device.queryDeviceInfo`
 * (model, credentials, discovery) and `door.queryB3rInBind` return. `deviceModel` codes are the
 * global table `deviceModels`; expect codes it does not list (erratum E33).
 */
export const DeviceSchema = z.looseObject({
  uuid: z.string(),
  name: text(),
  location: text(),
  /** `deviceTypes`. */
  deviceType: int(),
  deviceModel: int(),
  /** 1 人脸识别 face recognition, 4 人脸抓拍 face capture. */
  deviceMode: int(),
  /** `deviceStatuses`; the list documents 3 在线 / 4 离线. */
  status: int(),
  ipAddress: text(),
  mac: text(),
  /** 0 upgrading, 1 succeeded, 2 failed, 4 upgradable, 5 completed; null initial. */
  upgradeStatus: int(),
  upgradeAction: int(),
  currentVersion: text(),
  /** Panels only: 1 firmware model. */
  checkFirm: int(),
  userName: text(),
  userPassword: text(),
  /** 1 主动上报 self-reported, 2 页面添加 added in the web page. */
  discoveryMethod: int(),
  snCode: text(),
  rtspUrl: text(),
  port: int(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** A `device.queryReportDevice` item: a panel that reported itself, to import with `device.importDevice`. */
export const ReportDeviceSchema = z.looseObject({
  uuid: z.string(),
  /** 2 智能面板机, the only type listed. */
  deviceType: int(),
  snCode: z.string(),
  /** "操作时间"; its format is not stated. */
  gmtCreate: millisish(),
  discoveryMethod: int(),
});
export type ReportDevice = z.infer<typeof ReportDeviceSchema>;

const boundDevice = z.looseObject({ uuid: z.string(), name: text(), deviceType: int(), status: int() });

/**
 * `device.query`: status, versions, usage (panels only) and bindings. A stray "format: double" follows
 * the table (erratum E10), so the usage figures read as numbers or numeric text.
 */
export const DeviceDetailSchema = z.looseObject({
  uuid: z.string(),
  name: text(),
  ipAddress: text(),
  location: text(),
  deviceType: int(),
  featureVersion: text(),
  appVersion: text(),
  status: int(),
  cpuUsage: decimal(),
  memoryUsage: decimal(),
  diskUsage: decimal(),
  cpuTemperature: decimal(),
  memoryValue: decimal(),
  diskValue: decimal(),
  deviceMode: int(),
  mac: text(),
  /** Only for an end device bound to a smart server (`deviceType` 3). */
  bindAiServer: boundDevice.nullish(),
  /** Only for a compute device: the end devices bound to it. */
  bindDevices: z.array(boundDevice).nullish(),
});
export type DeviceDetail = z.infer<typeof DeviceDetailSchema>;

/** A `door.list` item: a device as an access-control point. `synStatus` and `failNum` are "弃用". */
export const DoorSchema = z.looseObject({
  uuid: z.string(),
  location: text(),
  name: text(),
  deviceType: int(),
  deviceModel: int(),
  status: int(),
  synStatus: int(),
  switchIp: text(),
  /** 1 bound as a door device, 0 not. */
  isPass: int(),
  failNum: int(),
});
export type Door = z.infer<typeof DoorSchema>;

const thresholds = {
  recognitionMode: int(),
  recognitionThreshold: num(),
  livenessModel: int(),
  livenessThreshold: num(),
  maxDistance: int(),
  pitchThreshold: num(),
  yawThreshold: num(),
  rollThreshold: num(),
  sharpnessThreshold: num(),
  smallestFace: num(),
  strangerRecognitionThreshold: num(),
};

/**
 * `door.queryConfig`. Send back through `door.config` only the fields it lists: its safeGuard and
 * stranger objects lack `recognitionMode` and `maxDistance`, and some ranges differ (erratum E34).
 */
export const DoorConfigSchema = z.looseObject({
  uuid: z.string(),
  customConfig: z
    .looseObject({
      companyName: text(),
      showPersonName: flag(),
      pictureType: int(),
      standByTime: int(),
      fillLightness: int(),
      recognitionInterval: num(),
      rebootSchedule: text(),
      alarmInput1: int(),
      alarmInput2: int(),
      alarmOutput1: z.array(z.number().int()).nullish(),
      recognitionTimes: int(),
      lockSwitch: flag(),
      sensorType: int(),
      verificationMode: int(),
      openTimeOut: int(),
      openDuration: num(),
      openDelay: num(),
      wiegandMode: int(),
      wiegandFormat: int(),
      wiegandOutput: int(),
      standbyWpUrl: text(),
    })
    .nullish(),
  algorithmConfig: z.looseObject({ ...thresholds, faceAeMode: flag(), maskSwitch: flag(), maskThreshold: num() }).nullish(),
  safeGuardConfig: z.looseObject({ ...thresholds, recognitionInterval: num() }).nullish(),
  strangerConfig: z.looseObject({ ...thresholds, recognitionInterval: num() }).nullish(),
  temperatureConfig: z
    .looseObject({
      temperatureSwitch: flag(),
      highTemperatureOff: flag(),
      temperatureMode: flag(),
      highThreshold: num(),
      maskAlertSwitch: flag(),
      unMaskOff: flag(),
    })
    .nullish(),
});
export type DoorConfig = z.infer<typeof DoorConfigSchema>;

/** The fields a pass record has both in `passRecord.list` and in the push (§7.2). */
const passRecordFields = {
  personUuid: text(),
  personName: text(),
  personType: int(),
  personCode: text(),
  visitType: int(),
  /** Sic. "访问人员的uuid" here, "访客人员UUID" in the push (erratum E42). */
  visitPeronUuid: text(),
  visitPersonCode: text(),
  visitPersonName: text(),
  visitReason: text(),
  visitFirm: text(),
  deviceUuid: text(),
  deviceName: text(),
  deviceLocation: text(),
  deviceModel: int(),
  recognitionType: int(),
  recognitionTypeDesc: text(),
  verificationMode: int(),
  verificationModeDesc: text(),
  passType: int(),
  passTypeDesc: text(),
  livenessType: int(),
  personImageUrl: text(),
  snapshotUrl: text(),
  /** Capture time, epoch ms: the authoritative time (erratum E41). */
  passTimestamp: int(),
  /** 0.0 when not measured. */
  temperature: decimal(),
  temperatureType: int(),
  temperatureTypeDesc: text(),
  maskType: int(),
  maskTypeDesc: text(),
};

/** A `passRecord.list` item; the record's id is `uuid` here and `id` in the push. */
export const PassRecordSchema = z.looseObject({
  ...passRecordFields,
  uuid: text(),
  deviceSetUuid: text(),
});
export type PassRecord = z.infer<typeof PassRecordSchema>;

/**
 * The `data` of a busiType 5 push (通行记录). Every field of the table, plus `visitPersonId`, which
 * only the sample shows. The sample quotes the scores and contradicts its own codes and times
 * (erratum E41): trust the integer codes and `passTimestamp`, not the `*Desc` texts or `passTime`.
 */
export const PassRecordPushSchema = z.looseObject({
  ...passRecordFields,
  recordType: int(),
  personId: int(),
  personPhone: text(),
  personIdentifyNum: text(),
  personEmail: text(),
  personUniqueIdentify: text(),
  personExt: text(),
  orgId: int(),
  orgUuid: text(),
  orgType: int(),
  orgFullName: text(),
  orgNickName: text(),
  orgParentId: int(),
  zoneId: int(),
  zoneUuid: text(),
  zoneName: text(),
  deviceId: int(),
  deviceType: int(),
  deviceStatus: int(),
  recognitionScore: decimal(),
  livenessScore: decimal(),
  /** ISO 8601 with offset, e.g. 2020-04-15T17:16:20+08:00 (the sample adds milliseconds). */
  passTime: text(),
  /** The record's id (`uuid` in passRecord.list): the key to de-duplicate on. */
  id: text(),
  passTimeFormat: text(),
  highThreshold: decimal(),
  visitPersonId: int(),
});
export type PassRecordPush = z.infer<typeof PassRecordPushSchema>;

/**
 * What the platform posts to the subscriber's `pushUrl` (§7.2): `{busiType, data}`. Only busiType 5
 * is documented; the table types it string while the subscription sends integers, so "5" and 5 are
 * both read (erratum E40) and come out as the number.
 */
export const PushMessageSchema = z.looseObject({
  busiType: z.union([z.literal(5), z.literal('5')]).transform(() => 5 as const),
  data: PassRecordPushSchema,
});
export type PushMessage = z.infer<typeof PushMessageSchema>;

/** `pubsub.recordQuery`: one subscription per appKey. */
export const SubscriptionSchema = z.looseObject({
  appKey: text(),
  pushUrl: text(),
  busiTypes: z.array(z.union([z.number().int(), z.string()])).nullish(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/**
 * An attendance group (`attendanceGroup.list` item, `.queryDetails`, the add/update echo). Periods are
 * `HH:mm`, special dates epoch-ms text. `groupPersons` is `{personUuid, personName}` in queryDetails
 * (first 10 only, erratum E27); add/update answer `successePerson` / `failurePerson` (sic) instead.
 */
export const AttendanceGroupSchema = z.looseObject({
  uuid: text(),
  name: text(),
  attendanceTime: z.array(z.looseObject({ order: int(), onSt: text(), onEt: text(), offSt: text(), offEt: text() })).nullish(),
  specialDate: z.array(z.looseObject({ date: millisish(), isPunch: int() })).nullish(),
  weekPlan: z.array(z.string()).nullish(),
  daySpan: int(),
  totalPerson: int(),
  groupPersons: z.array(z.union([z.string(), z.looseObject({ personUuid: text(), personName: text() })])).nullish(),
  successePerson: uuids(),
  failurePerson: uuids(),
});
export type AttendanceGroup = z.infer<typeof AttendanceGroupSchema>;

/**
 * An attendance record (one person, one day): `attTimeResult` per period (`result` 0–7), the day's
 * `status` (0–4). `status` follows `attTimeResult[].result` with the depth lost; read at record level,
 * and the loose period objects let it pass there too (erratum E22).
 */
export const AttendanceRecordSchema = z.looseObject({
  uuid: z.string(),
  personName: text(),
  personCode: text(),
  attendanceDate: millisish(),
  attTimeResult: z.array(z.looseObject({ order: int(), inPunch: text(), outPunch: text(), result: int() })).nullish(),
  status: int(),
});
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;
