import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import { page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { DATETIME_PATTERN, DATE_PATTERN, int, intCode, paging, str } from '../field-types.ts';
import { PassRecordSchema } from '../records.ts';

/** record.list's dates: `String` 32, example `2025-01-01` (a time after it is taken too). */
const day = () =>
  str(32).refine((text) => DATE_PATTERN.test(text) || DATETIME_PATTERN.test(text), 'expected yyyy-MM-dd (or yyyy-MM-dd HH:mm:ss)');

/** 通行记录管理: record.list (the 人员通行后回调记录 callback that follows has no URL). */
export const passRecordEndpoints: readonly K30Endpoint[] = [
  {
    id: 'record.list', method: 'POST', path: '/openapi/record/getlist',
    section: '14', title: '查询通行记录列表 / list pass records', group: '通行记录管理 / pass records',
    body: 'json-object', reply: 'page', data: page(PassRecordSchema),
    rules: [{ kind: 'sameMonth', fields: ['startdate', 'effdate'] }],
    fields: [
      ...paging(),
      body('startdate', day(), true, '开始日期 start date, e.g. 2025-01-01; 开始日期和结束日期不能跨月 same month as effdate'),
      body('effdate', day(), true, '结束日期 end date, e.g. 2025-01-01; same month as startdate'),
      body('deptno', str(32), false, '部门编号 department number, exact'),
      body('peopleno', str(32), false, '人员编号 person number, exact'),
      body('peoplename', str(32), false, '人员姓名 name, fuzzy'),
      body('deviceno', str(32), false, '设备编号 device number, exact'),
      body('group', intCode(0, 1, 10), false, '1-陌生人识别 stranger, 0-白名单识别 registered, 10-访客 visitor'),
      body('mode', z.union([intCode(0, 1, 2, 3, 6, 7, 11), int()]), false, '0 智能识别, 1 人证, 2 人卡, 3 一键开门, 6 访客二维码开门, 7 密码开门, 11 远程开门 remote open (other codes of the callback list, E36, are passed on)'),
    ],
    notes: ['Start and end date must be in the same month (不能跨月): the client splits a longer range by month.', 'Reply codes (group, mode, outintype, exceptionmode) are text; the reply may name the company appid (E10).'],
  },
];
