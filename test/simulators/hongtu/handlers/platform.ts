import { ApiFailure, INVALID_PARAMETER } from '../codes.ts';
import { isLoopbackUrl } from '../push.ts';
import { listItem } from '../records.ts';
import { ok, okText } from '../reply.ts';
import type { Handler } from '../request.ts';
import { page } from '../request.ts';
import { DEFAULT_AFACE_CONFIG, DEFAULT_STORAGE_LEVEL } from '../state.ts';
import { parseTimeBound } from '../time.ts';

/**
 * Pass records, subscriptions, the platform's settings and `device.info`.
 *
 * pass_record/list (hongtu.md §6): newest first; personName is a prefix match (§10 E39),
 * deviceName / deviceLocation / visitPersonName contain, the rest equal; startPassTime inclusive,
 * endPassTime exclusive, each "yyyy-MM-dd HH:mm:ss" or epoch ms (100003 when neither).
 *
 * Subscriptions (§7.1): one per appKey (the query answers one object): record/add replaces it;
 * `appKey` defaults to the caller's cappkey and must be one the platform knows; busiTypes must be
 * non-empty and only 5; pushUrl must be an http(s) URL — and, the simulator's own limit, a loopback
 * one (127.x.x.x) — else 100003 naming the field. record/query answers `data: null` when there is
 * no subscription; record/unbind succeeds whether or not there was one.
 */
const passRecordList: Handler = (req, ctx) => {
  const bound = (name: string): number | undefined => {
    const value = req.body[name];
    if (value === undefined || value === null || value === '') return undefined;
    const parsed = parseTimeBound(value);
    if (parsed === undefined) throw new ApiFailure(INVALID_PARAMETER, `${name}格式错误`);
    return parsed;
  };
  const start = bound('startPassTime');
  const end = bound('endPassTime');
  if (start !== undefined && end !== undefined && start > end) throw new ApiFailure(121040);
  const text = (name: string) => req.str(name);
  const number = (name: string) => req.int(name);
  const deviceUuids = req.strings('deviceUuids');
  const filters = {
    personUuid: text('personUuid'),
    personName: text('personName'),
    personCode: text('personCode'),
    visitPersonName: text('visitPersonName'),
    deviceName: text('deviceName'),
    deviceLocation: text('deviceLocation'),
    recognitionType: number('recognitionType'),
    verificationMode: number('verificationMode'),
    passType: number('passType'),
    livenessType: number('livenessType'),
    maskType: number('maskType'),
  };
  const contains = (value: string | undefined, wanted: string | undefined) => wanted === undefined || (value ?? '').includes(wanted);
  const equals = (value: unknown, wanted: unknown) => wanted === undefined || value === wanted;
  const items = ctx.records
    .newestFirst()
    .filter(
      (record) =>
        equals(record.personUuid, filters.personUuid) &&
        (filters.personName === undefined || (record.personName ?? '').startsWith(filters.personName)) &&
        equals(record.personCode, filters.personCode) &&
        contains(record.visitPersonName, filters.visitPersonName) &&
        (deviceUuids === undefined || deviceUuids.length === 0 || deviceUuids.includes(record.deviceUuid)) &&
        contains(record.deviceName, filters.deviceName) &&
        contains(record.deviceLocation, filters.deviceLocation) &&
        equals(record.recognitionType, filters.recognitionType) &&
        equals(record.verificationMode, filters.verificationMode) &&
        equals(record.passType, filters.passType) &&
        equals(record.livenessType, filters.livenessType) &&
        equals(record.maskType, filters.maskType) &&
        (start === undefined || record.passTimestamp >= start) &&
        (end === undefined || record.passTimestamp < end),
    );
  const view = page(items, req);
  return ok({ ...view, list: (view['list'] as typeof items).map((record) => listItem(record, ctx.imageUrl)) });
};

