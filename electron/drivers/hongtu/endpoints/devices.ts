import { z } from 'zod';
import { listOf } from '../../empty-list.ts';
import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { int, oneOf, paging, str, uuid, uuids } from '../field-types.ts';
import { BatchResultSchema, DeviceDetailSchema, DeviceSchema, ReportDeviceSchema, textData } from '../records.ts';

/** device.listBygroup / device.listEnbindGroup items: devices by `deviceType`; `bindType` (0 unbound, 1 bound) in the latter. */
const deviceGroup = z.looseObject({
  deviceType: z.number().int(),
  deviceList: z.array(z.looseObject({ uuid: z.string(), name: z.string().nullish(), bindType: z.number().int().nullish() })).nullish(),
});

/** Hongtu: devices (设备管理), endpoints 51–63. */
export const deviceEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'device.update', method: 'POST', path: '/v1/api/device/update',
    section: '51', title: '修改设备信息 / Update device', group: '设备管理 / Device management',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
      body('name', str(), true, 'device name'),
      body('location', str(), true, 'device location'),
      body('ipAddress', str(), false, 'device IP; cannot be changed once the device is bound'),
      body('mac', str(), false, 'MAC address'),
      body('userName', str(), false, 'login user name; not changeable after binding'),
      body('userPassword', str(), false, 'login password; not changeable after binding'),
      body('port', int(), false, 'port; not changeable after binding'),
      body('rtspUrl', str(), false, 'video stream (RTSP) URL; not changeable after binding'),
    ],
    notes: [
      'The 接口描述 is "内置算力芯片不可修改" (the built-in compute chip cannot be modified), scope unclear (erratum E37).',
    ],
  },
  {
    id: 'device.list', method: 'POST', path: '/v1/api/device/list',
    section: '52', title: '分页获取设备列表 / Page query of devices', group: '设备管理 / Device management',
    body: 'json-object', reply: 'page', data: paged(DeviceSchema),
    fields: [
      ...paging(),
      body('name', str(), false, 'device name'),
      body('deviceType', oneOf(1, 2, 3, 4), false, 'device type: 1 智能摄像头 smart camera, 2 智能面板机 smart face panel, 3 智能服务器 smart (compute) server, 4 网络摄像机 network camera (IPC)'),
    ],
    notes: [
      'The Java SDK sample calls this endpoint with the body {"name":"core"}.',
    ],
  },
  {
    id: 'device.delete', method: 'POST', path: '/v1/api/device/delete',
    section: '53', title: '删除设备 / Delete device', group: '设备管理 / Device management',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
    ],
    notes: [
      'Check with device.preDelete first: tag 0 可删除 and 3 强制删除 allow deletion, 1 已绑定 and 2 已布控 do not.',
    ],
  },
  {
    id: 'device.preDelete', method: 'POST', path: '/v1/api/device/preDelete',
    section: '54', title: '删除设备预校验 / Pre-check device deletion', group: '设备管理 / Device management',
    body: 'json-object', reply: 'object', data: z.looseObject({ tag: z.number().int(), deployType: z.number().int().nullish() }),
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
    ],
    notes: [
      'tag: 0 可删除 deletable, 1 已绑定 bound, 2 已布控 deployed, 3 强制删除 force delete; deployType 3 门禁点布控 only when tag is 2.',
    ],
  },
  {
    id: 'device.queryReportDevice', method: 'POST', path: '/v1/api/device/queryReportDevice',
    section: '55', title: '发现设备查询 / Page query of discovered (self-reported) devices', group: '设备管理 / Device management',
    body: 'json-object', reply: 'page', data: paged(ReportDeviceSchema),
    fields: [
      ...paging(),
      body('snCode', str(), false, 'device serial code'),
      body('deviceType', oneOf(2), false, 'device type (only 2 listed): 2 智能面板机 smart face panel'),
      body('discoveryMethod', oneOf(1), false, 'discovery method: 1 主动上报 device self-reported'),
    ],
    notes: [
      'Step one of panel onboarding (panels report themselves); step two is device.importDevice with the snCode.',
    ],
  },
  {
    id: 'device.listBygroup', method: 'POST', path: '/v1/api/device/listBygroup',
    section: '56', title: '按设备类型分组查询设备信息 / List devices grouped by device type', group: '设备管理 / Device management',
    body: 'json-object', reply: 'array', data: listOf(deviceGroup),
    fields: [],
    notes: [
      'The Body section is empty: sends {} and signs MD5("{}") (§2.2). Items: deviceType and deviceList[] of {uuid, name}.',
    ],
  },
  {
    id: 'device.queryDeviceInfo', method: 'POST', path: '/v1/api/device/queryDeviceInfo',
    section: '57', title: '查询设备信息 / Get device information', group: '设备管理 / Device management',
    body: 'json-object', reply: 'object', data: DeviceSchema,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
    ],
  },
  {
    id: 'device.query', method: 'POST', path: '/v1/api/device/query',
    section: '58', title: '查询设备详情信息 / Get device details (status, usage, bindings)', group: '设备管理 / Device management',
    body: 'json-object', reply: 'object', data: DeviceDetailSchema,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
    ],
    notes: [
      'A stray "format: double" follows the reply table (erratum E10).',
    ],
  },
  {
    id: 'device.listEnbindGroup', method: 'POST', path: '/v1/api/device/list/enbind/group',
    section: '59', title: '查询该类型设备可以绑定的设备信息 / List devices bindable to a device (bound and unbound)', group: '设备管理 / Device management',
    body: 'json-object', reply: 'array', data: listOf(deviceGroup),
    fields: [
      body('uuid', uuid(), true, 'device uuid (the compute device)'),
    ],
    notes: [
      'Items: deviceType and deviceList[] of {uuid, name, bindType}, bindType 0 未绑定 unbound, 1 绑定 bound.',
    ],
  },
  {
    id: 'device.importDevice', method: 'POST', path: '/v1/api/device/importDevice',
    section: '60', title: '设备导入 / Import a discovered panel device', group: '设备管理 / Device management',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('name', str(), true, 'device name'),
      body('location', str(), true, 'location'),
      body('deviceType', oneOf(2), true, 'device type: 2 only: 2 智能面板机 smart face panel'),
      body('deviceModel', int(), true, 'panel model code, one of deviceModelLists.D; names in deviceModels'),
      body('deviceMode', oneOf(1), true, 'device mode: 1 only: 1 人脸识别 face recognition'),
      body('snCode', str(), true, 'device serial code (from device.queryReportDevice)'),
      body('discoveryMethod', oneOf(1), true, 'discovery method: 1 only: 1 主动上报 device self-reported'),
    ],
    notes: [
      'Panels only ("只有面板机支持设备导入"): deviceType 2, deviceMode 1, discoveryMethod 1, deviceModel from list D (deviceModelLists.D).',
    ],
  },
  {
    id: 'device.add', method: 'POST', path: '/v1/api/device/add',
    section: '61', title: '设备添加 / Add device (camera / video stream / smart server)', group: '设备管理 / Device management',
    body: 'json-object', reply: 'object', data: BatchResultSchema,
    fields: [
      body('name', z.string().min(1).max(50), true, 'device name, length 1-50'),
      body('location', z.string().min(1).max(50), true, 'location, length 1-50'),
      body('deviceType', oneOf(1, 3, 4), true, 'device type (2 panel is NOT accepted here — use importDevice): 1 智能摄像头 smart camera, 3 智能服务器 smart (compute) server, 4 网络摄像机 network camera (IPC)'),
      body('deviceModel', int(), true, 'device model code, one of deviceModelLists.B (list A and the servers 22, 23, 37, 39); names in deviceModels'),
      body('deviceMode', oneOf(1, 4), false, 'device mode; none for servers, required for other devices: 1 人脸识别 face recognition, 4 人脸抓拍 face capture'),
      body('ipAddress', str(), true, 'device IP'),
      body('mac', str(), false, 'MAC'),
      body('userName', z.string().min(1).max(50), false, 'login user name, length 1-50'),
      body('userPassword', str(), false, 'login password'),
      body('rtspUrl', str(), false, 'RTSP URL; not needed for B3R/B4H'),
      body('port', int(), false, 'port of the device'),
    ],
    notes: [
      'The request is one flat device, the reply batch-shaped successes[] / failures[]: read item 0 (erratum E14). Adds cameras and video streams (deviceType 1, 4) and smart servers (3); panels come through device.importDevice.',
    ],
  },
  {
    id: 'device.bind', method: 'POST', path: '/v1/api/device/bind',
    section: '62', title: '设备绑定 / Bind end devices to a compute device (full-set)', group: '设备管理 / Device management',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'uuid of the compute (server) device'),
      body('deviceUuids', uuids(), true, 'COMPLETE desired set of bound devices: listed ones get bound, previously bound ones not listed get unbound'),
    ],
    notes: [
      'Full set: "是全量绑定,入参和已绑定的设备进行差集运算,得到需要解绑的设备和需要绑定的设备" — devices bound before but missing from deviceUuids are unbound; always send the complete list (erratum E32).',
    ],
  },
  {
    id: 'device.unbind', method: 'POST', path: '/v1/api/device/unbind',
    section: '63', title: '设备解绑 / Unbind one end device', group: '设备管理 / Device management',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'compute (server) device uuid'),
      body('unBindDeviceUuid', uuid(), true, "device to unbind (doc says 'id')"),
    ],
    notes: [
      'unBindDeviceUuid is described with "id" where a uuid is meant (erratum E37). Removes one device, unlike device.bind.',
    ],
  },
];
