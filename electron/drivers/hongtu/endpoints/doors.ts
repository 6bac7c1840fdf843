import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import { paged } from '../envelope.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { bool, int, num, oneOf, paging, str, uuid, uuids } from '../field-types.ts';
import { DeviceSchema, DoorConfigSchema, DoorSchema, textData } from '../records.ts';

/** door.config's customConfig: every field optional; the ranges are the table's. */
const customConfig = z
  .strictObject({
    /** "由16个中文或32个字母组成". */
    companyName: str(),
    showPersonName: bool(),
    /** 0 底库照片 enrolled photo, 1 抓拍照片 snapshot, 2 不显示图片 none. */
    pictureType: oneOf(0, 1, 2),
    /** Minutes, 1–30; 0 never. */
    standByTime: int().min(0).max(30),
    fillLightness: int().min(0).max(100),
    /** Seconds, "0-9" here ("1-60" in queryConfig, erratum E34). */
    recognitionInterval: num().min(0).max(9),
    // "{星期}/{小时}:{分钟}": weekdays 0–6 (Mon–Sun) or * for every day, e.g. */23:20 daily, 0,1,2,3,4/5:5
    // Monday–Friday at 05:05; "*/" alone turns the scheduled reboot off.
    rebootSchedule: str(),
    /** 0 不启用, 1 消防信号 fire, 2 报警信号 alarm. */
    alarmInput1: oneOf(0, 1, 2),
    alarmInput2: oneOf(0, 1, 2),
    /** 0 doorbell, 1 blacklist alarm, 2 door-sensor timeout, 3/4 alarm input 1/2 linkage. */
    alarmOutput1: z.array(oneOf(0, 1, 2, 3, 4)),
    recognitionTimes: int().min(0).max(500),
    lockSwitch: bool(),
    /** 0 不使用, 1 常开 normally open, 2 常闭 normally closed. */
    sensorType: oneOf(0, 1, 2),
    /** 0 face, 1 face or card, 2 face and card, 3 face and password (`verificationModes`). */
    verificationMode: oneOf(0, 1, 2, 3),
    /** Door-open timeout, 0–255 s. */
    openTimeOut: int().min(0).max(255),
    /** Unlock time, 0.1–60 s. */
    openDuration: num().min(0.1).max(60),
    /** Lock delay, 0–60 s, one decimal. */
    openDelay: num().min(0).max(60),
    /** 0 off, 1 Wiegand in, 2 Wiegand out; format 0 26-bit, 1 34-bit; output 0 card number, 1 person code. */
    wiegandMode: oneOf(0, 1, 2),
    wiegandFormat: oneOf(0, 1),
    wiegandOutput: oneOf(0, 1),
    standbyWpUrl: str(),
  })
  .partial();

/** Thresholds 0–100, angles 0–90°, blur 0.1–1.0, smallest face 1–500, as door.config states them. */
const thresholds = {
  recognitionThreshold: num().min(0).max(100),
  /** 0 关 off, 1 开单目 monocular, 2 开双目 binocular (panels only). */
  livenessModel: oneOf(0, 1, 2),
  livenessThreshold: num().min(0).max(100),
  pitchThreshold: num().min(0).max(90),
  yawThreshold: num().min(0).max(90),
  rollThreshold: num().min(0).max(90),
  sharpnessThreshold: num().min(0.1).max(1),
  smallestFace: num().min(1).max(500),
  strangerRecognitionThreshold: num().min(0).max(100),
};

const algorithmConfig = z
  .strictObject({
    ...thresholds,
    /** 0 单人 single, 1 多人 multiple. */
    recognitionMode: oneOf(0, 1),
    /** 1 → 1 m, 2 → 1.5 m, 3 → 2 m. */
    maxDistance: oneOf(1, 2, 3),
    faceAeMode: bool(),
    maskSwitch: bool(),
    maskThreshold: num().min(0).max(100),
  })
  .partial();

/** No recognitionMode or maxDistance here, unlike queryConfig's reply (erratum E34). */
const safeGuardConfig = z.strictObject({ ...thresholds, recognitionInterval: num().min(0).max(9) }).partial();

/** "陌生人配置信息": the thresholds without liveness; smallestFace has no stated range here. */
const strangerConfig = z
  .strictObject({
    recognitionThreshold: thresholds.recognitionThreshold,
    pitchThreshold: thresholds.pitchThreshold,
    yawThreshold: thresholds.yawThreshold,
    rollThreshold: thresholds.rollThreshold,
    sharpnessThreshold: thresholds.sharpnessThreshold,
    smallestFace: num().min(1),
    strangerRecognitionThreshold: thresholds.strangerRecognitionThreshold,
    recognitionInterval: num().min(0).max(9),
  })
  .partial();

/** The object is optional, but each of its six fields is 必须 (erratum E34). High threshold 36.5–38.5, default 37.2. */
const temperatureConfig = z.strictObject({
  temperatureSwitch: bool(),
  highTemperatureOff: bool(),
  temperatureMode: bool(),
  highThreshold: num().min(36.5).max(38.5),
  maskAlertSwitch: bool(),
  unMaskOff: bool(),
});

