import { ApiFailure, INVALID_PARAMETER, NOT_FOUND, SUCCESS, messageFor } from '../codes.ts';
import { makePng } from '../../common/image-fixtures.ts';
import { ok, okText } from '../reply.ts';
import type { Handler, JsonObject, SimContext } from '../request.ts';
import { page } from '../request.ts';
import type { PersonRecord, PersonType, SimState } from '../state.ts';
import { newUuid } from '../state.ts';
import { checkPerson, readPersonFields } from './person-rules.ts';
import type { PersonFields } from './person-rules.ts';

/**
 * 人员管理 (hongtu.md §6): batch add with per-item results, update (groupList replaces the
 * person's groups, §10 E20), batch delete, search, by-uuid reads, the visitor QR code. Employee-only
 * fields (entryTimeStamp, postion, birthdayStamp) are dropped for others, as batchAdd says
 * ("员工填写生效，其他填写不生效").
 */
const EMPLOYEE_ONLY = ['entryTimeStamp', 'postion', 'birthdayStamp'] as const;

/** A person as person.query / uuid/list / list return it: times as epoch-ms strings, groups as {uuid, name}. */
export function personView(state: SimState, person: PersonRecord, now: number): JsonObject {
  const visited = person.visitedUuid !== undefined ? state.persons.get(person.visitedUuid) : undefined;
  const visitor = person.type === 2;
  return {
    uuid: person.uuid,
    name: person.name,
    type: person.type,
    sex: person.sex,
    imageUri: person.imageUri,
    code: person.code,
    identifyNum: person.identifyNum,
    ...(visitor
      ? {
          visitStartTime: stringTime(person.visitStartTimeStamp),
          visitEndTime: stringTime(person.visitEndTimeStamp),
          visitReason: person.visitReason,
          visitedUuid: person.visitedUuid,
          visitedName: visited?.name,
          visitType: person.visitType ?? 1,
          visitedStatus: isVisitValid(person, now),
          visitFirm: person.visitFirm,
        }
      : {}),
    email: person.email,
    phone: person.phone,
    cardNum: person.cardNum,
    password: person.password,
    entryTime: stringTime(person.entryTimeStamp),
    postion: person.postion,
    birthday: stringTime(person.birthdayStamp),
    uniqueIdentify: person.uniqueIdentify,
    ext: person.ext,
    groupList: person.groupList.map((uuid) => ({ uuid, name: state.groups.get(uuid)?.name ?? '' })),
  };
}

export function isVisitValid(person: PersonRecord, now: number): boolean {
  return now >= (person.visitStartTimeStamp ?? Infinity) && now <= (person.visitEndTimeStamp ?? -Infinity);
}

function stringTime(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function addOne(ctx: SimContext, item: JsonObject): JsonObject {
  const fields = readPersonFields(item);
  const echo: JsonObject = { ...item, staffCode: fields.code, uuid: fields.uuid ?? '' };
  delete echo['uniqueIdentify'];
  delete echo['visitFirm'];
  try {
    const type = fields.type as PersonType;
    if (type !== 1) for (const name of EMPLOYEE_ONLY) delete fields[name];
    checkPerson(ctx.state, fields);
    const complete: PersonFields = { sex: 0, groupList: [], ...fields, uuid: fields.uuid ?? newUuid(), name: fields.name ?? '', type };
    const person = ctx.state.addPerson(complete, ctx.now().getTime());
    return { ...echo, uuid: person.uuid, code: SUCCESS, msg: messageFor(SUCCESS), groupList: person.groupList };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { ...echo, code: error.code, msg: error.message };
  }
}

const batchAdd: Handler = (req, ctx) => {
  const successes: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const item of req.objects('personList') ?? []) {
    const result = addOne(ctx, item);
    (result['code'] === SUCCESS ? successes : failures).push(result);
  }
  return ok({ successes, failures });
};

const update: Handler = (req, ctx) => {
  const person = ctx.state.persons.get(req.need('uuid'));
  if (!person) throw new ApiFailure(NOT_FOUND, `人员${req.need('uuid')}`);
  const { uuid: _uuid, type: _type, ...fields } = readPersonFields(req.body);
  if (person.type !== 1) for (const name of EMPLOYEE_ONLY) delete fields[name];
  checkPerson(ctx.state, fields, person);
  Object.assign(person, fields);
  return okText();
};

