import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { millisText, oneOf, paging, str, uuid } from '../field-types.ts';
import { okData } from '../records.ts';

/** Hongtu: attendance adjustments (出勤调整管理), endpoints 11–13. */
export const attendanceAdjustEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'attendanceAdjust.add', method: 'POST', path: '/v1/api/attendance/adjust/add',
    section: '11', title: '出勤调整 / Create attendance adjustment', group: '出勤调整管理 / Attendance adjustment',
    body: 'json-object', reply: 'object', data: z.looseObject({ uuid: z.string().nullish() }),
    fields: [
      body('personUuid', uuid(), true, 'employee uuid'),
      body('adjustType', oneOf(1, 2, 3, 4), true, 'adjustment type: 1 补卡 missed-punch make-up, 2 请假 leave, 3 调休 compensatory time off, 4 调班 shift swap'),
      body('adjustTimeBegin', millisText(), true, 'adjustment period start, epoch ms (string)'),
      body('adjustTimeEnd', millisText(), true, 'adjustment period end, epoch ms (string)'),
      body('adjustReason', z.string().max(50), false, 'reason, 0-50 characters'),
    ],
    notes: [
      'Keep the returned uuid: attendanceAdjust.list items carry none, and attendanceAdjust.update needs it (erratum E25).',
    ],
  },
  {
    id: 'attendanceAdjust.list', method: 'POST', path: '/v1/api/attendance/adjust/list',
    section: '12', title: '出勤调整记录分页列表查询 / Page query of attendance adjustments', group: '出勤调整管理 / Attendance adjustment',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('personName', str(), false, 'name, fuzzy match'),
      body('adjustType', oneOf(1, 2, 3, 4), false, 'adjustment type: 1 补卡 missed-punch make-up, 2 请假 leave, 3 调休 compensatory time off, 4 调班 shift swap'),
      body('startTime', millisText(), false, 'query start, epoch ms'),
      body('endTime', millisText(), false, 'query end, epoch ms'),
    ],
    notes: [
      'Items carry no uuid; attendanceAdjust.update needs the one attendanceAdjust.add returned (erratum E25).',
    ],
  },
  {
    id: 'attendanceAdjust.update', method: 'POST', path: '/v1/api/attendance/adjust/update',
    section: '13', title: '更新：出勤调整记录 / Update attendance adjustment', group: '出勤调整管理 / Attendance adjustment',
    body: 'json-object', reply: 'string', data: okData,
    fields: [
      body('uuid', uuid(), true, 'adjustment record uuid (doc typo: 出行 for 出勤)'),
      body('adjustType', oneOf(1, 2, 3, 4), true, 'adjustment type: 1 补卡 missed-punch make-up, 2 请假 leave, 3 调休 compensatory time off, 4 调班 shift swap'),
      body('adjustTimeBegin', millisText(), true, 'adjustment period start: no format stated; epoch-ms text as in attendanceAdjust.add'),
      body('adjustTimeEnd', millisText(), true, 'adjustment period end: no format stated; epoch-ms text as in attendanceAdjust.add'),
      body('adjustReason', str(), false, 'reason'),
    ],
    notes: [
      'uuid is "出行调整记录主键uuid" (出行 for 出勤); adjustTimeBegin/adjustTimeEnd are "调整时段开始时间"/"调整时段截止时间" with no format: epoch-ms text as in attendanceAdjust.add (erratum E25).',
    ],
  },
];
