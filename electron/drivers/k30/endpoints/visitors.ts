import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import { noData } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { commaList, dateTime, str } from '../field-types.ts';
import { CreatedSchema } from '../records.ts';

const GROUP = '访客管理 / visitors';

/** 访客管理: visitor.create, visitor.sync, visitor.delete. */
export const visitorEndpoints: readonly K30Endpoint[] = [
  {
    id: 'visitor.create', method: 'POST', path: '/openapi/visitor/Create',
    section: '20', title: '访客登记 / register visitor', group: GROUP,
    body: 'json-object', reply: 'object', data: CreatedSchema,
    fields: [
      body('name', str(50), true, '访客名称 visitor name'),
      body('phone', str(50), true, '手机号码 mobile phone'),
      body('photo', z.string().min(1), false, '完整base64内容或者完整url路径 full base64 or a full URL; required when the K30 company setting asks for portraits'),
      body('staffno', str(50), true, '被访人人员编号 the visited person’s number'),
      body('reason', str(50), false, '来访理由 reason'),
      body('begintime', dateTime(), true, '开始时间 yyyy-MM-dd HH:mm:ss'),
      body('endtime', dateTime(), true, '结束时间 yyyy-MM-dd HH:mm:ss'),
      body('idcard', str(50), true, '访客证件号 visitor’s ID-document number'),
      body('carno', str(50), false, '车牌号 licence plate'),
    ],
    notes: ['The success example is the one reply whose data decrypts ({"no":"1763630523605347"}) and whose sign verifies (V2).'],
  },
  {
    id: 'visitor.sync', method: 'POST', path: '/openapi/visitor/SyncVisitor',
    section: '21', title: '同步访客信息到设备 / push visitor to devices', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '访客登记编号 visitor registration number'), body('devicenos', commaList(), true, '设备编号 device numbers, comma-separated (example 1234232D,2323121F)')],
    notes: ['Spelt devicenos here, device_nos in people.sync (E29). Its success reply signs with the empty data kept (V3, E7).'],
  },
  {
    id: 'visitor.delete', method: 'POST', path: '/openapi/visitor/Delete',
    section: '22', title: '删除访客登记 / delete visitor registration', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '访客登记编号 visitor registration number')],
  },
];