const recordAdd: Handler = (req, ctx) => {
  const appKey = req.str('appKey') ?? req.appKey;
  if (!ctx.appKeys.has(appKey)) throw new ApiFailure(INVALID_PARAMETER, 'appKey不存在');
  const pushUrl = req.need('pushUrl');
  const busiTypes = (req.strings('busiTypes') ?? []).map(Number);
  if (busiTypes.length === 0 || busiTypes.some((type) => type !== 5)) throw new ApiFailure(INVALID_PARAMETER, 'busiTypes只支持5-通行记录');
  if (!/^https?:\/\//i.test(pushUrl)) throw new ApiFailure(INVALID_PARAMETER, 'pushUrl格式错误');
  if (!isLoopbackUrl(pushUrl)) throw new ApiFailure(INVALID_PARAMETER, 'pushUrl: the simulator pushes to loopback addresses (127.x.x.x) only');
  ctx.state.subscriptions.set(appKey, { appKey, pushUrl, busiTypes: [...new Set(busiTypes)] });
  return okText();
};

const recordQuery: Handler = (req, ctx) => {
  const subscription = ctx.state.subscriptions.get(req.str('appKey') ?? req.appKey);
  return ok(subscription ? structuredClone(subscription) : null);
};

const recordUnbind: Handler = (req, ctx) => {
  ctx.state.subscriptions.delete(req.str('appKey') ?? req.appKey);
  return okText();
};

const saveAFaceConfig: Handler = (req, ctx) => {
  const switches = [req.int('temperatureSwitch'), req.int('maskAlertSwitch')];
  if (switches.some((value) => value !== 0 && value !== 1)) throw new ApiFailure(INVALID_PARAMETER, '开关只能为0或1');
  ctx.state.aFaceConfig = {
    attendanceRecordCallbackUrl: req.str('attendanceRecordCallbackUrl') ?? '',
    identifyRecordCallbackUrl: req.str('identifyRecordCallbackUrl') ?? '',
    temperatureSwitch: switches[0] ?? 0,
    maskAlertSwitch: switches[1] ?? 0,
  };
  return ok({ ...ctx.state.aFaceConfig });
};

const queryAFaceConfig: Handler = (_req, ctx) => ok({ ...ctx.state.aFaceConfig });

const resetAFaceConfig: Handler = (_req, ctx) => {
  ctx.state.aFaceConfig = { ...DEFAULT_AFACE_CONFIG };
  return ok({ ...ctx.state.aFaceConfig });
};

const temperatureConfig: Handler = (_req, ctx) => ok({ temperatureSwitch: ctx.state.aFaceConfig.temperatureSwitch, maskAlertSwitch: ctx.state.aFaceConfig.maskAlertSwitch });

/** Levels 1 低, 3 高, 4 自定义 (no 2); level 4 needs customConfig (§10 E36). */
const saveStorageCriteria: Handler = (req, ctx) => {
  const level = req.int('level');
  if (level !== 1 && level !== 3 && level !== 4) throw new ApiFailure(INVALID_PARAMETER, 'level只能为1、3、4');
  const customConfig = req.body['customConfig'];
  if (level === 4 && (typeof customConfig !== 'object' || customConfig === null)) throw new ApiFailure(INVALID_PARAMETER, '自定义时customConfig必填');
  ctx.state.storageCriteria = level === 4 ? { level, customConfig: structuredClone(customConfig as Record<string, unknown>) } : { level };
  return ok(structuredClone(ctx.state.storageCriteria));
};

const storageCriteriaInfo: Handler = (_req, ctx) => ok(structuredClone(ctx.state.storageCriteria));

const storageCriteriaDefault: Handler = (_req, ctx) => {
  ctx.state.storageCriteria = { level: DEFAULT_STORAGE_LEVEL };
  return ok({ level: DEFAULT_STORAGE_LEVEL });
};

const deviceInfo: Handler = (_req, ctx) => ok({ ...ctx.state.platform });

export const PLATFORM_HANDLERS: Readonly<Record<string, Handler>> = {
  'passRecord.list': passRecordList,
  'pubsub.recordAdd': recordAdd,
  'pubsub.recordQuery': recordQuery,
  'pubsub.recordUnbind': recordUnbind,
  'sysConfig.saveAFaceConfig': saveAFaceConfig,
  'sysConfig.queryAFaceConfig': queryAFaceConfig,
  'sysConfig.resetAFaceConfig': resetAFaceConfig,
  'sysConfig.temperatureConfig': temperatureConfig,
  'storageCriteria.save': saveStorageCriteria,
  'storageCriteria.info': storageCriteriaInfo,
  'storageCriteria.setDefault': storageCriteriaDefault,
  'device.info': deviceInfo,
};
