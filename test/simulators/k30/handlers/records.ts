import { formatDateTime, localTimeOf } from '../../common/local-time.ts';
import { ApiFailure, ok } from '../reply.ts';
import { contains, dateField, same } from '../request.ts';
import type { ApiRequest, Handler } from '../request.ts';

/**
 * 通行记录 (record.list) and 考勤 (attendance.*).
 *
 * record.list as its section says: `startdate` and `effdate` (`yyyy-MM-dd`) both required, in the
 * same month (开始日期和结束日期不能跨月), and the range includes the whole end day; `deptno`,
 * `peopleno`, `deviceno` exact, `peoplename` fuzzy; every item value a string, as its table and
 * example write them (`"group": "0"`). Newest first (the simulator's choice). `photo` is the
 * record's pre-signed snapshot link (snapshots.ts), "" for a remote open.
 *
 * The attendance endpoints check their parameters and answer: calculate `考勤计算成功`, the three
 * reports an empty list. The simulator keeps no shifts, so it has nothing to report.
 */
const DAY_MS = 24 * 60 * 60_000;

function dayRange(req: ApiRequest, sameMonth: boolean): { from: number; to: number } {
  const from = dateField(req, 'startdate') ?? 0;
  const to = dateField(req, 'effdate') ?? 0;
  if (to < from) throw new ApiFailure('effdate不能早于startdate');
  if (sameMonth && req.need('startdate').slice(0, 7) !== req.need('effdate').slice(0, 7)) throw new ApiFailure('开始日期和结束日期不能跨月');
  return { from, to: to + DAY_MS };
}

const recordList: Handler = (req, ctx) => {
  const { from, to } = dayRange(req, true);
  const filter = { deptno: req.text('deptno'), peopleno: req.text('peopleno'), peoplename: req.text('peoplename'), deviceno: req.text('deviceno'), group: req.int('group'), mode: req.int('mode') };
  const items = ctx.state.records
    .filter(
      (record) =>
        record.at >= from &&
        record.at < to &&
        same(record.deptno, filter.deptno) &&
        same(record.peopleno, filter.peopleno) &&
        contains(record.peoplename, filter.peoplename) &&
        same(record.deviceno, filter.deviceno) &&
        (filter.group === undefined || record.group === filter.group) &&
        (filter.mode === undefined || record.mode === filter.mode),
    )
    .reverse()
    .map((record) => ({
      no: record.no,
      deviceno: record.deviceno,
      peopleno: record.peopleno,
      peoplename: record.peoplename,
      jobnumber: record.jobnumber,
      photo: ctx.snapshotUrl(record),
      iccard: record.iccard,
      group: String(record.group),
      mode: String(record.mode),
      addtime: formatDateTime(new Date(record.at)),
      outintype: String(record.outintype),
      exceptionmode: String(record.exceptionmode),
    }));
  return ok(req.entry, req.page(items));
};

/**
 * attendance.calculate's bounds: typed `date`, length 11, but its examples are
 * `yyyy-MM-dd 00:00:00` / `yyyy-MM-dd 23:59:59` (E16) — both forms are taken.
 */
function boundary(req: ApiRequest, name: string): number {
  const text = req.need(name);
  const match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(text);
  const at = match ? localTimeOf(match) : undefined;
  if (at === undefined) throw new ApiFailure(`${name}格式错误: 应为yyyy-MM-dd HH:mm:ss`);
  return at;
}

const calculate: Handler = (req, ctx) => {
  if (boundary(req, 'effdate') < boundary(req, 'startdate')) throw new ApiFailure('effdate不能早于startdate');
  const list = (name: string) => (req.text(name) ?? '').split(',').map((no) => no.trim()).filter((no) => no.length > 0);
  for (const no of list('staffnos')) if (!ctx.state.people.has(no)) throw new ApiFailure(`人员不存在(staffnos: ${no})`);
  for (const no of list('deptnos')) if (!ctx.state.departments.has(no)) throw new ApiFailure(`部门不存在(deptnos: ${no})`);
  return ok(req.entry);
};

const emptyReport: Handler = (req) => {
  dayRange(req, false);
  return ok(req.entry, req.page([]));
};

export const RECORD_HANDLERS: Readonly<Record<string, Handler>> = {
  'record.list': recordList,
  'attendance.calculate': calculate,
  'attendance.dailyReport': emptyReport,
  'attendance.monthlyReport': emptyReport,
  'attendance.abnormalReport': emptyReport,
};
