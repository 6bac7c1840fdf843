import { body } from '../../endpoint-table.ts';
import type { FieldSpec } from '../../endpoint-table.ts';
import { UNDER_60_PER_MINUTE, noData, page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { paging, str } from '../field-types.ts';
import { CreatedSchema, RegionPersonSchema, RegionSchema } from '../records.ts';

const GROUP = '区域管理 / regions';

const details: FieldSpec[] = [
  body('parentno', str(50), false, '上级区域编号 parent region; 为空则表示归属于默认（总）区域下 empty = under the default region'),
  body('linkage', str(10), false, '消防联动 fire linkage: a fire alarm on one device holds every device of the region open'),
  body('manual', str(10), false, '解除方式 release: manual (an operator cancels hold-open) or automatic (after 40 s without an alarm report)'),
];

/** 区域管理: region.create … region.peopleList. */
export const regionEndpoints: readonly K30Endpoint[] = [
  {
    id: 'region.create', method: 'POST', path: '/openapi/region/Create',
    section: '23', title: '创建区域 / create region', group: GROUP,
    body: 'json-object', reply: 'object', data: CreatedSchema,
    fields: [body('name', str(50), true, '区域名称 name'), ...details],
  },
  {
    id: 'region.update', method: 'POST', path: '/openapi/region/Update',
    section: '24', title: '编辑区域 / update region', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '区域编号 region number'), body('name', str(50), true, '区域名称 name'), ...details],
    notes: ['无内容对象返回: no payload, although the example copies region.create’s ciphertext (E24).'],
  },
  {
    id: 'region.delete', method: 'POST', path: '/openapi/region/Delete',
    section: '25', title: '删除区域 / delete region', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '区域编号 region number')],
    notes: ['无内容对象返回: no payload, although the example copies region.create’s ciphertext (E24).'],
  },
  {
    id: 'region.list', method: 'POST', path: '/openapi/region/getlist',
    section: '26', title: '查询区域列表 / list regions', group: GROUP,
    body: 'json-object', reply: 'page', data: page(RegionSchema),
    rateLimit: UNDER_60_PER_MINUTE,
    fields: [...paging(), body('no', str(32), false, '区域编号 region number, exact'), body('name', str(32), false, '区域名称 name, fuzzy'), body('parentno', str(32), false, '上级区域编号 parent region, exact')],
    notes: ['注：请求频率小于60次/分钟 — fewer than 60 requests a minute.'],
  },
  {
    id: 'region.peopleList', method: 'POST', path: '/openapi/region/getpeoplelist',
    section: '27', title: '查询区域内人员列表 / list people in a region', group: GROUP,
    body: 'json-object', reply: 'page', data: page(RegionPersonSchema),
    rateLimit: UNDER_60_PER_MINUTE,
    fields: [
      ...paging(),
      body('no', str(32), true, '区域编号 region number, exact'),
      body('name', str(32), false, '人员姓名 name, fuzzy'),
      body('phone', str(32), false, '手机号码 phone, exact'),
      body('idcard', str(32), false, '证件号码 ID-document number, exact'),
      body('iccard', str(32), false, 'IC卡号 card number, exact'),
      body('startdate', str(32), false, '时间格式 yyyy-MM-dd HH:mm:ss'),
      body('effdate', str(32), false, '时间格式 yyyy-MM-dd HH:mm:ss'),
    ],
    notes: ['注：请求频率小于60次/分钟 — fewer than 60 requests a minute.', 'Reply sex is 0/1/2 here (E21); rolename is typed int but is text (E22).'],
  },
];