const batchDelete: Handler = (req, ctx) => {
  const successes: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const uuid of req.strings('uuidList') ?? []) {
    if (ctx.state.persons.delete(uuid)) successes.push({ uuid, code: SUCCESS, msg: messageFor(SUCCESS) });
    else failures.push({ uuid, code: NOT_FOUND, msg: messageFor(NOT_FOUND) });
  }
  return ok({ successes, failures });
};

const pinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

const list: Handler = (req, ctx) => {
  const { state } = ctx;
  const now = ctx.now().getTime();
  const contains = (value: string | undefined, wanted: string | undefined) => wanted === undefined || (value ?? '').includes(wanted);
  const equals = (value: string | undefined, wanted: string | undefined) => wanted === undefined || value === wanted;
  const within = (value: number | undefined, min: number | undefined, max: number | undefined) =>
    (min === undefined || (value !== undefined && value >= min)) && (max === undefined || (value !== undefined && value <= max));
  const type = req.int('type');
  const filterVisited = req.int('filterVisitedType') ?? 0;
  const visitType = req.int('visitType');
  const visitedName = req.str('visitedName');
  const matches = [...state.persons.values()].filter(
    (person) =>
      (type === undefined || person.type === type) &&
      contains(person.name, req.str('name')) &&
      equals(person.phone, req.str('phone')) &&
      equals(person.identifyNum, req.str('identifyNum')) &&
      equals(person.email, req.str('email')) &&
      equals(person.code, req.str('code')) &&
      equals(person.cardNum, req.str('cardNum')) &&
      equals(person.uniqueIdentify, req.str('uniqueIdentify')) &&
      within(person.entryTimeStamp, req.int('staffEntryMinStamp'), req.int('staffEntryMaxStamp')) &&
      (person.type !== 2 || within(person.createdAt, req.int('visitorCreateMinStamp'), req.int('visitorCreateMaxStamp'))) &&
      (filterVisited === 0 || (person.type === 2 && isVisitValid(person, now) === (filterVisited === 1))) &&
      (visitType === undefined || (person.type === 2 && (person.visitType ?? 1) === visitType)) &&
      (visitedName === undefined || (person.visitedUuid !== undefined && contains(state.persons.get(person.visitedUuid)?.name, visitedName))),
  );
  const sorted = req.bool('isPinyinOrder') === false ? matches.sort((a, b) => b.createdAt - a.createdAt) : matches.sort((a, b) => pinyin.compare(a.name, b.name));
  const simple = req.bool('simpleInfo') === true;
  const items = sorted.map((person) =>
    simple
      ? { uuid: person.uuid, name: person.name }
      : { ...personView(state, person, now), isPassRecord: ctx.records.hasPerson(person.uuid), isAttendanceRecord: false },
  );
  return ok(page(items, req));
};

const uuidList: Handler = (req, ctx) => {
  const now = ctx.now().getTime();
  const persons = (req.strings('uuidList') ?? []).flatMap((uuid) => {
    const person = ctx.state.persons.get(uuid);
    return person ? [personView(ctx.state, person, now)] : [];
  });
  return ok(persons);
};

const query: Handler = (req, ctx) => {
  const person = ctx.state.persons.get(req.need('uuid'));
  if (!person) throw new ApiFailure(NOT_FOUND, `人员${req.need('uuid')}`);
  return ok(personView(ctx.state, person, ctx.now().getTime()));
};

/** §10 E13: the body's `uuid` names the visitor; the "path parameter" personUuid has no place in the path. */
const visitorCode: Handler = (req, ctx) => {
  const person = ctx.state.persons.get(req.need('uuid'));
  if (!person) throw new ApiFailure(NOT_FOUND, `访客${req.need('uuid')}`);
  if (person.type !== 2) throw new ApiFailure(INVALID_PARAMETER, '该人员不是访客');
  return ok({ qrCode: makePng(33, 33, { grey: true, rgb: [person.id % 256, 0, 0] }).toString('base64') });
};

export const PERSON_HANDLERS: Readonly<Record<string, Handler>> = {
  'person.batchAdd': batchAdd,
  'person.update': update,
  'person.batchDelete': batchDelete,
  'person.list': list,
  'person.uuidList': uuidList,
  'person.query': query,
  'person.visitorCode': visitorCode,
};
