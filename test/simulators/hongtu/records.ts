import type { DeviceRecord, Organisation, PersonRecord, SimState } from './state.ts';
import { newUuid } from './state.ts';
import { formatDateTime, isoWithOffset } from './time.ts';

/**
 * Pass (recognition) records: what `pass_record/list` pages through and what is pushed with
 * busiType 5 (hongtu.md §6 passRecord.list, §7.2). One record holds the union of both views;
 * `listItem` and `pushData` pick each view's field names (`uuid` in the list is `id` in the push).
 */
export interface PassRecord {
  /** Order of arrival. */
  seq: number;
  id: string;
  passTimestamp: number;
  deviceId: number;
  deviceUuid: string;
  deviceName: string;
  deviceLocation: string;
  deviceType: number;
  deviceModel: number;
  deviceStatus: number;
  personId?: number;
  personUuid?: string;
  personName?: string;
  personType?: number;
  personCode?: string;
  personPhone?: string;
  personIdentifyNum?: string;
  personEmail?: string;
  personUniqueIdentify?: string;
  personExt?: string;
  personImageUri?: string;
  visitType?: number;
  visitPeronUuid?: string;
  visitPersonId?: number;
  visitPersonCode?: string;
  visitPersonName?: string;
  visitReason?: string;
  visitFirm?: string;
  recognitionType?: number;
  verificationMode: number;
  passType: number;
  livenessType: number;
  recognitionScore?: number;
  livenessScore?: number;
  temperature: number;
  highThreshold: number;
  temperatureType: number;
  maskType: number;
}

export const RECOGNITION_TYPE_DESC: Readonly<Record<number, string>> = { 1: '员工', 2: '访客', 3: '重点人员', 4: '陌生人', 5: '未识别', 6: 'VIP访客' };
export const VERIFICATION_MODE_DESC: Readonly<Record<number, string>> = { 0: '人脸', 1: '人脸或刷卡', 2: '人脸及刷卡', 3: '人脸及密码', 4: '远程开门', 5: '二维码' };
export const PASS_TYPE_DESC: Readonly<Record<number, string>> = { 0: '未通行', 1: '通行', 2: '复合认证未通过' };
export const TEMPERATURE_TYPE_DESC: Readonly<Record<number, string>> = { 0: '未检测', 1: '正常', 2: '高温' };
export const MASK_TYPE_DESC: Readonly<Record<number, string>> = { 0: '未检测', 1: '戴口罩', 2: '未戴口罩' };

/** 远程开门 (hongtu.md §8.3 verificationMode 4). */
export const REMOTE_OPEN = 4;

export interface RecordInput {
  device: DeviceRecord;
  person?: PersonRecord;
  at: number;
  verificationMode: number;
  passType: number;
  recognitionType?: number;
  livenessType?: number;
  temperature?: number;
  temperatureType?: number;
  maskType?: number;
}

export class RecordLog {
  private readonly records: PassRecord[] = [];
  private readonly byUuid = new Map<string, PassRecord>();
  private seq = 0;

  append(state: SimState, input: RecordInput): PassRecord {
    this.seq += 1;
    const { device, person } = input;
    const visited = person?.visitedUuid !== undefined ? state.persons.get(person.visitedUuid) : undefined;
    const recognised = person !== undefined && input.verificationMode !== REMOTE_OPEN;
    const record: PassRecord = {
      seq: this.seq,
      id: newUuid(),
      passTimestamp: input.at,
      deviceId: device.id,
      deviceUuid: device.uuid,
      deviceName: device.name,
      deviceLocation: device.location,
      deviceType: device.deviceType,
      deviceModel: device.deviceModel,
      deviceStatus: device.online ? 3 : 4,
      verificationMode: input.verificationMode,
      passType: input.passType,
      livenessType: input.livenessType ?? (recognised ? 1 : 2),
      temperature: input.temperature ?? 0,
      highThreshold: Number(device.config.temperatureConfig['highThreshold'] ?? 37.2),
      temperatureType: input.temperatureType ?? 0,
      maskType: input.maskType ?? 0,
      ...(input.recognitionType !== undefined ? { recognitionType: input.recognitionType } : {}),
      ...(recognised ? { recognitionScore: 92.5, livenessScore: 88 } : {}),
      ...(person ? personFields(person) : {}),
      ...(visited ? { visitPeronUuid: visited.uuid, visitPersonId: visited.id, visitPersonName: visited.name, ...(visited.code ? { visitPersonCode: visited.code } : {}) } : {}),
    };
    this.records.push(record);
    this.byUuid.set(record.id, record);
    return record;
  }

  all(): readonly PassRecord[] {
    return this.records;
  }

  byId(id: string): PassRecord | undefined {
    return this.byUuid.get(id);
  }

  /** Newest first, as the list answers. */
  newestFirst(): PassRecord[] {
    return [...this.records].sort((a, b) => b.passTimestamp - a.passTimestamp || b.seq - a.seq);
  }

  hasPerson(personUuid: string): boolean {
    return this.records.some((record) => record.personUuid === personUuid);
  }
}