/** Hongtu: access-control points (门禁点管理), endpoints 69–79. */
export const doorEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'door.queryB3rInBind', method: 'POST', path: '/v1/api/door/queryB3rInBind',
    section: '69', title: '分页查询 / Page query of devices bound to the same smart server as the given end device', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'page', data: paged(DeviceSchema),
    fields: [
      ...paging(),
      body('uuid', uuid(), true, 'current (end) device uuid'),
    ],
    notes: [
      'Titled only "分页查询"; its deviceModel row has no description or 是否必须 (erratum E39).',
    ],
  },
  {
    id: 'door.list', method: 'POST', path: '/v1/api/door/list',
    section: '70', title: '分页查询门禁点设备列表信息 / Page query of access-control-point devices', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'page', data: paged(DoorSchema),
    fields: [
      ...paging(),
      body('location', str(), false, 'location'),
      body('name', str(), false, 'device name'),
      body('deviceType', oneOf(1, 2, 4), false, 'device type: 1 智能摄像头 smart camera, 2 智能面板机 smart face panel, 4 网络摄像机 network camera (IPC)'),
      body('deviceModel', int(), false, 'device model code, as printed here one of deviceModelLists.A (no servers); names in deviceModels'),
      body('passModel', bool(), true, 'true: all devices that CAN be added as door devices (excluding devices deployed for key persons); false: devices already bound, i.e. the door-control list'),
    ],
    notes: [
      'passModel true lists the devices that can become door devices (the candidates for door.add), false the door devices. Its remark points to "添加门禁设备查询接口/v1/api/device/control/list", which the document never describes (erratum E29).',
    ],
  },
  {
    id: 'door.syncDetail', method: 'POST', path: '/v1/api/door/syncDetail',
    section: '71', title: '同步失败详情 / Page query of sync-failure details for a device', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(),
      body('uuid', uuid(), true, 'device uuid'),
    ],
    notes: [
      'Items: uuid, name, imageUrl, type ("1 员工 2访客 4 重点人员"): read 4 as a key person, unlike 3 elsewhere (erratum E15).',
    ],
  },
  {
    id: 'door.queryFeatureFailList', method: 'POST', path: '/v1/api/door/queryFeatureFailList',
    section: '72', title: '查询同步失败人员信息 / Page query of persons whose features failed to sync', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'page', data: paged(z.looseObject({})),
    fields: [
      ...paging(10),
      body('uuid', uuid(), true, 'recognition device uuid'),
    ],
    notes: [
      'pageSize defaults to 10 here ("每页条数/数字类型 默认10条"), 20 elsewhere.',
      'Items: personUuid, name, imageUri, type ("1 员工 2访客 3黑名单, 4 重点人员", erratum E15).',
    ],
  },
  {
    id: 'door.queryBindType', method: 'POST', path: '/v1/api/door/queryBindType',
    section: '73', title: '查询绑定设备类型 / Query binding type of an end device', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'object', data: z.looseObject({ bindType: z.number().int() }),
    fields: [
      body('uuid', uuid(), true, 'end-device uuid'),
    ],
    notes: [
      'bindType 1 B3R、B4H (bound to a smart server), 3 面板机 panel.',
    ],
  },
  {
    id: 'door.queryConfig', method: 'POST', path: '/v1/api/door/queryConfig',
    section: '74', title: '查询设备配置信息 / Get door-device configuration', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'object', data: DoorConfigSchema,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
    ],
  },
  {
    id: 'door.add', method: 'POST', path: '/v1/api/door/add',
    section: '75', title: '添加门禁点 / Add / remove access-control-point devices', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('addDeviceUuids', uuids(), true, 'device uuids to add as door devices'),
      body('removeDeviceUuids', uuids(), true, 'device uuids to remove (send [] if none)'),
    ],
    notes: [
      'A diff: addDeviceUuids and removeDeviceUuids are both 必须; send [] for the unused one (erratum E31). Candidates come from door.list with passModel true (erratum E30).',
    ],
  },
  {
    id: 'door.remove', method: 'POST', path: '/v1/api/door/remove',
    section: '76', title: '移除门禁点 / Remove access-control point', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'current device uuid'),
    ],
  },
  {
    id: 'door.bindSwitch', method: 'POST', path: '/v1/api/door/bindSwitch',
    section: '77', title: '绑定开关 / Bind / remove door switch', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('switchIp', str(), false, 'switch IP; omit to remove the door switch'),
      body('uuid', uuid(), true, 'current device uuid'),
    ],
    notes: [
      'switchIp "不传则表示移除门禁开关": omitting it removes the door switch.',
    ],
  },
  {
    id: 'door.openDoor', method: 'POST', path: '/v1/api/door/openDoor',
    section: '78', title: '远程开门 / Open door remotely', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'current device uuid'),
    ],
  },
  {
    id: 'door.config', method: 'POST', path: '/v1/api/door/config',
    section: '79', title: '配置设备 / Configure door device', group: '门禁点管理 / Access-control points (doors)',
    body: 'json-object', reply: 'string', data: textData,
    fields: [
      body('uuid', uuid(), true, 'device uuid'),
      body('customConfig', customConfig, false, 'door parameters for pass business (门禁参数)'),
      body('algorithmConfig', algorithmConfig, false, 'recognition parameters for pass business'),
      body('safeGuardConfig', safeGuardConfig, false, 'key-person (重点人员) recognition parameters'),
      body('strangerConfig', strangerConfig, false, 'stranger (陌生人) recognition parameters'),
      body('temperatureConfig', temperatureConfig, false, 'temperature and mask parameters; all six fields when sent'),
    ],
    notes: [
      'Differs from door.queryConfig (erratum E34): safeGuardConfig/strangerConfig take no recognitionMode or maxDistance, recognitionInterval is 0–9 here and 1–60 there, sharpnessThreshold 0.1–1.0. Send back only the fields listed here.',
      'temperatureConfig is optional but its six fields are each 必须: send all six when sending it.',
    ],
  },
];
