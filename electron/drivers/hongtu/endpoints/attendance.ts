import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { clock, int, millisText, oneOf, paging, str, uuid, uuids } from '../field-types.ts';
import { AttendanceGroupSchema, AttendanceRecordSchema, BatchResultSchema } from '../records.ts';

/** Periods: `order` 1–3 ("时段一…三"), times "eg:09:00，需要精确到分"; at most three (error 104415). */
const attendanceTime = z
  .array(z.strictObject({ order: oneOf(1, 2, 3), onSt: clock(), onEt: clock(), offSt: clock(), offEt: clock() }))
  .min(1)
  .max(3);

/** Special dates: "毫秒级时间戳" text, `isPunch` "0-不打卡，1-打卡；不传默认为0"; at most 32. */
const specialDate = z.array(z.strictObject({ date: millisText(), isPunch: oneOf(0, 1).optional() })).max(32);

/** "考勤周期LIST，注：['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY']". */
const weekPlan = z.array(z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']));

/** Hongtu: attendance groups, statistics, records and devices (考勤组/考勤统计/考勤记录/考勤设备管理), endpoints 33–47. */
export const attendanceEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'attendanceGroup.add', method: 'POST', path: '/v1/api/attendance/group/add',
    section: '33', title: '创建考勤组 / Create attendance group', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'object', data: AttendanceGroupSchema,
    fields: [
      body('name', z.string().min(2).max(32), true, 'attendance group name; unique; 2-32 chars; no special characters'),
      body('groupPersons', uuids(), true, 'employee uuids in the group'),
      body('attendanceTime', attendanceTime, true, 'attendance periods, 1–3'),
      body('specialDate', specialDate, false, 'special dates (auxiliary to weekPlan, max 32): (1) force punch / no punch on future dates; (2) a new group takes effect immediately — to delay it, set the creation date as a special date with isPunch=0'),
      body('weekPlan', weekPlan, true, 'working weekdays, values MONDAY..SUNDAY'),
      body('daySpan', oneOf(0, 1), true, 'cross-day statistics flag: 0 第一天 count on first day, 1 第二天 count on second day'),
    ],
    notes: [
      'groupPersons is the group\'s membership (employee uuids); the reply lists successePerson / failurePerson (sic). The flow\'s "选择人员到考勤组" names attendanceGroup.personList, which only lists (erratum E26).',
      'Period rules come from the error table (104412–104421, 104022–104026): 1–3 periods, no overlap, at most 32 special dates, weekPlan values unique.',
    ],
  },
  {
    id: 'attendanceGroup.batchDelete', method: 'POST', path: '/v1/api/attendance/group/batchDelete',
    section: '34', title: '批量删除考勤组 / Batch delete attendance groups', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('uuids', uuids(), true, 'attendance group uuids'),
    ],
  },
  {
    id: 'attendanceGroup.update', method: 'POST', path: '/v1/api/attendance/group/update',
    section: '35', title: '更新考勤组 / Update attendance group', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'object', data: AttendanceGroupSchema,
    fields: [
      body('uuid', uuid(), true, 'attendance group uuid'),
      body('name', z.string().min(2).max(32), true, 'attendance group name; unique; 2-32 chars; no special characters'),
      body('groupPersons', uuids(), true, 'employee uuids in the group'),
      body('attendanceTime', attendanceTime, true, 'attendance periods, 1–3'),
      body('specialDate', specialDate, false, 'special dates (max 32): force punch / no punch on future dates'),
      body('weekPlan', weekPlan, true, 'working weekdays, values MONDAY..SUNDAY'),
      body('daySpan', oneOf(0, 1), true, 'cross-day statistics flag: 0 第一天 count on first day, 1 第二天 count on second day'),
    ],
    notes: [
      'Every field is 必须 as in attendanceGroup.add: the whole definition, groupPersons included, is sent each time.',
    ],
  },
  {
    id: 'attendanceGroup.personList', method: 'POST', path: '/v1/api/attendance/group/person/list',
    section: '36', title: '考勤员工分页列表查询 / Page query of employees with attendance-group membership', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('personName', str(), false, 'employee name, fuzzy'),
      body('personCode', str(), false, 'employee code, fuzzy'),
    ],
    notes: [
      'Items: groupUuid, groupName, personUuid, personName, personCode, businessType (0 非考勤组员工, 1 是考勤组员工). It only lists; membership is written by attendanceGroup.add/update (erratum E26).',
    ],
  },
  {
    id: 'attendanceGroup.list', method: 'POST', path: '/v1/api/attendance/group/list',
    section: '37', title: '考勤组分页列表查询 / Page query of attendance groups', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'page', data: paged(AttendanceGroupSchema),
    fields: [
      ...paging(),
      body('name', str(), false, 'group name, fuzzy'),
    ],
  },
  {
    id: 'attendanceGroup.queryDetails', method: 'POST', path: '/v1/api/attendance/group/query/details',
    section: '38', title: '考勤组详情查询 / Get attendance group details', group: '考勤组管理 / Attendance groups',
    body: 'json-object', reply: 'object', data: AttendanceGroupSchema,
    fields: [
      body('uuid', uuid(), true, 'attendance group uuid'),
    ],
    notes: [
      'groupPersons holds only the first 10 members ("员工姓名（仅返回前10人）"); totalPerson is the count. The data also has code and msg fields of undocumented meaning (erratum E27).',
    ],
  },
  {
    id: 'attendanceStatistic.list', method: 'POST', path: '/v1/api/attendance/statistic/list',
    section: '39', title: '考勤统计记录分页列表查询 / Page query of attendance statistics', group: '考勤统计管理 / Attendance statistics',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('name', str(), false, 'employee name, fuzzy'),
      body('groupUuid', uuid(), false, 'attendance group uuid'),
      body('startTime', millisText(), false, 'query start, epoch ms'),
      body('endTime', millisText(), false, 'query end, epoch ms'),
    ],
    notes: [
      'Items: uuid (for attendanceRecord.personByMonthList / .calendar), personName, personCode, groupName, workDays, normalDays, adjustDays, absentDays, lateTimes, leaveEarlyTimes, lateLeaveEarlyTimes, omitPunchTimes, absentTimes.',
    ],
  },
  {
    id: 'attendanceRecord.personByMonthList', method: 'POST', path: '/v1/api/attendance/record/personByMonth/list',
    section: '40', title: "员工月考勤记录分页列表查询 / Page query of an employee's monthly attendance records", group: '考勤记录管理 / Attendance records',
    body: 'json-object', reply: 'page', data: paged(AttendanceRecordSchema),
    fields: [
      ...paging(),
      body('uuid', uuid(), true, 'statistics record uuid (from attendanceStatistic.list)'),
    ],
    notes: [
      '"status" follows "attTimeResult[].result" with the depth lost; read at record level (erratum E22).',
    ],
  },
  {
    id: 'attendanceRecord.calendar', method: 'POST', path: '/v1/api/attendance/record/calendar',
    section: '41', title: '员工考勤记录日历模式查询 / Employee attendance records, calendar mode', group: '考勤记录管理 / Attendance records',
    body: 'json-object', reply: 'array', data: listOf(AttendanceRecordSchema),
    fields: [
      body('uuid', uuid(), true, 'statistics record uuid'),
    ],
    notes: [
      '"status" follows "attTimeResult[].result" with the depth lost; read at record level (erratum E22).',
    ],
  },
  {
    id: 'attendanceRecord.list', method: 'POST', path: '/v1/api/attendance/record/list',
    section: '42', title: '考勤记录分页列表查询 / Page query of attendance records', group: '考勤记录管理 / Attendance records',
    body: 'json-object', reply: 'page', data: paged(AttendanceRecordSchema),
    fields: [
      ...paging(),
      body('personName', str(), false, 'employee name, fuzzy'),
      body('personCode', str(), false, 'employee code, fuzzy'),
      body('startTime', millisText(), false, 'start, epoch ms'),
      body('endTime', millisText(), false, 'end, epoch ms'),
    ],
    notes: [
      '"status" follows "attTimeResult[].result" with the depth lost; read at record level (erratum E22).',
    ],
  },
  {
    id: 'attendanceRecord.detailList', method: 'POST', path: '/v1/api/attendance/record/detail/list',
    section: '43', title: '考勤记录详情分页列表查询 / Page query of the pass events behind an attendance record', group: '考勤记录管理 / Attendance records',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('uuid', uuid(), true, 'attendance record uuid'),
    ],
    notes: [
      'Items: personUuid, personName, personCode, deviceName, deviceLocation, snapshotUri, personImageUri, passTime ("通行时间，毫秒级时间戳").',
    ],
  },
  {
    id: 'attendanceRecord.adjust', method: 'POST', path: '/v1/api/attendance/record/adjust',
    section: '44', title: '考勤记录调整 / Adjust an attendance record', group: '考勤记录管理 / Attendance records',
    body: 'json-object', reply: 'object', data: z.looseObject({ adjustRecordUuid: z.string().nullish() }),
    fields: [
      body('uuid', uuid(), true, 'attendance record uuid'),
      body('adjustType', oneOf(1, 2, 3, 4), true, 'adjustment type: 1 补卡 missed-punch make-up, 2 请假 leave, 3 调休 compensatory time off, 4 调班 shift swap'),
      body('adjustReason', z.string().max(50), false, 'reason, 0-50 characters'),
    ],
    notes: [
      'Reply: adjustRecordUuid (the adjustment, for attendanceAdjust.update), uuid, adjustType, adjustReason.',
    ],
  },
  {
    id: 'attendanceDevice.batchDelete', method: 'POST', path: '/v1/api/attendance/device/batchDelete',
    section: '45', title: '批量删除考勤设备 / Batch delete attendance devices', group: '考勤设备管理 / Attendance devices',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('uuids', uuids(), true, 'attendance-device uuids'),
    ],
  },
  {
    id: 'attendanceDevice.batchAdd', method: 'POST', path: '/v1/api/attendance/device/batchAdd',
    section: '46', title: '批量添加考勤设备 / Batch add attendance devices', group: '考勤设备管理 / Attendance devices',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('uuids', uuids(), true, 'uuids of devices that are already access-control-point (door) devices'),
    ],
    notes: [
      'uuids are "门禁点设备uuids": devices already added as door devices (door.add).',
    ],
  },
  {
    id: 'attendanceDevice.list', method: 'POST', path: '/v1/api/attendance/device/list',
    section: '47', title: '考勤设备分页列表查询 / Page query of attendance devices', group: '考勤设备管理 / Attendance devices',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('name', str(), false, 'device name, fuzzy'),
      body('location', str(), false, 'device location, fuzzy'),
      body('deviceType', oneOf(1, 2, 4), false, 'device type: 1 智能摄像头 smart camera, 2 智能面板机 smart face panel, 4 网络摄像机 network camera (IPC)'),
      body('deviceModel', int(), false, 'device model code, as printed here one of deviceModelLists.A (no servers); names in deviceModels'),
    ],
    notes: [
      'Items: uuid, name, location, deviceType, deviceModel.',
    ],
  },
];
