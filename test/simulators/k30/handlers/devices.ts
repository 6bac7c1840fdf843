import { isIPv4 } from 'node:net';
import { ApiFailure, ok } from '../reply.ts';
import { codeField, contains, same } from '../request.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { DeviceRecord } from '../state.ts';

/**
 * 设备管理 (device.list / status / update / openDoor / setLongOpen). In K30 a device (a face
 * terminal or controller) is the door. `outintype`, `isenableattend`, `onlinestatus` are Int in
 * the tables and go out as JSON numbers (the examples also show `onlinestatus: "0"`, E23).
 *
 * device.update follows its section: optional fields change only when given (填就更新); the
 * `regionname` must match a region's name exactly (需完整匹配); the IP "can only be set on the
 * device", so the device keeps the address it reports — `ip` is required and checked as an IPv4
 * address, but not stored.
 *
 * The simulator's choices: an offline device refuses OpenDoor and SetLongOpenByDevice with
 * `设备离线` (the command cannot reach it; visitor.delete's note says the same of deletes); a
 * remote open appends a pass record (mode 11 远程开门, group 0, no person) unless the
 * `suppress-door-events` fault eats it; the hold mode is kept (there is no API value back to
 * normal, E37). list: `deviceno` and `ip` exact, `devicename` fuzzy.
 */
function deviceView(device: DeviceRecord, ctx: SimContext) {
  return {
    no: device.no,
    name: device.name,
    ip: device.ip,
    area: device.area,
    regionname: ctx.state.regionName(device.regionno),
    outintype: device.outintype,
    isenableattend: device.isenableattend,
    onlinestatus: device.online ? 1 : 0,
  };
}

function existing(req: ApiRequest, ctx: SimContext, name: 'deviceno' | 'no'): DeviceRecord {
  const no = req.need(name);
  const device = ctx.state.devices.get(no);
  if (!device) throw new ApiFailure(`设备不存在(${name}: ${no})`);
  return device;
}

function online(device: DeviceRecord): DeviceRecord {
  if (!device.online) throw new ApiFailure(`设备离线(deviceno: ${device.no})`);
  return device;
}

const list: Handler = (req, ctx) => {
  const filter = { no: req.text('deviceno'), name: req.text('devicename'), ip: req.text('ip') };
  const items = [...ctx.state.devices.values()]
    .filter((device) => same(device.no, filter.no) && contains(device.name, filter.name) && same(device.ip, filter.ip))
    .map((device) => deviceView(device, ctx));
  return ok(req.entry, req.page(items));
};

const status: Handler = (req, ctx) => ok(req.entry, deviceView(existing(req, ctx, 'deviceno'), ctx));

const update: Handler = (req, ctx) => {
  const device = existing(req, ctx, 'no');
  const ip = req.need('ip');
  if (!isIPv4(ip)) throw new ApiFailure(`ip格式错误(ip: ${ip})`);
  const regionname = req.text('regionname');
  const region = regionname === undefined ? undefined : [...ctx.state.regions.values()].find((candidate) => candidate.name === regionname);
  if (regionname !== undefined && !region) throw new ApiFailure(`区域不存在(regionname: ${regionname})`);
  const outintype = codeField(req, 'outintype', ['0', '1']);
  const attend = codeField(req, 'isenableattend', ['0', '1']);
  device.name = req.need('name');
  device.area = req.text('area') ?? device.area;
  if (region) device.regionno = region.no;
  if (outintype !== undefined) device.outintype = outintype === '1' ? 1 : 0;
  if (attend !== undefined) device.isenableattend = attend === '1' ? 1 : 0;
  return ok(req.entry);
};

const openDoor: Handler = (req, ctx) => {
  const device = online(existing(req, ctx, 'deviceno'));
  if (!ctx.faults.take('suppress-door-events', req.entry.id)) {
    ctx.addRecord({ deviceno: device.no, peopleno: '', peoplename: '', jobnumber: '', deptno: '', iccard: '', group: 0, mode: 11, outintype: device.outintype, exceptionmode: 1 });
  }
  return ok(req.entry);
};

const setLongOpen: Handler = (req, ctx) => {
  const device = existing(req, ctx, 'deviceno');
  const mode = codeField(req, 'mode', ['1', '2']);
  online(device).holdMode = mode === '2' ? 2 : 1;
  return ok(req.entry);
};

export const DEVICE_HANDLERS: Readonly<Record<string, Handler>> = {
  'device.list': list,
  'device.status': status,
  'device.update': update,
  'device.openDoor': openDoor,
  'device.setLongOpen': setLongOpen,
};
