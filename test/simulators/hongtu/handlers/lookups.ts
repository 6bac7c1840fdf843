import { ApiFailure, DEVICE_NOT_BOUND, DEVICE_NOT_FOUND, NOT_A_DOOR, PASS_PARAMETER } from '../codes.ts';
import type { DeviceRecord, SimState } from '../state.ts';

/** 103012 设备不存在. */
export function device(state: SimState, uuid: string): DeviceRecord {
  const found = state.devices.get(uuid);
  if (!found) throw new ApiFailure(DEVICE_NOT_FOUND, uuid);
  return found;
}

/** The edge (compute) server a binding names; 103005 when it is another kind of device. */
export function edgeServer(state: SimState, uuid: string): DeviceRecord {
  const found = device(state, uuid);
  if (found.deviceType !== 3) throw new ApiFailure(PASS_PARAMETER, '不是算力设备');
  return found;
}

/** An end device (camera, panel, IPC): what can be bound, added to a door, configured. */
export function endDevice(state: SimState, uuid: string): DeviceRecord {
  const found = device(state, uuid);
  if (found.deviceType === 3) throw new ApiFailure(PASS_PARAMETER, '智能服务器不是端设备');
  return found;
}

/** A camera works only through an edge server (103002 设备未绑定); panels compute on their own. */
export function requireUsable(found: DeviceRecord): void {
  if ((found.deviceType === 1 || found.deviceType === 4) && found.boundTo === undefined) throw new ApiFailure(DEVICE_NOT_BOUND, found.uuid);
}

/** A device in the access-control point list (104045 非门禁点设备！). */
export function doorDevice(state: SimState, uuid: string): DeviceRecord {
  const found = device(state, uuid);
  if (!found.isDoor) throw new ApiFailure(NOT_A_DOOR, uuid);
  return found;
}
