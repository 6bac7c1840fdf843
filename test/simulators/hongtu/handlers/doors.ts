import { AIOT_EXCEPTION, ApiFailure, DEVICE_NOT_BOUND, PASS_PARAMETER } from '../codes.ts';
import { CONFIG_SECTIONS } from '../door-config.ts';
import { REMOTE_OPEN } from '../records.ts';
import { ok, okText } from '../reply.ts';
import type { Handler, JsonObject } from '../request.ts';
import { isObject, page } from '../request.ts';
import type { DeviceRecord, SimState } from '../state.ts';
import { device, doorDevice, endDevice, requireUsable } from './lookups.ts';

/**
 * 门禁点管理 (hongtu.md §6). door.add is a diff of two required lists (§10 E31); the candidates are
 * end devices a door can use — panels, and cameras bound to an edge server (others 103002) — and
 * `door.list` with passModel=true lists them all with `isPass`, passModel=false only the doors.
 * Removing a door drops its pass authorities.
 *
 * door.openDoor: a door device (104045 otherwise) that is usable (103002) and online — an offline
 * device is 100011 AIOT Exception (the document gives no code; the platform reaches devices through
 * its AIoT service). Success makes a pass record — verificationMode 4 远程开门, passType 1, no
 * person — that pass_record/list shows and subscribers are pushed, unless the
 * `suppress-door-events` fault is set.
 */
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function eligible(found: DeviceRecord): boolean {
  return found.deviceType === 2 || ((found.deviceType === 1 || found.deviceType === 4) && found.boundTo !== undefined);
}

function removeDoor(state: SimState, found: DeviceRecord): void {
  found.isDoor = false;
  delete found.switchIp;
  state.removeAuthorities((authority) => authority.deviceUuid === found.uuid);
}

const add: Handler = (req, ctx) => {
  const adding = (req.strings('addDeviceUuids') ?? []).map((uuid) => endDevice(ctx.state, uuid));
  const removing = (req.strings('removeDeviceUuids') ?? []).map((uuid) => device(ctx.state, uuid));
  for (const found of adding) requireUsable(found);
  for (const found of removing) removeDoor(ctx.state, found);
  for (const found of adding) found.isDoor = true;
  return okText();
};

const list: Handler = (req, ctx) => {
  const passModel = req.bool('passModel') === true;
  const location = req.str('location');
  const name = req.str('name');
  const deviceType = req.int('deviceType');
  const deviceModel = req.int('deviceModel');
  const items = [...ctx.state.devices.values()]
    .filter(
      (found) =>
        (passModel ? eligible(found) : found.isDoor) &&
        (location === undefined || found.location.includes(location)) &&
        (name === undefined || found.name.includes(name)) &&
        (deviceType === undefined || found.deviceType === deviceType) &&
        (deviceModel === undefined || found.deviceModel === deviceModel),
    )
    .map((found) => ({
      uuid: found.uuid,
      location: found.location,
      name: found.name,
      deviceType: found.deviceType,
      deviceModel: found.deviceModel,
      status: found.online ? 3 : 4,
      switchIp: found.switchIp,
      isPass: found.isDoor ? 1 : 0,
    }));
  return ok(page(items, req));
};

const remove: Handler = (req, ctx) => {
  removeDoor(ctx.state, doorDevice(ctx.state, req.need('uuid')));
  return okText();
};

const bindSwitch: Handler = (req, ctx) => {
  const found = doorDevice(ctx.state, req.need('uuid'));
  const switchIp = req.str('switchIp');
  if (switchIp === undefined) delete found.switchIp;
  else if (!IPV4.test(switchIp)) throw new ApiFailure(PASS_PARAMETER, '开关IP格式错误');
  else found.switchIp = switchIp;
  return okText();
};

const openDoor: Handler = (req, ctx) => {
  const found = doorDevice(ctx.state, req.need('uuid'));
  requireUsable(found);
  if (!found.online) throw new ApiFailure(AIOT_EXCEPTION, '设备离线');
  if (ctx.faults.take('suppress-door-events', req.entry.id)) return okText();
  const record = ctx.records.append(ctx.state, { device: found, at: ctx.now().getTime(), verificationMode: REMOTE_OPEN, passType: 1 });
  ctx.publish(record);
  return okText();
};

const queryBindType: Handler = (req, ctx) => {
  const found = endDevice(ctx.state, req.need('uuid'));
  if (found.deviceType === 2) return ok({ bindType: 3 });
  if (found.boundTo === undefined) throw new ApiFailure(DEVICE_NOT_BOUND, found.uuid);
  return ok({ bindType: 1 });
};

const queryB3rInBind: Handler = (req, ctx) => {
  const found = endDevice(ctx.state, req.need('uuid'));
  if (found.boundTo === undefined) throw new ApiFailure(DEVICE_NOT_BOUND, found.uuid);
  const peers = ctx.state
    .boundTo(found.boundTo)
    .filter((peer) => peer !== found)
    .map((peer) => ({ uuid: peer.uuid, location: peer.location, name: peer.name, deviceType: peer.deviceType, deviceModel: peer.deviceModel, deviceMode: peer.deviceMode }));
  return ok(page(peers, req));
};

/** Every person synced: no failures to list. */
const noFailures: Handler = (req, ctx) => {
  endDevice(ctx.state, req.need('uuid'));
  return ok(page([], req));
};

const queryConfig: Handler = (req, ctx) => {
  const found = endDevice(ctx.state, req.need('uuid'));
  return ok({ uuid: found.uuid, ...structuredClone(found.config) });
};

const RANGES: readonly [string, string, number, number][] = [
  ['customConfig', 'verificationMode', 0, 3],
  ['customConfig', 'openTimeOut', 0, 255],
  ['customConfig', 'openDuration', 0.1, 60],
  ['customConfig', 'standByTime', 0, 30],
  ['customConfig', 'recognitionTimes', 0, 500],
  ['algorithmConfig', 'recognitionThreshold', 0, 100],
  ['algorithmConfig', 'livenessThreshold', 0, 100],
  ['algorithmConfig', 'livenessModel', 0, 2],
  ['temperatureConfig', 'highThreshold', 36.5, 38.5],
];

/** Writes the given fields into the device's sections; out-of-range values are 103005. */
const config: Handler = (req, ctx) => {
  const found = endDevice(ctx.state, req.need('uuid'));
  for (const [section, field, min, max] of RANGES) {
    const holder = req.body[section];
    const value = isObject(holder) ? holder[field] : undefined;
    if (value !== undefined && value !== null && !(Number(value) >= min && Number(value) <= max)) throw new ApiFailure(PASS_PARAMETER, `${section}.${field}取值范围${min}-${max}`);
  }
  for (const section of CONFIG_SECTIONS) {
    const given = req.body[section];
    if (isObject(given)) Object.assign(found.config[section], structuredClone(given) as JsonObject);
  }
  return okText();
};

export const DOOR_HANDLERS: Readonly<Record<string, Handler>> = {
  'door.add': add,
  'door.list': list,
  'door.remove': remove,
  'door.bindSwitch': bindSwitch,
  'door.openDoor': openDoor,
  'door.queryBindType': queryBindType,
  'door.queryB3rInBind': queryB3rInBind,
  'door.syncDetail': noFailures,
  'door.queryFeatureFailList': noFailures,
  'door.queryConfig': queryConfig,
  'door.config': config,
};
