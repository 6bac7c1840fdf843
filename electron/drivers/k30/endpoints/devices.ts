import { body } from '../../endpoint-table.ts';
import { noData, page } from '../envelope.ts';
import type { K30Endpoint } from '../envelope.ts';
import { intCode, paging, str } from '../field-types.ts';
import { DeviceSchema } from '../records.ts';

const GROUP = '设备管理 / devices';

/** 设备管理: the five device endpoints (the 设备识别记录转发第三方 callback among them has no URL). */
export const deviceEndpoints: readonly K30Endpoint[] = [
  {
    id: 'device.list', method: 'POST', path: '/openapi/Device/GetList',
    section: '15', title: '查询设备列表 / list devices', group: GROUP,
    body: 'json-object', reply: 'page', data: page(DeviceSchema),
    fields: [...paging(), body('deviceno', str(32), false, '设备编号 device number'), body('devicename', str(32), false, '设备名称 device name'), body('ip', str(32), false, '设备IP device IP')],
    notes: ['The example prints data as an object, not ciphertext (E9), and onlinestatus as "0" (E23).'],
  },
  {
    id: 'device.status', method: 'POST', path: '/openapi/Device/GetDeviceStatus',
    section: '16', title: '获取设备在线状态 / get device online status', group: GROUP,
    body: 'json-object', reply: 'object', data: DeviceSchema,
    fields: [body('deviceno', str(32), true, '设备编号 device number (example 12345F)')],
    notes: ['Its inner heading says 查询设备列表 (E26); it answers one device object.'],
  },
  {
    id: 'device.update', method: 'POST', path: '/openapi/Device/Update',
    section: '17', title: '编辑设备信息 / update device', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [
      body('no', str(50), true, '设备编号 device number'),
      body('ip', str(50), true, 'IP 地址 IP address'),
      body('name', str(50), true, '设备名称 device name'),
      body('area', str(100), false, '位置 area; 填就更新，不填不更新 updated only if given'),
      body('regionname', str(100), false, '区域名称 region name, matched exactly; updated only if given'),
      body('outintype', intCode(0, 1), false, '0=出口 exit, 1=入口 entry; updated only if given'),
      body('isenableattend', intCode(0, 1), false, '0=不启用, 1=启用 attendance; updated only if given'),
    ],
    notes: ['The table lists companyno twice (E14): it is the envelope’s, never a field.'],
  },
  {
    id: 'device.openDoor', method: 'POST', path: '/openapi/Device/OpenDoor',
    section: '18', title: '远程开门 / remote open door', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('deviceno', str(32), true, '设备编号 device number')],
    notes: ['The opening is recorded as a pass record with mode 11 远程开门.'],
  },
  {
    id: 'device.setLongOpen', method: 'POST', path: '/openapi/Device/SetLongOpenByDevice',
    section: '19', title: '设置设备常开常闭 / set device hold-open / hold-closed', group: GROUP,
    body: 'json-object', reply: 'none', data: noData,
    fields: [body('deviceno', str(32), true, '设备编号 device number'), body('mode', intCode(1, 2), true, '1=常开 hold open, 2=常关 hold closed')],
    notes: ['There is no value back to normal (E37): the API cannot end hold-open or hold-closed.'],
  },
];
