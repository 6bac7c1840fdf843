import { ApiFailure } from '../codes.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { DeviceModule, ReaderRecord } from '../state.ts';
import { deviceView } from '../views.ts';

/** Access (2.10), elevator (2.11), attendance (2.23), FaceKiosk (2.30) and entrance-control (2.31) devices; access readers (2.15). */

function list(module: DeviceModule, key: 'state' | 'status'): Handler {
  return (req, ctx) => ok(pageItems(ctx.state.devicesOf(module), req.paging()).map((device) => deviceView(device, key)));
}

function paged(module: DeviceModule): Handler {
  return (req, ctx) => ok(pagedObject(ctx.state.devicesOf(module).map((device) => deviceView(device, 'status')), req.paging()));
}

/** By `sn`: -48 when missing, -102 "Device does not exist" when unknown. */
function bySn(module: DeviceModule, key: 'state' | 'status'): Handler {
  return (req, ctx) => {
    const device = ctx.state.deviceBySn(req.require('sn', -48), module);
    if (!device) throw new ApiFailure(-102);
    return ok(deviceView(device, key));
  };
}

const readerView = (reader: ReaderRecord) => ({
  id: reader.id,
  doorId: reader.doorId,
  name: reader.name,
  readerNo: reader.readerNo,
  readerState: reader.readerState,
});

function readerById(req: ApiRequest, ctx: SimContext): ReaderRecord {
  const reader = ctx.state.readers.find((candidate) => candidate.id === req.require('id', -263));
  if (!reader) throw new ApiFailure(-264);
  return reader;
}

export const DEVICE_HANDLERS: Record<string, Handler> = {
  'device.accList': list('acc', 'state'),
  'device.getAcc': bySn('acc', 'state'),
  'device.list.v2': paged('acc'),
  'eleDevice.eleList': list('ele', 'state'),
  'eleDevice.getEle': bySn('ele', 'state'),
  'eleDevice.eleList.v2': paged('ele'),
  'device.getAtt': bySn('att', 'status'),
  'device.attAdDeviceList': list('ins', 'status'),
  'device.attAdDeviceList.v2': paged('ins'),
  'psgDevice.list': list('psg', 'state'),
  'psgDevice.getBySn': bySn('psg', 'state'),
  'psgDevice.list.v2': paged('psg'),

  'reader.accList': (req, ctx) => ok(pageItems(ctx.state.readers, req.paging()).map(readerView)),
  'reader.list.v2': (req, ctx) => ok(pagedObject(ctx.state.readers.map(readerView), req.paging())),
  'reader.getAcc': (req, ctx) => ok(readerView(readerById(req, ctx))),
};
