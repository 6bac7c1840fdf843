import { body } from '../../endpoint-table.ts';
import type { FieldSpec } from '../../endpoint-table.ts';
import { UNDER_60_PER_MINUTE, noData, page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { code, commaList, dateTime, jpegDataUri, paging, pin, str } from '../field-types.ts';
import { CreatedSchema, PersonSchema } from '../records.ts';

const GROUP = '人员管理 / people';

/** people.create's fields after the three required ones, shared with people.update. */
function personDetails(datesFormatted: boolean): FieldSpec[] {
  const format = datesFormatted ? '; 格式 yyyy-MM-dd HH:mm:ss' : ' (format as people.create: yyyy-MM-dd HH:mm:ss, E32)';
  return [
    body('phone', str(50), false, '手机号码 mobile phone'),
    body('sex', code('0', '1', '2'), false, '性别 sex: 0-未知 unknown, 1-男 male, 2-女 female (string, length 10)'),
    body('idcard', str(50), false, '证件号码 ID-document number'),
    body('iccard', str(50), false, 'IC卡号 IC card number'),
    body('startdate', dateTime(), false, `有效期开始时间 validity start; 不填则默认当前时间 default now${format}`),
    body('effdate', dateTime(), false, `有效期结束时间 validity end; 不填则默认50年 default 50 years${format}`),
    body('photo', jpegDataUri(), false, '人员头像图片 face photo: base64 JPEG with the data:image/jpeg;base64, prefix (E30)'),
    body('idcardphoto', jpegDataUri(), false, '身份证照片 ID-card photo: base64 JPEG with the data:image/jpeg;base64, prefix (E30)'),
    body('pwd', pin(), false, '个人密码 door PIN: 纯数字，最大6位 digits only, at most 6'),
    body('carno', str(50), false, '车牌号 licence plate'),
    body('entrydate', dateTime(), false, '入职日期 hire date; 不填则默认当前时间 default now; 格式 yyyy-MM-dd HH:mm:ss'),
    body('nation', str(50), false, '民族 ethnicity'),
    body('native', str(50), false, '籍贯 native place'),
    body('residence', str(50), false, '户籍 household registration'),
  ];
}

/** 人员管理: people.create … people.sync (the 下发成功记录回调 callback that follows has no URL). */
export const peopleEndpoints: readonly K30Endpoint[] = [
  {
    id: 'people.create', method: 'POST', path: '/openapi/people/Create',
    section: '1', title: '添加人员 / create person', group: GROUP,
    body: 'json-object', reply: 'object', data: CreatedSchema,
    fields: [
      body('name', str(50), true, '人员名称 name'),
      body('deptno', str(50), true, '部门编号 department number'),
      body('jobnumber', str(50), true, '工号 job number'),
      ...personDetails(true),
    ],
    notes: ['Replies the new person number `no`, which people.update / delete / sync address the person by.'],
  },
  {
    id: 'people.update', method: 'POST', path: '/openapi/people/Update',
    section: '2', title: '修改人员 / update person', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [
      body('no', str(50), true, '人员编号 person number (from people.create)'),
      body('name', str(50), true, '人员名称 name'),
      body('deptno', str(50), true, '部门编号 department number'),
      body('jobnumber', str(50), true, '工号 job number'),
      ...personDetails(false),
    ],
    notes: ['The document does not say whether an omitted optional field is cleared or kept (E32): send the whole record.'],
  },
  {
    id: 'people.delete', method: 'POST', path: '/openapi/people/Delete',
    section: '3', title: '删除人员 / delete person', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('no', str(50), true, '人员编号 person number')],
  },
  {
    id: 'people.list', method: 'POST', path: '/openapi/people/getlist',
    section: '4', title: '查询人员列表 / list people', group: GROUP,
    body: 'json-object', reply: 'page', data: page(PersonSchema),
    rateLimit: UNDER_60_PER_MINUTE,
    fields: [
      ...paging(),
      body('deptno', str(32), false, '部门编号 department number, exact'),
      body('no', str(32), false, '人员编号 person number, exact'),
      body('name', str(32), false, '人员姓名 name, fuzzy'),
      body('phone', str(32), false, '手机号码 phone, exact'),
      body('idcard', str(32), false, '证件号码 ID-document number, exact'),
      body('iccard', str(32), false, 'IC卡号 card number, exact'),
    ],
    notes: ['注：请求频率小于60次/分钟 — fewer than 60 requests a minute.', 'Reply items are camelCase (jobNumber, idCard, deptNo) and sex is 男/女/未知 text (E21, E27).'],
  },
  {
    id: 'people.sync', method: 'POST', path: '/openapi/people/syncwhitelist',
    section: '5', title: '同步下发人员到设备 / push person to devices', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    rules: [{ kind: 'exactlyOne', fields: ['device_nos', 'deptno'] }],
    fields: [
      body('no', str(50), true, '人员编号 person number'),
      body('device_nos', commaList(512), false, '设备编号 device numbers, comma-separated (example 123456,111111,121212); this or deptno'),
      body('deptno', str(100), false, '部门编号 department number; 和设备编号二选一必填 this or device_nos'),
    ],
    notes: ['device_nos and deptno are both 否 but "二选一必填": exactly one is required (E38).', 'The per-device result arrives later by the authstatus callback (下发成功记录回调).'],
  },
];
