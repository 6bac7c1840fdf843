import { ApiFailure } from '../codes.ts';
import type { TransactionInput } from '../events.ts';
import type { ApiRequest, SimContext } from '../request.ts';
import type { DeviceRecord } from '../state.ts';

/**
 * Remote open/close shared by doors (2.12.6–2.12.9), floors (2.13.2/2.13.3) and gates (2.32.7/2.32.8).
 *
 * `interval` (seconds): missing or empty -202 "The door opening time is required", zero or negative
 * -203 "… needs to be greater than 0", above 254 or not a whole number -45 "Door open duration
 * between 1~254 seconds." (§5.7).
 */
export function readInterval(req: ApiRequest): number {
  const text = req.require('interval', -202).trim();
  if (!/^[-+]?\d+$/.test(text)) throw new ApiFailure(-45);
  const seconds = Number(text);
  if (seconds <= 0) throw new ApiFailure(-203);
  if (seconds > 254) throw new ApiFailure(-45);
  return seconds;
}

/** -102 unknown device, -103 "Device is offline or disabled". */
export function reachableDevice(ctx: SimContext, deviceId: string): DeviceRecord {
  const device = ctx.state.deviceById(deviceId);
  if (!device) throw new ApiFailure(-102);
  if (!device.enabled || !device.online) throw new ApiFailure(-103);
  return device;
}

/**
 * The record a remote open leaves: eventNo 8 "remote opening" (the document's own wording, §6.6
 * and the 2.19.13 example), no person, verification "Other". Unless a `suppress-door-events` fault
 * swallows it — then the open still succeeds.
 */
export function recordRemoteOpen(ctx: SimContext, endpointId: string, event: Omit<TransactionInput, 'eventNo' | 'eventName' | 'eventLevel' | 'pin' | 'name' | 'lastName' | 'deptName' | 'cardNo' | 'verifyModeName' | 'capturePhotoBase64' | 'accZone'>): void {
  if (ctx.faults.take('suppress-door-events', endpointId)) return;
  ctx.events.append({
    ...event,
    eventNo: 8,
    eventName: 'remote opening',
    eventLevel: 0,
    pin: '',
    name: '',
    lastName: '',
    deptName: '',
    cardNo: '',
    verifyModeName: 'Other',
    capturePhotoBase64: '',
    accZone: null,
  });
}