function personFields(person: PersonRecord): Partial<PassRecord> {
  const fields: Partial<PassRecord> = { personId: person.id, personUuid: person.uuid, personName: person.name, personType: person.type };
  if (person.code !== undefined) fields.personCode = person.code;
  if (person.phone !== undefined) fields.personPhone = person.phone;
  if (person.identifyNum !== undefined) fields.personIdentifyNum = person.identifyNum;
  if (person.email !== undefined) fields.personEmail = person.email;
  if (person.uniqueIdentify !== undefined) fields.personUniqueIdentify = person.uniqueIdentify;
  if (person.ext !== undefined) fields.personExt = person.ext;
  if (person.imageUri !== undefined) fields.personImageUri = person.imageUri;
  if (person.type === 2) {
    if (person.visitType !== undefined) fields.visitType = person.visitType;
    if (person.visitReason !== undefined) fields.visitReason = person.visitReason;
    if (person.visitFirm !== undefined) fields.visitFirm = person.visitFirm;
  }
  return fields;
}

/** Image URLs as the platform serves them: `<base>/pub/<uri>?timestamp=…&sig=…` (the push sample's form). */
export type ImageUrl = (uri: string) => string;

function urls(record: PassRecord, imageUrl: ImageUrl): { personImageUrl?: string; snapshotUrl?: string } {
  if (record.personImageUri === undefined) return {};
  const url = imageUrl(record.personImageUri);
  return { personImageUrl: url, ...(record.verificationMode !== REMOTE_OPEN ? { snapshotUrl: url } : {}) };
}

function descriptions(record: PassRecord): Record<string, string> {
  return {
    ...(record.recognitionType !== undefined ? { recognitionTypeDesc: RECOGNITION_TYPE_DESC[record.recognitionType] ?? '' } : {}),
    verificationModeDesc: VERIFICATION_MODE_DESC[record.verificationMode] ?? '',
    passTypeDesc: PASS_TYPE_DESC[record.passType] ?? '',
    temperatureTypeDesc: TEMPERATURE_TYPE_DESC[record.temperatureType] ?? '',
    maskTypeDesc: MASK_TYPE_DESC[record.maskType] ?? '',
  };
}

/** One `pass_record/list` item (hongtu.md §6 passRecord.list). */
export function listItem(record: PassRecord, imageUrl: ImageUrl): Record<string, unknown> {
  return {
    uuid: record.id,
    personUuid: record.personUuid,
    personName: record.personName,
    personType: record.personType,
    personCode: record.personCode,
    visitType: record.visitType,
    visitPeronUuid: record.visitPeronUuid,
    visitPersonCode: record.visitPersonCode,
    visitPersonName: record.visitPersonName,
    visitReason: record.visitReason,
    visitFirm: record.visitFirm,
    deviceUuid: record.deviceUuid,
    deviceName: record.deviceName,
    deviceLocation: record.deviceLocation,
    deviceModel: record.deviceModel,
    recognitionType: record.recognitionType,
    verificationMode: record.verificationMode,
    passType: record.passType,
    livenessType: record.livenessType,
    passTimestamp: record.passTimestamp,
    temperature: record.temperature,
    temperatureType: record.temperatureType,
    maskType: record.maskType,
    ...urls(record, imageUrl),
    ...descriptions(record),
  };
}

export interface PushFormat {
  /** `busiType` as the number 5 (default) or the string "5" — the field table says string (§10 E40). */
  readonly busiType: 'number' | 'string';
  /** Scores as numbers (the table's double, default) or strings ("89.0", as the document's sample). */
  readonly scores: 'number' | 'string';
}

/** The push body `{busiType: 5, data}` (hongtu.md §7.2), field names exactly as the table spells them. */
export function pushBody(record: PassRecord, org: Organisation, imageUrl: ImageUrl, format: PushFormat): Record<string, unknown> {
  const score = (value: number | undefined): number | string | undefined => (value === undefined || format.scores === 'number' ? value : value.toFixed(1));
  const at = new Date(record.passTimestamp);
  const data = {
    recordType: 1,
    id: record.id,
    personId: record.personId,
    personUuid: record.personUuid,
    personName: record.personName,
    personType: record.personType,
    personCode: record.personCode,
    personPhone: record.personPhone,
    personIdentifyNum: record.personIdentifyNum,
    personEmail: record.personEmail,
    personUniqueIdentify: record.personUniqueIdentify,
    personExt: record.personExt,
    visitType: record.visitType,
    visitPeronUuid: record.visitPeronUuid,
    visitPersonId: record.visitPersonId,
    visitPersonCode: record.visitPersonCode,
    visitPersonName: record.visitPersonName,
    visitReason: record.visitReason,
    visitFirm: record.visitFirm,
    ...org,
    deviceId: record.deviceId,
    deviceUuid: record.deviceUuid,
    deviceName: record.deviceName,
    deviceLocation: record.deviceLocation,
    deviceType: record.deviceType,
    deviceModel: record.deviceModel,
    deviceStatus: record.deviceStatus,
    recognitionType: record.recognitionType,
    verificationMode: record.verificationMode,
    passType: record.passType,
    livenessType: record.livenessType,
    recognitionScore: score(record.recognitionScore),
    livenessScore: score(record.livenessScore),
    passTime: isoWithOffset(at),
    passTimestamp: record.passTimestamp,
    passTimeFormat: formatDateTime(at),
    temperature: record.temperature,
    highThreshold: record.highThreshold,
    temperatureType: record.temperatureType,
    maskType: record.maskType,
    ...urls(record, imageUrl),
    ...descriptions(record),
  };
  return { busiType: format.busiType === 'number' ? 5 : '5', data };
}
