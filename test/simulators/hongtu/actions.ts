import { burst } from '../common/burst.ts';
import { ApiFailure, FACE_VERDICT_CODES } from './codes.ts';
import { sha256Of } from './handlers/uploads.ts';
import { HANDLERS } from './handlers/index.ts';
import { catalogEntry } from './catalog.ts';
import type { DeviceAlarmInput, DeviceAlarmRecord } from './device-alarms.ts';
import type { PassRecord } from './records.ts';
import { ApiRequest } from './request.ts';
import type { SimContext } from './request.ts';
import type { DiscoveredDevice } from './state.ts';
import { newUuid } from './state.ts';
import { walkThrough } from './walk.ts';
import type { WalkThrough } from './walk.ts';

/**
 * What tests, benchmarks and the demo do to the platform from outside the API: walk people
 * through devices, open doors, burst records at a push receiver, let panels report themselves,
 * and decide how uploadImage judges a face.
 */
export class SiteActions {
  private readonly ctx: SimContext;

  constructor(ctx: SimContext) {
    this.ctx = ctx;
  }

  /** A person (or stranger) at a device: the record, pushed to subscribers (see walk.ts). */
  emitPassRecord(input: WalkThrough = {}): PassRecord {
    const record = walkThrough(this.ctx.state, this.ctx.records, input, this.ctx.now().getTime());
    this.ctx.publish(record);
    return record;
  }

  /** A device raises (alarmStatus 1, default) or clears (0) an alarm: the record deviceAlarm.list then lists. */
  emitDeviceAlarm(input: DeviceAlarmInput): DeviceAlarmRecord {
    return this.ctx.deviceAlarms.append(this.ctx.state, input, this.ctx.now().getTime());
  }

  /**
   * Exactly what `door.openDoor` does, faults included: the new record, or undefined when the
   * suppress-door-events fault swallowed it; an ApiFailure for what the API would refuse.
   */
  openDoor(deviceUuid: string): PassRecord | undefined {
    const before = this.ctx.records.all().length;
    const entry = catalogEntry('door.openDoor');
    const result = HANDLERS.get(entry.id)?.(new ApiRequest(entry, '', { uuid: deviceUuid }, new URLSearchParams()), this.ctx);
    if (result && result.code !== 0) throw new ApiFailure(result.code);
    return this.ctx.records.all().length > before ? this.ctx.records.all().at(-1) : undefined;
  }

  /**
   * `count` records, each with its own id, at about `ratePerSecond` (all at once when omitted),
   * pushed as they are made. Resolves when the last one is made; `pushes.idle()` waits for delivery.
   */
  pushBurst(count: number, ratePerSecond?: number, input: WalkThrough = {}): Promise<PassRecord[]> {
    return burst(count, ratePerSecond, () => this.emitPassRecord(input));
  }

  /** A panel that reports itself to the platform (device.queryReportDevice lists it until imported). */
  reportDevice(input: { snCode: string; deviceModel?: number | undefined }): DiscoveredDevice {
    const { state } = this.ctx;
    if (state.deviceBySn(input.snCode) || [...state.discovered.values()].some((found) => found.snCode === input.snCode)) throw new Error(`snCode ${input.snCode} is known already`);
    const found: DiscoveredDevice = { uuid: newUuid(), snCode: input.snCode, deviceType: 2, deviceModel: input.deviceModel ?? 40, discoveryMethod: 1, gmtCreate: this.ctx.now().getTime() };
    state.discovered.set(found.uuid, found);
    return found;
  }

  /** uploadImage answers `code` (121031–121034, 121043) for this image from now on; returns its sha256. */
  setFaceVerdict(image: { bytes?: Buffer; sha256?: string }, code: number): string {
    if (!FACE_VERDICT_CODES.has(code)) throw new Error(`setFaceVerdict: ${code} is not one of ${[...FACE_VERDICT_CODES].join(', ')}`);
    const sha256 = image.sha256 ?? (image.bytes ? sha256Of(image.bytes) : undefined);
    if (!sha256) throw new Error('setFaceVerdict: give the image bytes or their sha256');
    this.ctx.state.faceVerdicts.set(sha256, code);
    return sha256;
  }
}
