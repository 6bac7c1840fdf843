import { ALREADY_BOUND, ApiFailure, DEVICE_NOT_BOUND, DEVICE_NOT_FOUND, PASS_PARAMETER, SUCCESS, messageFor } from '../codes.ts';
import { ok, okText } from '../reply.ts';
import type { ApiRequest, Handler, JsonObject } from '../request.ts';
import { page } from '../request.ts';
import type { DeviceRecord, DeviceType, SimState } from '../state.ts';
import { newUuid } from '../state.ts';
import { device, edgeServer, endDevice } from './lookups.ts';

/**
 * 设备管理 (hongtu.md §6, §8.1–8.2). The readings the simulator takes where the document is open:
 * - device.add takes deviceType 1, 3, 4 and a list-B model; a server (type 3) must be a MegBox /
 *   MegCube model (22, 23, 37, 39) and the others must not; cameras need deviceMode 1 or 4. The
 *   request is one object, the reply batch-shaped (§10 E14): a rule broken is `failures[0]` with
 *   code 103005 and the rule in msg, under envelope code 0.
 * - device.importDevice imports a self-reported panel by snCode (103012 if no such report): type 2,
 *   mode 1, discoveryMethod 1, a list-D model. The panel keeps the uuid it reported with and
 *   leaves the discovered list.
 * - device.bind is full-set (§10 E32): the edge server's bound set becomes exactly `deviceUuids`;
 *   cameras (1, 4) and panels (2) may be bound (queryB3rInBind lists panels among bound devices);
 *   a device bound to another server is 103011; nothing changes unless every uuid passes.
 * - delete refuses a bound (tag 1) or door (tag 2) device with 103005; a deleted imported panel
 *   reports itself again (back in queryReportDevice), as a powered panel would.
 * - device.list returns `deviceMode: null` for servers: the field is 必须 but servers have none.
 */
const SERVER_MODELS: ReadonlySet<number> = new Set([22, 23, 37, 39]);
const LIST_A = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 21, 29, 31, 32, 33, 34, 36, 40, 41, 42, 43];
const LIST_B: ReadonlySet<number> = new Set([...LIST_A, ...SERVER_MODELS]);
const LIST_D: ReadonlySet<number> = new Set([1, 2, 3, 34, 36, 40, 41, 42, 43]);
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const LOCKED_WHEN_BOUND = ['ipAddress', 'userName', 'userPassword', 'port', 'rtspUrl'] as const;

function fail(detail: string): never {
  throw new ApiFailure(PASS_PARAMETER, detail);
}

function checkNameAndLocation(name: string, location: string): void {
  if ([...name].length > 50) fail('设备名称长度1-50位');
  if ([...location].length > 50) fail('设备位置长度1-50位');
}

function isBound(state: SimState, found: DeviceRecord): boolean {
  return found.boundTo !== undefined || state.boundTo(found.uuid).length > 0;
}

const status = (found: DeviceRecord): number => (found.online ? 3 : 4);

function readAddition(req: ApiRequest, state: SimState): Omit<DeviceRecord, 'id' | 'config' | 'createdAt' | 'appVersion' | 'featureVersion' | 'isDoor'> {
  const deviceType = req.int('deviceType') ?? 0;
  const deviceModel = req.int('deviceModel') ?? 0;
  const deviceMode = req.int('deviceMode');
  const name = req.need('name');
  const location = req.need('location');
  const ipAddress = req.need('ipAddress');
  checkNameAndLocation(name, location);
  if (deviceType === 2) fail('面板机请通过设备导入添加');
  if (![1, 3, 4].includes(deviceType)) fail('设备类型只能为1、3、4');
  if (!LIST_B.has(deviceModel)) fail('设备型号不存在');
  if ((deviceType === 3) !== SERVER_MODELS.has(deviceModel)) fail('设备型号与设备类型不符');
  if (deviceType !== 3 && deviceMode !== 1 && deviceMode !== 4) fail('设备模式必填，只能为1或4');
  if (!IPV4.test(ipAddress)) fail('设备IP格式错误');
  for (const other of state.devices.values()) if (other.ipAddress === ipAddress) fail('设备IP已存在');
  const optional: Partial<DeviceRecord> = {};
  for (const key of ['mac', 'userName', 'userPassword', 'rtspUrl'] as const) {
    const value = req.str(key);
    if (value !== undefined) optional[key] = value;
  }
  const port = req.int('port');
  if (port !== undefined) optional.port = port;
  return {
    ...optional,
    uuid: newUuid(),
    name,
    location,
    deviceType: deviceType as DeviceType,
    deviceModel,
    ...(deviceType !== 3 && deviceMode !== undefined ? { deviceMode } : {}),
    ipAddress,
    discoveryMethod: 2,
    online: true,
  };
}

