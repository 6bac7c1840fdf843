import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import { decodePhoto, inspectImage } from '../images.ts';
import type { JsonObject, SimContext } from '../request.ts';
import { asText } from '../request.ts';
import { blankPerson } from '../seed.ts';
import type { PersonRecord, PhotoRecord } from '../state.ts';
import { parseDateTime } from '../time.ts';

/**
 * Person Add/Edit (2.14.1, 2.14.10, 2.14.13, 2.14.14): an upsert by `pin`. Checked before anything
 * changes, so a failing request (or a failing element of a batch) leaves the site as it was:
 * -20 pin empty, -29 pin not 1–24 letters/digits or belonging to someone who left (2.14.9; use
 * `reinstated`), -13 unknown department, -23 card used by someone else, -26 device password used,
 * -27 photo that is not base64 JPEG/PNG, -24 unknown access level, -100 unreadable time or date,
 * -101 access start after end, -1 a value of the wrong type. Omitted fields keep their value;
 * `cardNo: ""` removes the card (2.14.10). Unknown keys are ignored, as Spring's JSON reader does.
 */
export type PersonFieldSet = 'add' | 'basic' | 'full';

const SETS: Readonly<Record<PersonFieldSet, ReadonlySet<string>>> = {
  add: new Set(['deptCode', 'name', 'lastName', 'gender', 'cardNo', 'personPhoto', 'accLevelIds', 'accStartTime', 'accEndTime']),
  basic: new Set(['deptCode', 'name', 'lastName', 'gender', 'cardNo', 'birthday', 'certNumber', 'certType', 'email', 'hireDate', 'isDisabled', 'isSendMail', 'mobilePhone', 'personPwd', 'ssn', 'supplyCards']),
  full: new Set([
    'deptCode', 'name', 'lastName', 'gender', 'cardNo', 'birthday', 'certNumber', 'certType', 'email', 'hireDate', 'isDisabled', 'isSendMail',
    'mobilePhone', 'personPwd', 'ssn', 'supplyCards', 'carPlate', 'personPhoto', 'accLevelIds', 'accStartTime', 'accEndTime',
  ]),
};

const TEXT_FIELDS = ['name', 'lastName', 'certNumber', 'certType', 'email', 'mobilePhone', 'supplyCards'] as const;
const NULLABLE_TEXT = ['ssn', 'carPlate'] as const;

export interface PersonPatch {
  readonly pin: string;
  readonly changes: Partial<PersonRecord>;
  readonly reinstate: boolean;
}

export function readPin(value: unknown): string {
  const pin = asText(value);
  if (pin === undefined) throw new ApiFailure(-20);
  if (!/^[A-Za-z0-9]{1,24}$/.test(pin)) throw new ApiFailure(-29);
  return pin;
}

/** Reads a photo as stored: -27 unless it is base64 of a JPEG or PNG. */
export function readPhoto(value: unknown, keepBytes: boolean): PhotoRecord {
  const text = typeof value === 'string' ? value : '';
  const bytes = decodePhoto(text);
  const info = bytes ? inspectImage(bytes) : undefined;
  if (!bytes || !info) throw new ApiFailure(-27);
  return {
    size: info.size,
    sha256: info.sha256,
    format: info.format,
    width: info.width,
    height: info.height,
    ...(keepBytes ? { base64: bytes.toString('base64') } : {}),
  };
}

function dateTime(value: unknown, dateOnly: boolean): string | null {
  const text = asText(value);
  if (text === undefined) return null;
  const ok = dateOnly ? /^\d{4}-\d{2}-\d{2}$/.test(text) : /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text);
  if (!ok || parseDateTime(text) === undefined) throw new ApiFailure(-100);
  return text;
}

function bool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ApiFailure(PROGRAM_ERROR);
}

