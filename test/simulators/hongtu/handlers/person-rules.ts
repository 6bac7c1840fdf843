import { ApiFailure, GET_IMAGE_FAILED, INVALID_PARAMETER, NOT_FOUND } from '../codes.ts';
import type { JsonObject } from '../request.ts';
import { asText } from '../request.ts';
import type { PersonRecord, PersonType, SimState } from '../state.ts';

/**
 * The field rules of person.batchAdd / person.update, as the document states them (hongtu.md §6):
 * formats and lengths, uniqueness of uuid, code, cardNum and uniqueIdentify, the three fields a
 * visitor must have, and that groups, the visited person and the photo exist. The document gives no
 * code per rule: format and uniqueness are 100003 参数不合法 with the field named in msg, a
 * too-long free text 121045 字符串长度超出, a start after the end 121040, an unknown group or
 * visited person 100009 未找到记录, a photo uri nobody uploaded 121021 获取图片失败.
 */
export type PersonFields = Omit<PersonRecord, 'id' | 'createdAt'>;

const PATTERNS: readonly [keyof PersonFields, RegExp, string][] = [
  ['code', /^[A-Za-z0-9]{1,32}$/, '员工编码格式错误'],
  ['identifyNum', /^[A-Za-z0-9]{1,32}$/, '身份证号格式错误'],
  ['uniqueIdentify', /^[\x21-\x7e]{1,40}$/, '唯一标识格式错误'],
  ['visitFirm', /^[\u4e00-\u9fa5A-Za-z0-9]{1,40}$/, '访客所属单位格式错误'],
  ['email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/, '邮箱格式错误'],
  ['phone', /^\d{6,18}$/, '手机号格式错误'],
  ['cardNum', /^\d{1,20}$/, '卡号格式错误'],
  ['password', /^\d{4,6}$/, '密码格式错误'],
];

const TEXT_FIELDS = ['name', 'code', 'identifyNum', 'uniqueIdentify', 'visitFirm', 'visitReason', 'visitedUuid', 'email', 'phone', 'cardNum', 'password', 'postion', 'ext', 'imageUri'] as const;
const NUMBER_FIELDS = ['sex', 'visitStartTimeStamp', 'visitEndTimeStamp', 'visitType', 'entryTimeStamp', 'birthdayStamp'] as const;

/** The person fields of one JSON item (the document's names); absent ones stay absent. */
export function readPersonFields(item: JsonObject): Partial<PersonFields> {
  const fields: Partial<PersonFields> = {};
  const mutable = fields as Record<string, unknown>;
  for (const name of TEXT_FIELDS) {
    const value = asText(item[name]);
    if (value !== undefined) mutable[name] = value;
  }
  for (const name of NUMBER_FIELDS) {
    const value = item[name];
    if (value !== undefined && value !== null && value !== '') mutable[name] = Number(value);
  }
  const type = item['type'];
  if (type !== undefined && type !== null) mutable['type'] = Number(type);
  if (Array.isArray(item['groupList'])) fields.groupList = item['groupList'].map(String);
  return fields;
}

/** Throws the rule a would-be person breaks; `self` is the person being updated. */
export function checkPerson(state: SimState, person: Partial<PersonFields>, self?: PersonRecord): void {
  const fail = (code: number, detail: string): never => {
    throw new ApiFailure(code, detail);
  };
  if (person.name !== undefined && [...person.name].length > 40) fail(INVALID_PARAMETER, '用户名长度为1-40');
  if (person.type !== undefined && ![1, 2, 3].includes(person.type)) fail(INVALID_PARAMETER, '用户类别只能为1、2、3');
  if (person.sex !== undefined && ![0, 1, 2].includes(person.sex)) fail(INVALID_PARAMETER, '性别只能为0、1、2');
  if (person.uuid !== undefined && !self) {
    if (person.uuid.length > 32) fail(INVALID_PARAMETER, 'uuid最大长度32位');
    if (state.persons.has(person.uuid)) fail(INVALID_PARAMETER, 'uuid已存在');
  }
  for (const [name, pattern, message] of PATTERNS) {
    const value = person[name];
    if (typeof value === 'string' && !pattern.test(value)) fail(INVALID_PARAMETER, message);
  }
  for (const name of ['code', 'cardNum', 'uniqueIdentify'] as const) {
    const value = person[name];
    if (value === undefined) continue;
    for (const other of state.persons.values()) if (other !== self && other[name] === value) fail(INVALID_PARAMETER, `${name}已存在`);
  }
  // Epoch-millisecond and enum fields are integers (拜访起始时间(时间戳,毫秒)…): "abc" or 1.5 is not one.
  for (const name of NUMBER_FIELDS) {
    const value = person[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) fail(INVALID_PARAMETER, `${name}格式错误`);
  }
  if (person.visitReason !== undefined && [...person.visitReason].length === 0) fail(INVALID_PARAMETER, '拜访原因长度为1-255');
  if (person.visitReason !== undefined && [...person.visitReason].length > 255) fail(121045, 'visitReason');
  if (person.postion !== undefined && [...person.postion].length > 64) fail(121045, 'postion');
  if (person.ext !== undefined && [...person.ext].length > 255) fail(121045, 'ext');
  if (person.visitType !== undefined && ![1, 2].includes(person.visitType)) fail(INVALID_PARAMETER, '访客类型只能为1、2');

  const type: PersonType | undefined = self?.type ?? (person.type as PersonType | undefined);
  if (type === 2) {
    const start = person.visitStartTimeStamp ?? self?.visitStartTimeStamp;
    const end = person.visitEndTimeStamp ?? self?.visitEndTimeStamp;
    const visited = person.visitedUuid ?? self?.visitedUuid;
    if (start === undefined) fail(INVALID_PARAMETER, '访客必填visitStartTimeStamp');
    if (end === undefined) fail(INVALID_PARAMETER, '访客必填visitEndTimeStamp');
    if (visited === undefined) fail(INVALID_PARAMETER, '访客必填visitedUuid');
    if (start !== undefined && end !== undefined && start > end) fail(121040, 'visitStartTimeStamp');
  }
  if (person.visitedUuid !== undefined && !state.persons.has(person.visitedUuid)) fail(NOT_FOUND, `受访人${person.visitedUuid}`);
  for (const group of person.groupList ?? []) if (!state.groups.has(group)) fail(NOT_FOUND, `组${group}`);
  if (person.imageUri !== undefined && state.images.get(person.imageUri)?.kind !== 'face') fail(GET_IMAGE_FAILED, person.imageUri);
}