const add: Handler = (req, ctx) => {
  const echo: JsonObject = { ...req.body, uuid: '' };
  try {
    const added = ctx.state.addDevice(readAddition(req, ctx.state), ctx.now().getTime());
    return ok({ successes: [{ ...echo, uuid: added.uuid, code: SUCCESS, msg: messageFor(SUCCESS) }], failures: [] });
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return ok({ successes: [], failures: [{ ...echo, code: error.code, msg: error.message }] });
  }
};

const importDevice: Handler = (req, ctx) => {
  const snCode = req.need('snCode');
  const name = req.need('name');
  const location = req.need('location');
  checkNameAndLocation(name, location);
  if (req.int('deviceType') !== 2) fail('只有面板机支持设备导入');
  if (req.int('deviceMode') !== 1) fail('设备模式只能为1');
  if (req.int('discoveryMethod') !== 1) fail('发现方式只能为1');
  const deviceModel = req.int('deviceModel') ?? 0;
  if (!LIST_D.has(deviceModel)) fail('设备型号不是面板机');
  if (ctx.state.deviceBySn(snCode)) fail('设备已导入');
  const found = [...ctx.state.discovered.values()].find((candidate) => candidate.snCode === snCode);
  if (!found) throw new ApiFailure(DEVICE_NOT_FOUND, snCode);
  ctx.state.discovered.delete(found.uuid);
  ctx.state.addDevice(
    { uuid: found.uuid, name, location, deviceType: 2, deviceModel, deviceMode: 1, snCode, discoveryMethod: 1, online: true, ...(found.ipAddress ? { ipAddress: found.ipAddress } : {}) },
    ctx.now().getTime(),
  );
  return okText();
};

const update: Handler = (req, ctx) => {
  const found = device(ctx.state, req.need('uuid'));
  const name = req.need('name');
  const location = req.need('location');
  checkNameAndLocation(name, location);
  const changes: Partial<DeviceRecord> = { name, location };
  for (const key of [...LOCKED_WHEN_BOUND, 'mac'] as const) {
    const value = key === 'port' ? req.int(key) : req.str(key);
    if (value === undefined || value === found[key]) continue;
    if (key !== 'mac' && isBound(ctx.state, found)) fail(`绑定设备后不可修改${key}`);
    if (key === 'ipAddress' && !IPV4.test(String(value))) fail('设备IP格式错误');
    (changes as Record<string, unknown>)[key] = value;
  }
  Object.assign(found, changes);
  return okText();
};

function deletability(state: SimState, found: DeviceRecord): { tag: number; deployType?: number } {
  if (found.isDoor) return { tag: 2, deployType: 3 };
  if (isBound(state, found)) return { tag: 1 };
  return { tag: 0 };
}

const preDelete: Handler = (req, ctx) => ok(deletability(ctx.state, device(ctx.state, req.need('uuid'))));

const remove: Handler = (req, ctx) => {
  const found = device(ctx.state, req.need('uuid'));
  const { tag } = deletability(ctx.state, found);
  if (tag === 1) fail('设备已绑定，请先解绑');
  if (tag === 2) fail('设备已布控门禁点，请先移除');
  ctx.state.devices.delete(found.uuid);
  ctx.state.removeAuthorities((authority) => authority.deviceUuid === found.uuid);
  if (found.discoveryMethod === 1 && found.snCode !== undefined) {
    ctx.state.discovered.set(found.uuid, { uuid: found.uuid, snCode: found.snCode, deviceType: 2, deviceModel: found.deviceModel, discoveryMethod: 1, gmtCreate: ctx.now().getTime(), ...(found.ipAddress ? { ipAddress: found.ipAddress } : {}) });
  }
  return okText();
};

const list: Handler = (req, ctx) => {
  const name = req.str('name');
  const deviceType = req.int('deviceType');
  const items = [...ctx.state.devices.values()]
    .filter((found) => (name === undefined || found.name.includes(name)) && (deviceType === undefined || found.deviceType === deviceType))
    .map((found) => ({
      uuid: found.uuid,
      location: found.location,
      name: found.name,
      deviceType: found.deviceType,
      status: status(found),
      ipAddress: found.ipAddress,
      mac: found.mac,
      deviceMode: found.deviceMode ?? null,
      upgradeStatus: null,
      upgradeAction: 0,
      currentVersion: found.appVersion,
      ...(found.deviceType === 2 ? { checkFirm: 0 } : {}),
    }));
  return ok(page(items, req));
};

