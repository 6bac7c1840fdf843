import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { bool, clock, date, oneOf, paging, str, uuid, uuids } from '../field-types.ts';
import { BatchResultSchema, PersonGroupSchema, ScheduleSchema, okData, textData } from '../records.ts';

/** Time ranges, "开始时间，格式：00:00" to "截止时间，格式：23:59". */
const during = z.array(z.strictObject({ from: clock(), to: clock() }));

/**
 * Holidays: `during` "如果state为true，则该参数必须传，且不能是空集合" (the server checks that), and
 * "事件时间计划不支持节假日".
 */
const holiday = z.array(z.strictObject({ date: date(), state: bool(), during: during.optional() }));

/** The weekly rules: `week` "星期：1,2,3,4,5,6,7" (Monday–Sunday). */
const workDay = z.array(z.strictObject({ week: oneOf(1, 2, 3, 4, 5, 6, 7), during }));

/** Hongtu: time schedules (时间计划管理) and person groups (组管理), endpoints 21–32. */
export const scheduleGroupEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'schedule.update', method: 'POST', path: '/v1/api/pass/schedule/update',
    section: '21', title: '修改时间计划 / Update time schedule', group: '时间计划管理 / Time schedules',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid().max(40), true, 'schedule uuid; unique; length 1-40; no special characters'),
      body('name', z.string().min(1).max(32), true, 'schedule name; unique; length 1-32; no special characters'),
      body('holiday', holiday, false, 'holidays (event-type schedules take none)'),
      body('workDay', workDay, true, 'working-day (weekly) rules'),
    ],
    notes: [
      'No type field, unlike addBatch (erratum E39). holiday[].during is "如果state为true，则该参数必须传，且不能是空集合" and event schedules take no holidays ("事件时间计划不支持节假日"); the server enforces both.',
    ],
  },
  {
    id: 'schedule.delete', method: 'POST', path: '/v1/api/pass/schedule/delete',
    section: '22', title: '批量删除时间计划 / Batch delete time schedules', group: '时间计划管理 / Time schedules',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('uuidList', uuids(), true, 'schedule uuids to delete'),
    ],
  },
  {
    id: 'schedule.page', method: 'POST', path: '/v1/api/pass/schedule/page',
    section: '23', title: '时间计划列表 / Page query of time schedules', group: '时间计划管理 / Time schedules',
    body: 'json-object', reply: 'page', data: paged(ScheduleSchema),
    fields: [
      ...paging(),
      body('name', str(), false, 'schedule name, fuzzy match'),
      body('type', oneOf(1, 3), true, 'schedule type: 1 通行 pass/access, 3 事件 event'),
    ],
  },
  {
    id: 'schedule.details', method: 'POST', path: '/v1/api/pass/schedule/details',
    section: '24', title: '查询时间计划详情列表 / Get time schedule details by uuids', group: '时间计划管理 / Time schedules',
    body: 'json-object', reply: 'array', data: listOf(ScheduleSchema),
    fields: [
      body('uuidList', uuids(), true, 'schedule uuids'),
    ],
  },
  {
    id: 'schedule.addBatch', method: 'POST', path: '/v1/api/pass/schedule/addBatch',
    section: '25', title: '添加时间计划集合 / Batch add time schedules', group: '时间计划管理 / Time schedules',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body(
        'scheduleList',
        z.array(z.strictObject({ uuid: uuid().max(40).optional(), name: z.string().min(1).max(32), holiday: holiday.optional(), workDay, type: oneOf(1, 3) })).min(1),
        true,
        'schedules to add: uuid 1–40 and name 1–32 characters, unique; type 1 通行 pass, 3 事件 event',
      ),
    ],
    notes: [
      'holiday[].during is "如果state为true，则该参数必须传，且不能是空集合" and event (type 3) schedules take no holidays; the server enforces both.',
    ],
  },
  {
    id: 'passGroup.update', method: 'POST', path: '/v1/api/pass/group/update',
    section: '26', title: '修改组 / Rename group', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'group uuid'),
      body('name', str(), true, 'group name'),
    ],
  },
  {
    id: 'passGroup.delete', method: 'POST', path: '/v1/api/pass/group/delete',
    section: '27', title: '删除组 / Delete group', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'group uuid'),
    ],
  },
  {
    id: 'passGroup.batchAdd', method: 'POST', path: '/v1/api/pass/group/batchAdd',
    section: '28', title: '批量添加组 / Batch add person groups', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body(
        'groupList',
        z.array(z.strictObject({ uuid: uuid().max(40).optional(), name: z.string().min(2).max(32), type: oneOf(1, 2, 3) })).min(1),
        true,
        'groups to add: uuid 1–40, name 2–32 characters and unique; type 1 员工组 employee, 2 访客组 visitor, 3 重点人员组 key-person group',
      ),
    ],
  },
  {
    id: 'passGroup.batchDeletePerson', method: 'POST', path: '/v1/api/pass/group/batchDeletePerson',
    section: '29', title: '批量移除组内人员 / Remove persons from group', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'string', data: okData,
    fields: [
      body('groupUuid', uuid(), true, 'group uuid'),
      body('personUuids', uuids(), true, 'person uuids to remove'),
    ],
    notes: [
      'There is no endpoint that adds persons to a group: membership is written through groupList in person.batchAdd / person.update.',
    ],
  },
  {
    id: 'passGroup.queryPersonListInGroup', method: 'POST', path: '/v1/api/pass/group/queryPersonListInGroup',
    section: '30', title: '查询组内人员详情 / Page query of persons in a group', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({ groupUuid: z.string().nullish(), personUuid: z.string() })),
    fields: [
      ...paging(),
      body('uuid', uuid(), true, 'group uuid'),
      body('type', oneOf(1, 2, 3), true, 'group type: 1 员工组 employee group, 2 访客组 visitor group, 3 重点人员组 key-person group'),
      body('name', str(), false, 'person name'),
      body('personCode', str(), false, 'employee code'),
    ],
    notes: [
      'Items: groupUuid, personUuid, imageUri, personName, personCode, visitTarget(Uuid), visitStartTime/visitEndTime (timestamps as text), status as text "无效"/"有效" (erratum E21), phone, identifyNum, type, visitReason.',
    ],
  },
  {
    id: 'passGroup.query', method: 'POST', path: '/v1/api/pass/group/query',
    section: '31', title: '查询组详情 / Get group', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'object', data: PersonGroupSchema,
    fields: [
      body('uuid', uuid(), true, 'group uuid'),
    ],
  },
  {
    id: 'passGroup.list', method: 'POST', path: '/v1/api/pass/group/list',
    section: '32', title: '组列表 / Page query of groups', group: '组管理 / Person groups (pass groups)',
    body: 'json-object', reply: 'page', data: paged(PersonGroupSchema),
    fields: [
      ...paging(),
      body('type', oneOf(1, 2, 3), true, 'group category: 1 员工组 employee group, 2 访客组 visitor group, 3 重点人员组 key-person group'),
      body('name', str(), false, 'group name'),
    ],
  },
];
