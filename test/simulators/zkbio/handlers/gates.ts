import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import type { GateReaderRecord, GateRecord } from '../state.ts';
import { gateStateView } from '../views.ts';
import { reachableDevice, recordRemoteOpen } from './remote-control.ts';

/**
 * Entrance-control gates (2.32) and gate readers (2.34). A remote open has no `interval`; the lane
 * stays open for GATE_OPEN_MS. `openType` (1 entry, 2 exit) missing is -265, anything else -266.
 * An unknown gate has no appendix code: -1.
 */
const GATE_OPEN_MS = 5_000;

const gateView = (gate: GateRecord) => ({ id: gate.id, name: gate.name, deviceId: gate.deviceId });
const gateReaderView = (reader: GateReaderRecord) => ({
  id: reader.id,
  gateId: reader.gateId,
  name: reader.name,
  readerNo: reader.readerNo,
  readerState: reader.readerState,
});

function openGate(req: ApiRequest, ctx: SimContext, gate: GateRecord | undefined) {
  if (!gate) throw new ApiFailure(PROGRAM_ERROR);
  const openType = req.require('openType', -265);
  if (openType !== '1' && openType !== '2') throw new ApiFailure(-266);
  const device = reachableDevice(ctx, gate.deviceId);
  gate.openUntil = ctx.now().getTime() + GATE_OPEN_MS;
  gate.openType = Number(openType);
  const reader = ctx.state.gateReaders.find((candidate) => candidate.gateId === gate.id && candidate.readerState === (openType === '1' ? 0 : 1));
  recordRemoteOpen(ctx, req.entry.id, {
    stream: 'psg',
    areaName: ctx.state.areaOf(device)?.name ?? '',
    devSn: device.sn,
    devName: device.name,
    eventPointName: gate.name,
    readerName: reader?.name ?? '',
    doorName: gate.name,
    doorNumber: 1,
    readerState: reader?.readerState ?? 0,
    gateType: device.gateType ?? 0,
  });
  return ok();
}

function states(ctx: SimContext, gates: readonly GateRecord[]) {
  const now = ctx.now().getTime();
  return ok(gates.map((gate) => gateStateView(ctx.state, gate, now)));
}

export const GATE_HANDLERS: Record<string, Handler> = {
  'psgGate.list': (req, ctx) => ok(pageItems(ctx.state.gates, req.paging()).map(gateView)),
  'psgGate.list.v2': (req, ctx) => ok(pagedObject(ctx.state.gates.map(gateView), req.paging())),
  'psgGate.getById': (req, ctx) => {
    const gate = ctx.state.gates.find((candidate) => candidate.id === req.require('id', PROGRAM_ERROR));
    return ok(gate ? gateView(gate) : null);
  },
  'psgGate.allGateState': (_req, ctx) => states(ctx, ctx.state.gates),
  'psgGate.gateStateById': (req, ctx) => {
    const id = req.require('gateId', PROGRAM_ERROR);
    return states(ctx, ctx.state.gates.filter((gate) => gate.id === id));
  },
  'psgGate.gateStateBySn': (req, ctx) => {
    const device = ctx.state.deviceBySn(req.require('deviceSn', -48), 'psg');
    if (!device) throw new ApiFailure(-102);
    return states(ctx, ctx.state.gates.filter((gate) => gate.deviceId === device.id));
  },
  'psgGate.remoteOpenById': (req, ctx) => openGate(req, ctx, ctx.state.gates.find((gate) => gate.id === req.require('gateId'))),
  'psgGate.remoteOpenByName': (req, ctx) => openGate(req, ctx, ctx.state.gates.find((gate) => gate.name === req.require('gateName'))),

  'psgReader.list': (req, ctx) => ok(pageItems(ctx.state.gateReaders, req.paging()).map(gateReaderView)),
  'psgReader.list.v2': (req, ctx) => ok(pagedObject(ctx.state.gateReaders.map(gateReaderView), req.paging())),
  'psgReader.getById': (req, ctx) => {
    const reader = ctx.state.gateReaders.find((candidate) => candidate.id === req.require('id', -263));
    if (!reader) throw new ApiFailure(-264);
    return ok(gateReaderView(reader));
  },
};
