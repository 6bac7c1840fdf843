import { body } from '../../endpoint-table.ts';
import { noData, page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import type { FieldSpec } from '../../endpoint-table.ts';
import { commaList, date, dayBound, paging, str } from '../field-types.ts';
import { AbnormalReportRowSchema, DailyReportRowSchema, MonthlyReportRowSchema } from '../records.ts';

const GROUP = '考勤管理 / attendance';

/** The four filters of the three reports (完整编号/工号 exact, 关键词 fuzzy). */
const filters: FieldSpec[] = [
  body('deptno', str(32), false, '部门编号 department number, exact'),
  body('no', str(32), false, '人员编号 person number, exact'),
  body('name', str(32), false, '人员姓名 name, fuzzy'),
  body('jobnumber', str(32), false, '工号 job number, exact'),
];

/** Typed `date`, length 11, example `yyyy-MM-dd` (E16). */
const range: FieldSpec[] = [body('startdate', date(), true, '开始日期 yyyy-MM-dd'), body('effdate', date(), true, '结束日期 yyyy-MM-dd')];

/** 考勤管理: attendance.calculate and the three reports. */
export const attendanceEndpoints: readonly K30Endpoint[] = [
  {
    id: 'attendance.calculate', method: 'POST', path: '/openapi/attendance/attcalculate',
    section: '10', title: '考勤计算 / recalculate attendance', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [
      body('staffnos', commaList(2560), false, '人员编号 person numbers, comma-separated (example 1759412,1253695,2563544)'),
      body('deptnos', commaList(2560), false, '部门编号 department numbers, comma-separated'),
      body('startdate', dayBound(), true, '开始时间 yyyy-MM-dd 00:00:00 (typed date, length 11; E16)'),
      body('effdate', dayBound(), true, '结束时间 yyyy-MM-dd 23:59:59 (typed date, length 11; E16)'),
    ],
    notes: ['startdate / effdate are typed date of length 11 but the examples are 19 characters (E16): no length is checked.'],
  },
  {
    id: 'attendance.dailyReport', method: 'POST', path: '/openapi/attendance/getdayrptlist',
    section: '11', title: '查询日考勤报表列表 / daily attendance report', group: GROUP,
    body: 'json-object', reply: 'page', data: page(DailyReportRowSchema),
    fields: [...paging(), ...filters, ...range],
    notes: ['Totals are decimal text in the platform’s unit, whatever the label says (E17).'],
  },
  {
    id: 'attendance.monthlyReport', method: 'POST', path: '/openapi/attendance/getmonthrptlist',
    section: '12', title: '查询月考勤报表列表 / monthly attendance report', group: GROUP,
    body: 'json-object', reply: 'page', data: page(MonthlyReportRowSchema),
    fields: [...paging(), ...filters, ...range],
    notes: ['The table names shouldValues three times; the replies carry shouldDays / actualDays / validDays (E15).'],
  },
  {
    id: 'attendance.abnormalReport', method: 'POST', path: '/openapi/attendance/getabnormalrptlist',
    section: '13', title: '查询出勤异常列表 / attendance exceptions report', group: GROUP,
    body: 'json-object', reply: 'page', data: page(AbnormalReportRowSchema),
    fields: [...paging(), ...range, ...filters],
  },
];
