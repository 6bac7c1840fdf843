import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { oneOf, paging, str, timeOrMillis, uuid, uuids } from '../field-types.ts';
import { PassAuthoritySchema, PassRecordSchema, textData } from '../records.ts';

/** Hongtu: pass authorities (通行权限管理) and pass records (通行记录模块), endpoints 64–68. */
export const passEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'passAuthority.delete', method: 'POST', path: '/v1/api/pass/authority/delete',
    section: '64', title: '删除通行权限 / Delete pass authority', group: '通行权限管理 / Pass authorities',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('deviceUuid', uuid(), true, 'device uuid'),
      body('scheduleUuid', uuid(), true, 'time schedule uuid'),
    ],
  },
  {
    id: 'passAuthority.add', method: 'POST', path: '/v1/api/pass/authority/add',
    section: '65', title: '添加通行权限 / Add pass authority', group: '通行权限管理 / Pass authorities',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('deviceUuids', uuids(), true, 'device uuids'),
      body('groupUuids', uuids(), true, 'group uuids'),
      body('scheduleUuid', uuid(), true, 'time schedule uuid (from schedule.page)'),
    ],
    notes: [
      'The schedule uuid comes from schedule.page ("时间计划通过“时间计划列表”查询出来").',
    ],
  },
  {
    id: 'passAuthority.update', method: 'POST', path: '/v1/api/pass/authority/update',
    section: '66', title: '编辑通行权限 / Edit pass authority', group: '通行权限管理 / Pass authorities',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('deviceUuid', uuid(), true, 'device uuid'),
      body('oldScheduleUuid', uuid(), true, 'schedule uuid before the change'),
      body('newScheduleUuid', uuid(), true, 'new schedule uuid'),
      body('oldGroupUuids', uuids(), true, "group uuids before the change (doc says 'id')"),
      body('newGroupUuids', uuids(), true, 'new group uuids'),
    ],
    notes: [
      'oldGroupUuids is described with "id" where uuids are meant (erratum E37).',
    ],
  },
  {
    id: 'passAuthority.list', method: 'POST', path: '/v1/api/pass/authority/list',
    section: '67', title: '通行权限列表 / Page query of pass authorities', group: '通行权限管理 / Pass authorities',
    body: 'json-object', reply: 'page', data: paged(PassAuthoritySchema),
    fields: [
      ...paging(),
      body('deviceName', str(), false, 'device name'),
      body('deviceUuids', uuids(), false, "device uuids (doc says 'id')"),
      body('groupUuid', uuid(), false, 'group uuid'),
      body('scheduleUuid', uuid(), false, 'schedule uuid'),
    ],
    notes: [
      'deviceUuids is described with "id" where uuids are meant (erratum E37); scheduleUuid/scheduleName are read at item level (erratum E23).',
    ],
  },
  {
    id: 'passRecord.list', method: 'POST', path: '/v1/api/pass_record/list',
    section: '68', title: '分页查询通行记录 / Page query of pass (recognition) records', group: '通行记录模块 / Pass records',
    body: 'json-object', reply: 'page', data: paged(PassRecordSchema),
    fields: [
      ...paging(),
      body('personUuid', uuid(), false, 'person uuid'),
      body('personName', str(), false, 'person name; fuzzy, left-anchored (prefix) match only'),
      body('personCode', str(), false, 'employee code'),
      body('visitPersonName', str(), false, "visited person's name, fuzzy"),
      body('deviceUuids', uuids(), false, 'device uuids'),
      body('deviceName', str(), false, 'device name, fuzzy'),
      body('deviceLocation', str(), false, 'device location, fuzzy'),
      body('recognitionType', oneOf(1, 2, 3, 4, 5, 6), false, 'recognised person type: 1 员工 employee, 2 访客 visitor (request side says 普通访客 ordinary visitor), 3 重点人员(黑名单) key person / blacklist, 4 陌生人 stranger, 5 未识别 unrecognised, 6 VIP访客 VIP visitor'),
      body('verificationMode', oneOf(0, 1, 2, 3, 4, 5), false, 'verification mode: 0 人脸 face, 1 人脸或刷卡 face or card, 2 人脸及刷卡 face and card, 3 人脸及密码 face and password, 4 远程开门 remote open, 5 二维码 QR code'),
      body('passType', oneOf(0, 1, 2), false, 'pass result: 0 未通行 not passed, 1 通行 passed, 2 复合认证未通过 multi-factor auth failed'),
      body('livenessType', oneOf(0, 1, 2), false, 'liveness result: 0 非活体 not live, 1 活体 live, 2 未检测 not checked'),
      body('startPassTime', timeOrMillis(), false, "from (inclusive): 'yyyy-MM-dd HH:mm:ss' or epoch ms"),
      body('endPassTime', timeOrMillis(), false, "to (exclusive): 'yyyy-MM-dd HH:mm:ss' or epoch ms"),
      body('maskType', oneOf(0, 1, 2), false, 'mask status: 0 未检测 not checked, 1 戴口罩/已佩戴 wearing mask, 2 未戴口罩/未佩戴 no mask'),
    ],
    notes: [
      'personName matches "只支持左匹配" (prefix only, erratum E39). recognitionType 2 is "普通访客" in this filter and "访客" in the records (erratum E16).',
      'startPassTime is inclusive, endPassTime exclusive. visitPeronUuid (sic) is "访问人员的uuid" here, "访客人员UUID" in the push (erratum E42).',
    ],
  },
];
