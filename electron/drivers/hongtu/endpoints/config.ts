import { z } from 'zod';
import { body } from '../../endpoint-table.ts';
import type { HongtuEndpoint } from '../envelope.ts';
import { int, num, oneOf, str } from '../field-types.ts';

/** The One-Face-Pass settings (一脸通配置): saved, read and reset as the same four fields. */
const AFaceConfigSchema = z.looseObject({
  attendanceRecordCallbackUrl: z.string().nullish(),
  identifyRecordCallbackUrl: z.string().nullish(),
  /** 0 关闭 off, 1 打开 on. */
  temperatureSwitch: z.number().int().nullish(),
  maskAlertSwitch: z.number().int().nullish(),
});

const TemperatureSwitchesSchema = AFaceConfigSchema.pick({ temperatureSwitch: true, maskAlertSwitch: true });

/**
 * Level 4's thresholds, each "自定义时必有" (erratum E36), with the ranges the table states: blur
 * "0-1之间的数", angles "1-100之间的数", the rest "之间的整数". `sdtDeviation` (sic) is the brightness
 * standard deviation.
 */
const customCriteria = z.strictObject({
  blur: num().min(0).max(1).optional(),
  pitch: num().min(1).max(100).optional(),
  roll: num().min(1).max(100).optional(),
  yaw: num().min(1).max(100).optional(),
  brightnessMin: int().min(1).max(1000).optional(),
  size: int().min(1).max(500).optional(),
  sdtDeviation: int().min(1).max(1000).optional(),
  brightnessMax: int().min(1).max(1000).optional(),
});

/** Face-enrollment criteria (入库标准) as read: level 1 低, 3 高, 4 自定义 with customConfig. */
const StorageCriteriaSchema = z.looseObject({
  level: z.number().int(),
  customConfig: z
    .looseObject(Object.fromEntries(Object.keys(customCriteria.shape).map((name) => [name, z.number().nullish()])))
    .nullish(),
});

/** Hongtu: function configuration (功能配置): One-Face-Pass settings and face-enrollment criteria, endpoints 14–20. */
export const configEndpoints: readonly HongtuEndpoint[] = [
  {
    id: 'sysConfig.saveAFaceConfig', method: 'POST', path: '/v1/api/sys/config/saveAFaceConfig',
    section: '14', title: '一脸通配置保存 / Save One-Face-Pass configuration', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: AFaceConfigSchema,
    fields: [
      body('attendanceRecordCallbackUrl', str(), false, 'attendance-record callback URL'),
      body('identifyRecordCallbackUrl', str(), false, 'recognition-record callback URL'),
      body('temperatureSwitch', oneOf(0, 1), true, 'temperature-measurement switch: 0 关闭 off, 1 打开 on'),
      body('maskAlertSwitch', oneOf(0, 1), true, 'mask-reminder switch: 0 关闭 off, 1 打开 on'),
    ],
    notes: [
      'The callback URLs are 非必须 here and 必须 in the reply (erratum E35); what the platform sends to them is not documented (erratum E43).',
    ],
  },
  {
    id: 'storageCriteria.save', method: 'POST', path: '/v1/api/sys/storageCriteria/save',
    section: '15', title: '保存入库标准 / Save face-enrollment quality criteria', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: StorageCriteriaSchema,
    fields: [
      body('level', oneOf(1, 3, 4), true, 'criteria level: 1 低 low, 3 高 high, 4 自定义 custom'),
      body('customConfig', customCriteria, false, 'custom thresholds; every field is required when level is 4'),
    ],
    notes: [
      'level has no 2 ("1:低,3:高,4:自定义"); the customConfig fields are "自定义时必有": send all eight when level is 4 (erratum E36).',
    ],
  },
  {
    id: 'storageCriteria.info', method: 'POST', path: '/v1/api/sys/storageCriteria/info',
    section: '16', title: '查看入库标准 / Get face-enrollment quality criteria', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: StorageCriteriaSchema,
    fields: [],
    notes: [
      'No Body table: sends {} and signs MD5("{}") (§2.2).',
    ],
  },
  {
    id: 'sysConfig.temperatureConfig', method: 'POST', path: '/v1/api/sys/config/temperatureConfig',
    section: '17', title: '测温开关查询 / Query temperature/mask switches', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: TemperatureSwitchesSchema,
    fields: [],
    notes: [
      'No Body table: sends {} and signs MD5("{}") (§2.2).',
    ],
  },
  {
    id: 'sysConfig.queryAFaceConfig', method: 'POST', path: '/v1/api/sys/config/queryAFaceConfig',
    section: '18', title: '获取一脸通配置 / Get One-Face-Pass configuration', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: AFaceConfigSchema,
    fields: [],
    notes: [
      'The Body section is empty: sends {} and signs MD5("{}") (§2.2).',
    ],
  },
  {
    id: 'sysConfig.resetAFaceConfig', method: 'POST', path: '/v1/api/sys/config/resetAFaceConfig',
    section: '19', title: '重置一脸通配置 / Reset One-Face-Pass configuration', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: AFaceConfigSchema,
    fields: [],
    notes: [
      'No Body table: sends {} and signs MD5("{}") (§2.2).',
    ],
  },
  {
    id: 'storageCriteria.setDefault', method: 'POST', path: '/v1/api/sys/storageCriteria/setDefault',
    section: '20', title: '重置入库标准 / Reset face-enrollment criteria to default', group: '功能配置 / Function configuration',
    body: 'json-object', reply: 'object', data: StorageCriteriaSchema,
    fields: [],
    notes: [
      'No Body table: sends {} and signs MD5("{}") (§2.2). The reply is "level integer 必须 等级：3-高".',
    ],
  },
];
