import { ApiFailure } from '../codes.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { DoorRecord, FloorRecord } from '../state.ts';
import { doorStateView } from '../views.ts';
import { readTimestamp } from './filters.ts';
import { reachableDevice, readInterval, recordRemoteOpen } from './remote-control.ts';

/** Doors (2.12) and elevator floors (2.13). A remote open holds the relay open for `interval` s. */

const doorView = (door: DoorRecord) => ({ id: door.id, name: door.name, deviceId: door.deviceId });
const floorView = (floor: FloorRecord) => ({ id: floor.id, floorNo: floor.floorNo, name: floor.name, deviceId: floor.deviceId });

function doorById(req: ApiRequest, ctx: SimContext, name = 'doorId'): DoorRecord {
  const door = ctx.state.doorById(req.require(name, -44));
  if (!door) throw new ApiFailure(-47);
  return door;
}

function doorByName(req: ApiRequest, ctx: SimContext): DoorRecord {
  const door = ctx.state.doorByName(req.require('doorName', -46));
  if (!door) throw new ApiFailure(-47);
  return door;
}

function open(req: ApiRequest, ctx: SimContext, door: DoorRecord) {
  const seconds = readInterval(req);
  const device = reachableDevice(ctx, door.deviceId);
  const now = ctx.now().getTime();
  door.relayOpenUntil = now + seconds * 1000;
  const area = ctx.state.areaOf(device);
  const inReader = ctx.state.readers.find((reader) => reader.doorId === door.id && reader.readerState === 0);
  recordRemoteOpen(ctx, req.entry.id, {
    stream: 'acc',
    areaName: area?.name ?? '',
    devSn: device.sn,
    devName: device.name,
    eventPointName: door.name,
    readerName: '',
    doorName: door.name,
    doorNumber: door.doorNo,
    readerState: inReader?.readerState ?? 0,
    gateType: null,
  });
  return ok();
}

function close(ctx: SimContext, door: DoorRecord) {
  reachableDevice(ctx, door.deviceId);
  door.relayOpenUntil = 0;
  return ok();
}

function floorById(req: ApiRequest, ctx: SimContext): FloorRecord {
  const floor = ctx.state.floors.find((candidate) => candidate.id === req.require('floorId', -201));
  // No appendix code for an unknown floor; the nearest is "Floor Id is required".
  if (!floor) throw new ApiFailure(-201);
  return floor;
}

export const DOOR_HANDLERS: Record<string, Handler> = {
  'door.list': (req, ctx) => ok(pageItems(ctx.state.doors, req.paging()).map(doorView)),
  'door.list.v2': (req, ctx) => ok(pagedObject(ctx.state.doors.map(doorView), req.paging())),
  'door.get': (req, ctx) => ok(doorView(doorById(req, ctx, 'id'))),
  'door.allDoorState': (req, ctx) => {
    readTimestamp(req);
    const now = ctx.now().getTime();
    return ok(ctx.state.doors.map((door) => doorStateView(ctx.state, door, now)));
  },
  'door.doorStateById': (req, ctx) => {
    readTimestamp(req);
    return ok(doorStateView(ctx.state, doorById(req, ctx), ctx.now().getTime()));
  },
  // 2.12.3 documents one DoorState object, though a device has several doors: the first door's.
  'door.doorStateBySn': (req, ctx) => {
    readTimestamp(req);
    const device = ctx.state.deviceBySn(req.require('deviceSn', -48), 'acc');
    if (!device) throw new ApiFailure(-102);
    const door = ctx.state.doors.filter((candidate) => candidate.deviceId === device.id).sort((a, b) => a.doorNo - b.doorNo)[0];
    if (!door) throw new ApiFailure(-47);
    return ok(doorStateView(ctx.state, door, ctx.now().getTime()));
  },
  'door.remoteOpenById': (req, ctx) => open(req, ctx, doorById(req, ctx)),
  'door.remoteOpenByName': (req, ctx) => open(req, ctx, doorByName(req, ctx)),
  'door.remoteCloseById': (req, ctx) => close(ctx, doorById(req, ctx)),
  'door.remoteCloseByName': (req, ctx) => close(ctx, doorByName(req, ctx)),

  'floor.list': (req, ctx) => ok(pageItems(ctx.state.floors, req.paging()).map(floorView)),
  'floor.list.v2': (req, ctx) => ok(pagedObject(ctx.state.floors.map(floorView), req.paging())),
  'floor.remoteOpenById': (req, ctx) => {
    const floor = floorById(req, ctx);
    const seconds = readInterval(req);
    const device = reachableDevice(ctx, floor.deviceId);
    floor.releasedUntil = ctx.now().getTime() + seconds * 1000;
    recordRemoteOpen(ctx, req.entry.id, {
      stream: 'ele',
      areaName: ctx.state.areaOf(device)?.name ?? '',
      devSn: device.sn,
      devName: device.name,
      eventPointName: floor.name,
      readerName: '',
      doorName: floor.name,
      doorNumber: floor.floorNo,
      readerState: 0,
      gateType: null,
    });
    return ok();
  },
  'floor.remoteCloseById': (req, ctx) => {
    const floor = floorById(req, ctx);
    reachableDevice(ctx, floor.deviceId);
    floor.releasedUntil = 0;
    return ok();
  },
};