const queryReportDevice: Handler = (req, ctx) => {
  const snCode = req.str('snCode');
  const deviceType = req.int('deviceType');
  const discoveryMethod = req.int('discoveryMethod');
  const items = [...ctx.state.discovered.values()]
    .filter((found) => (snCode === undefined || found.snCode === snCode) && (deviceType === undefined || found.deviceType === deviceType) && (discoveryMethod === undefined || found.discoveryMethod === discoveryMethod))
    .sort((a, b) => b.gmtCreate - a.gmtCreate)
    .map((found) => ({ uuid: found.uuid, deviceType: found.deviceType, snCode: found.snCode, gmtCreate: String(found.gmtCreate), discoveryMethod: found.discoveryMethod }));
  return ok(page(items, req));
};

const listBygroup: Handler = (_req, ctx) => {
  const groups = ([1, 2, 3, 4] as const)
    .map((deviceType) => ({
      deviceType,
      deviceList: [...ctx.state.devices.values()].filter((found) => found.deviceType === deviceType).map((found) => ({ uuid: found.uuid, name: found.name })),
    }))
    .filter((group) => group.deviceList.length > 0);
  return ok(groups);
};

const queryDeviceInfo: Handler = (req, ctx) => {
  const found = device(ctx.state, req.need('uuid'));
  return ok({
    uuid: found.uuid,
    name: found.name,
    ipAddress: found.ipAddress,
    location: found.location,
    deviceType: found.deviceType,
    mac: found.mac,
    deviceMode: found.deviceMode,
    userName: found.userName,
    userPassword: found.userPassword,
    deviceModel: found.deviceModel,
    discoveryMethod: found.discoveryMethod,
    snCode: found.snCode,
    rtspUrl: found.rtspUrl,
    port: found.port,
  });
};

const brief = (found: DeviceRecord) => ({ uuid: found.uuid, name: found.name, deviceType: found.deviceType, status: status(found) });

const query: Handler = (req, ctx) => {
  const found = device(ctx.state, req.need('uuid'));
  const server = found.boundTo !== undefined ? ctx.state.devices.get(found.boundTo) : undefined;
  const panel = found.deviceType === 2;
  return ok({
    uuid: found.uuid,
    name: found.name,
    ipAddress: found.ipAddress,
    location: found.location,
    deviceType: found.deviceType,
    featureVersion: found.featureVersion,
    appVersion: found.appVersion,
    status: status(found),
    ...(panel ? { cpuUsage: 23.5, memoryUsage: 41.2, diskUsage: 12.8, cpuTemperature: 52.0, memoryValue: 2048, diskValue: 16384 } : {}),
    deviceMode: found.deviceMode,
    mac: found.mac,
    ...(server ? { bindAiServer: brief(server) } : {}),
    ...(found.deviceType === 3 ? { bindDevices: ctx.state.boundTo(found.uuid).map(brief) } : {}),
  });
};

const listEnbindGroup: Handler = (req, ctx) => {
  const server = edgeServer(ctx.state, req.need('uuid'));
  const candidates = [...ctx.state.devices.values()].filter((found) => found.deviceType !== 3 && (found.boundTo === undefined || found.boundTo === server.uuid));
  const groups = ([1, 2, 4] as const)
    .map((deviceType) => ({
      deviceType,
      deviceList: candidates.filter((found) => found.deviceType === deviceType).map((found) => ({ uuid: found.uuid, name: found.name, bindType: found.boundTo === server.uuid ? 1 : 0 })),
    }))
    .filter((group) => group.deviceList.length > 0);
  return ok(groups);
};

const bind: Handler = (req, ctx) => {
  const server = edgeServer(ctx.state, req.need('uuid'));
  const wanted = [...new Set(req.strings('deviceUuids') ?? [])].map((uuid) => endDevice(ctx.state, uuid));
  for (const found of wanted) if (found.boundTo !== undefined && found.boundTo !== server.uuid) throw new ApiFailure(ALREADY_BOUND, found.uuid);
  for (const found of ctx.state.boundTo(server.uuid)) if (!wanted.includes(found)) delete found.boundTo;
  for (const found of wanted) found.boundTo = server.uuid;
  return okText();
};

const unbind: Handler = (req, ctx) => {
  const server = edgeServer(ctx.state, req.need('uuid'));
  const found = device(ctx.state, req.need('unBindDeviceUuid'));
  if (found.boundTo !== server.uuid) throw new ApiFailure(DEVICE_NOT_BOUND, found.uuid);
  delete found.boundTo;
  return okText();
};

export const DEVICE_HANDLERS: Readonly<Record<string, Handler>> = {
  'device.add': add,
  'device.importDevice': importDevice,
  'device.update': update,
  'device.preDelete': preDelete,
  'device.delete': remove,
  'device.list': list,
  'device.queryReportDevice': queryReportDevice,
  'device.listBygroup': listBygroup,
  'device.queryDeviceInfo': queryDeviceInfo,
  'device.query': query,
  'device.listEnbindGroup': listEnbindGroup,
  'device.bind': bind,
  'device.unbind': unbind,
};
