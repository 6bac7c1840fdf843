import { z } from 'zod';
import { lenientInt, lenientText } from './envelope.ts';

/**
 * What K30's replies hold once `data` is decrypted (k30.md §6, the 4. 返回结果 tables), read
 * leniently: a field the table types `string` is text even when it comes as a number, one it types
 * `Int` is a number even when it comes as text (`"onlinestatus":"0"`, E23); unknown fields are
 * kept (people.list's `idCardPhoto1`, E27), and a missing or null text field reads as "".
 */
function record<const T extends readonly string[], const I extends readonly string[] = []>(text: T, ints?: I) {
  const shape: Record<string, z.ZodType> = {};
  for (const name of text) shape[name] = lenientText;
  for (const name of ints ?? []) shape[name] = lenientInt.optional();
  return z.looseObject(shape as { [K in T[number]]: typeof lenientText } & { [K in I[number]]: z.ZodOptional<typeof lenientInt> });
}

/** `{no}`: people.create, department.create, region.create, visitor.create. */
export const CreatedSchema = z.looseObject({ no: z.union([z.string().min(1), z.number().transform(String)]) });

/** people.list items: camelCase names unlike the request's (E27); `sex` is 男/女/未知 text here (E21). */
export const PersonSchema = record(['no', 'jobNumber', 'name', 'sex', 'phone', 'idCard', 'icCard', 'type', 'photo', 'idCardPhoto', 'remark', 'startDate', 'effDate', 'native', 'nation', 'residence', 'deptNo', 'deptName']);

export const DepartmentSchema = record(['no', 'name', 'linkerphone', 'linkername', 'parentno', 'remark', 'companyno']);

/** Leave and overtime totals: decimal text in the platform's unit, whatever the label says (E17). */
const LEAVE_TOTALS = ['absentTotal', 'absentLeaveTotal', 'marryLeaveTotal', 'maternityLeaveTotal', 'sickLeaveTotal', 'yearLeaveTotal', 'funeralLeaveTotal', 'paternityLeaveTotal', 'breastfeedingLeaveTotal', 'businessTotal', 'goOutTotal'] as const;

export const DailyReportRowSchema = record([
  'peopleno', 'jobNumber', 'name', 'deptname', 'attdate', 'timePeriodName', 'shiftTimeData', 'cardValidData', 'cardValidCount',
  'shouldTotal', 'actualTotal', 'validTotal', 'lateCountTotal', 'lateData', 'lateTotal', 'earlyCountTotal', 'earlyData', 'earlyTotal',
  'overtimeUsualTotal', 'overtimeRestTotal', 'overtimeHolidayTotal', 'overtimeTotal', ...LEAVE_TOTALS,
]);

/** The table's three `shouldValues` are the example's shouldDays / actualDays / validDays (E15). */
export const MonthlyReportRowSchema = record(['peopleno', 'jobNumber', 'name', 'deptname', 'shouldDays', 'actualDays', 'validDays']).extend({
  monthAttDataList: z
    .array(record(['date', 'content']))
    .nullish()
    .transform((days) => days ?? []),
});

export const AbnormalReportRowSchema = record(['peopleno', 'jobNumber', 'name', 'deptname', 'attdate', 'timePeriodName', 'shiftTimeData', 'cardValidData', 'cardInvalidData', 'lateTotal', 'earlyTotal', ...LEAVE_TOTALS]);

/**
 * record.list items. `group` (1 陌生人, 0 白名单, 10 访客), `mode` (11 远程开门, …), `outintype`
 * (1 入口, 0 出口) and `exceptionmode` (1 正常通行) are `string` in the reply table (Int in the
 * request): text here. `addtime` is `yyyy-MM-dd HH:mm:ss`.
 */
export const PassRecordSchema = record(['no', 'deviceno', 'peopleno', 'peoplename', 'jobnumber', 'photo', 'iccard', 'group', 'mode', 'addtime', 'outintype', 'exceptionmode']);

/** device.list items and device.status: `outintype` 0 出口 / 1 入口, `isenableattend` 0/1, `onlinestatus` 0 离线 / 1 在线 (Int, sent as "0" too). */
export const DeviceSchema = record(['no', 'name', 'ip', 'area', 'regionname'], ['outintype', 'isenableattend', 'onlinestatus']);

/** region.list items: `isdefault` Int; `linkage` / `manual` "0"/"1" text. */
export const RegionSchema = record(['no', 'name', 'companyno', 'parentno', 'linkage', 'manual'], ['isdefault']);

/** region.peopleList items: `rolename` is typed int but is a job title, "" in the example (E22): text. `sex` 0/1/2 here (E21). */
export const RegionPersonSchema = record(['no', 'name', 'jobnumber', 'deptno', 'deptname', 'rolename', 'phone', 'idcard', 'iccard', 'sex', 'photo', 'deviceno', 'entertime']);