function text(value: unknown): string {
  if (value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new ApiFailure(PROGRAM_ERROR);
}

/** Validates one element; `claimed` holds cards and passwords taken earlier in the same batch. */
export function readPerson(ctx: SimContext, item: JsonObject, set: PersonFieldSet, claimed: Map<string, string>, reinstate = false): PersonPatch {
  const pin = readPin(item['pin']);
  const existing = ctx.state.persons.get(pin);
  if (existing && existing.leaveDate !== null && !reinstate) throw new ApiFailure(-29);
  const allowed = SETS[set];
  const given = (name: string) => allowed.has(name) && item[name] !== undefined;
  const changes: Partial<PersonRecord> = {};
  for (const name of TEXT_FIELDS) if (given(name)) changes[name] = text(item[name]);
  for (const name of NULLABLE_TEXT) if (given(name)) changes[name] = item[name] === null ? null : text(item[name]);
  if (given('deptCode')) {
    const code = text(item['deptCode']);
    if (code !== '' && !ctx.state.departments.has(code)) throw new ApiFailure(-13);
    if (code !== '') changes.deptCode = code;
  }
  if (given('gender')) {
    const gender = text(item['gender']);
    if (gender !== '' && gender !== 'M' && gender !== 'F') throw new ApiFailure(PROGRAM_ERROR);
    changes.gender = gender;
  }
  const cards = [...(given('cardNo') ? [text(item['cardNo'])] : []), ...(changes.supplyCards ?? '').split(',')].filter((card) => card !== '');
  for (const card of cards) claim(claimed, `card:${card}`, pin, ctx.state.cardOwner(card), -23);
  if (given('cardNo')) changes.cardNo = text(item['cardNo']);
  if (given('personPwd')) {
    const pwd = text(item['personPwd']);
    const owner = [...ctx.state.persons.values()].find((person) => pwd !== '' && person.personPwd === pwd)?.pin;
    if (pwd !== '') claim(claimed, `pwd:${pwd}`, pin, owner, -26);
    changes.personPwd = pwd;
  }
  if (given('personPhoto') && item['personPhoto'] !== '' && item['personPhoto'] !== null) changes.photo = readPhoto(item['personPhoto'], ctx.keepPhotos);
  if (given('accLevelIds')) {
    const ids = text(item['accLevelIds']).split(',').map((id) => id.trim()).filter((id) => id !== '');
    for (const id of ids) if (!ctx.state.level('acc', id)) throw new ApiFailure(-24);
    const others = (existing?.accLevelIds ?? []).filter((id) => !ctx.state.level('acc', id));
    changes.accLevelIds = [...others, ...ids];
  }
  if (given('accStartTime')) changes.accStartTime = dateTime(item['accStartTime'], false);
  if (given('accEndTime')) changes.accEndTime = dateTime(item['accEndTime'], false);
  const start = changes.accStartTime ?? existing?.accStartTime ?? null;
  const end = changes.accEndTime ?? existing?.accEndTime ?? null;
  if (start && end && (parseDateTime(start) ?? 0) > (parseDateTime(end) ?? 0)) throw new ApiFailure(-101);
  if (given('birthday')) changes.birthday = dateTime(item['birthday'], true);
  if (given('hireDate')) changes.hireDate = dateTime(item['hireDate'], true);
  if (given('isDisabled')) changes.isDisabled = bool(item['isDisabled']);
  if (given('isSendMail')) changes.isSendMail = bool(item['isSendMail']);
  return { pin, changes, reinstate };
}

function claim(claimed: Map<string, string>, key: string, pin: string, owner: string | undefined, code: number): void {
  if (owner !== undefined && owner !== pin) throw new ApiFailure(code);
  const earlier = claimed.get(key);
  if (earlier !== undefined && earlier !== pin) throw new ApiFailure(code);
  claimed.set(key, pin);
}

export function applyPerson(ctx: SimContext, patch: PersonPatch): PersonRecord {
  const person = ctx.state.persons.get(patch.pin) ?? blankPerson(patch.pin);
  Object.assign(person, patch.changes);
  if (patch.reinstate) person.leaveDate = null;
  ctx.state.persons.set(person.pin, person);
  return person;
}
