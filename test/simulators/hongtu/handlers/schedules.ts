import { ApiFailure, NOT_FOUND, PASS_PARAMETER, SCHEDULE_FAILED, SUCCESS, messageFor } from '../codes.ts';
import { ok, okText } from '../reply.ts';
import type { ApiRequest, Handler, JsonObject } from '../request.ts';
import { page } from '../request.ts';
import type { ScheduleRecord, SimState, TimeRange } from '../state.ts';
import { newUuid } from '../state.ts';
import { isClockTime, minutesOf } from '../time.ts';

/**
 * 时间计划管理 (hongtu.md §6): type 1 通行 / 3 事件, weekly `workDay` ranges and dated `holiday`
 * rules. Rules checked (no codes in the document; 103005 参数异常 naming the rule): names unique,
 * 1–32 characters without special characters; uuids 1–40; week 1–7 once each; times HH:mm with
 * from ≤ to; a holiday switched on needs ranges; event schedules take no holidays. A schedule
 * still used by a pass authority is not deleted (per-item 121038 处理时间计划处理失败).
 */
const NAME = /^[\u4e00-\u9fa5A-Za-z0-9_\-（）()]{1,32}$/;
const UUID = /^[A-Za-z0-9_-]{1,40}$/;

function fail(detail: string): never {
  throw new ApiFailure(PASS_PARAMETER, detail);
}

function ranges(req: ApiRequest, holder: JsonObject): TimeRange[] {
  return (req.objects('during', holder) ?? []).map((range) => {
    const from = req.str('from', range) ?? '';
    const to = req.str('to', range) ?? '';
    if (!isClockTime(from) || !isClockTime(to)) fail('时间格式为HH:mm');
    if (minutesOf(from) > minutesOf(to)) fail('开始时间不能晚于截止时间');
    return { from, to };
  });
}

/** Reads and checks one schedule; `type` is the stored one for updates (update has no type field). */
function readSchedule(req: ApiRequest, item: JsonObject, state: SimState, type: number, self?: ScheduleRecord): ScheduleRecord {
  const uuid = self?.uuid ?? req.str('uuid', item) ?? newUuid();
  const name = req.str('name', item) ?? '';
  if (type !== 1 && type !== 3) fail('类型只能为1或3');
  if (!UUID.test(uuid)) fail('uuid长度1-40，不支持特殊字符');
  if (!self && state.schedules.has(uuid)) fail('uuid已存在');
  if (!NAME.test(name)) fail('时间计划名称长度1-32，不支持特殊字符');
  for (const other of state.schedules.values()) if (other !== self && other.name === name) fail('时间计划名称已存在');
  const weeks = new Set<number>();
  const workDay = (req.objects('workDay', item) ?? []).map((day) => {
    const week = req.int('week', day) ?? 0;
    if (!Number.isInteger(week) || week < 1 || week > 7) fail('星期只能为1-7');
    if (weeks.has(week)) fail('星期重复');
    weeks.add(week);
    return { week, during: ranges(req, day) };
  });
  const holidays = req.objects('holiday', item) ?? [];
  if (type === 3 && holidays.length > 0) fail('事件时间计划不支持节假日');
  const holiday = holidays.map((day) => {
    const date = req.str('date', day) ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('节假日格式为yyyy-MM-dd');
    const stateOn = req.bool('state', day) ?? false;
    const during = ranges(req, day);
    if (stateOn && during.length === 0) fail('state为true时during不能为空');
    return { date, state: stateOn, during };
  });
  return { uuid, name, type: type as 1 | 3, workDay, holiday };
}

function schedule(state: SimState, uuid: string): ScheduleRecord {
  const found = state.schedules.get(uuid);
  if (!found) throw new ApiFailure(NOT_FOUND, `时间计划${uuid}`);
  return found;
}

const addBatch: Handler = (req, ctx) => {
  const successes: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const item of req.objects('scheduleList') ?? []) {
    try {
      const created = readSchedule(req, item, ctx.state, req.int('type', item) ?? 0);
      ctx.state.schedules.set(created.uuid, created);
      successes.push({ ...structuredClone(created), code: SUCCESS, msg: messageFor(SUCCESS) });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      failures.push({ ...item, uuid: req.str('uuid', item) ?? '', code: error.code, msg: error.message });
    }
  }
  return ok({ successes, failures });
};

const update: Handler = (req, ctx) => {
  const found = schedule(ctx.state, req.need('uuid'));
  ctx.state.schedules.set(found.uuid, readSchedule(req, req.body, ctx.state, found.type, found));
  return okText();
};

const remove: Handler = (req, ctx) => {
  const successes: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const uuid of req.strings('uuidList') ?? []) {
    if (!ctx.state.schedules.has(uuid)) failures.push({ uuid, code: NOT_FOUND, msg: messageFor(NOT_FOUND) });
    else if (ctx.state.authorities.some((authority) => authority.scheduleUuid === uuid)) failures.push({ uuid, code: SCHEDULE_FAILED, msg: messageFor(SCHEDULE_FAILED, '时间计划已被通行权限使用') });
    else {
      ctx.state.schedules.delete(uuid);
      successes.push({ uuid, code: SUCCESS, msg: messageFor(SUCCESS) });
    }
  }
  return ok({ successes, failures });
};

const pageOf: Handler = (req, ctx) => {
  const type = req.int('type');
  const name = req.str('name');
  const found = [...ctx.state.schedules.values()]
    .filter((candidate) => candidate.type === type && (name === undefined || candidate.name.includes(name)))
    .map(({ uuid, name: scheduleName, type: scheduleType }) => ({ uuid, name: scheduleName, type: scheduleType }));
  return ok(page(found, req));
};

const details: Handler = (req, ctx) => {
  const found = (req.strings('uuidList') ?? []).flatMap((uuid) => {
    const record = ctx.state.schedules.get(uuid);
    return record ? [structuredClone(record)] : [];
  });
  return ok(found);
};

export const SCHEDULE_HANDLERS: Readonly<Record<string, Handler>> = {
  'schedule.addBatch': addBatch,
  'schedule.update': update,
  'schedule.delete': remove,
  'schedule.page': pageOf,
  'schedule.details': details,
};
