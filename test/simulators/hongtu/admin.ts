import { z } from 'zod';
import { faultAndCounterRoutes, handleAdmin as handleAdminRoutes } from '../common/admin.ts';
import type { AdminRoutes } from '../common/admin.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { RequestCounters } from '../common/counters.ts';
import type { DeviceAlarmInput, DeviceAlarmLog, DeviceAlarmRecord } from './device-alarms.ts';
import { DeviceAlarmSchema } from './device-alarms.ts';
import type { Faults } from './faults.ts';
import type { PushDispatcher } from './push.ts';
import type { PassRecord, RecordLog } from './records.ts';
import type { DiscoveredDevice, SimState } from './state.ts';
import type { WalkThrough } from './walk.ts';
import { WalkThroughSchema } from './walk.ts';

export { isAdminPath } from '../common/admin.ts';

/**
 * The simulator's own routes (common/admin.ts: faults and counters; never signed), with
 * `Authorization: Bearer <adminToken>` (the `adminToken` option; by default the secretKey of the
 * first key pair, so whoever may sign may also steer), and Hongtu's:
 *
 *   GET    /__sim/state            everything (images as size + sha256), records, faults, counters, push stats
 *   POST   /__sim/pass-records     a walk-through (walk.ts) → the record, pushed to subscribers
 *   POST   /__sim/device-alarms    {alarmType, alarmStatus?, deviceUuid?, at?} → the device alarm record (deviceAlarm.list lists it)
 *   POST   /__sim/open-door        {deviceUuid} → the remote-open record, as door.openDoor makes it
 *   POST   /__sim/push-burst       {count, ratePerSecond?, deviceUuid?, personUuid?} → {count}; runs in the background
 *   GET    /__sim/pushes[?limit=N] {stats, log: the last N attempts (default 100)}; DELETE clears the log
 *   POST   /__sim/devices          {uuid, online} → the device
 *   POST   /__sim/discovered       {snCode, deviceModel?} → a panel that reports itself (queryReportDevice lists it)
 *   POST   /__sim/faces            {sha256 | imageBase64, code} → {sha256}: uploadImage answers `code` for that image
 */
export interface AdminTarget {
  readonly adminToken: string;
  readonly state: SimState;
  readonly records: RecordLog;
  readonly deviceAlarms: DeviceAlarmLog;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  /** The push delivery log and queue. */
  readonly pushes: PushDispatcher;
  /** As `door.openDoor`: the record (pushed), undefined when suppressed; throws ApiFailure as the API would refuse. */
  openDoor(deviceUuid: string): PassRecord | undefined;
  /** A person (or stranger) at a device (walk.ts): the record, pushed. */
  emitPassRecord(input?: WalkThrough): PassRecord;
  /** A device alarm raised (alarmStatus 1, default) or cleared (0): the record deviceAlarm.list lists. */
  emitDeviceAlarm(input: DeviceAlarmInput): DeviceAlarmRecord;
  /** `count` records with unique ids at about `ratePerSecond`, pushed as made. */
  pushBurst(count: number, ratePerSecond?: number, input?: WalkThrough): Promise<PassRecord[]>;
  /** A panel reports itself (device.queryReportDevice lists it). */
  reportDevice(input: { snCode: string; deviceModel?: number | undefined }): DiscoveredDevice;
  /** uploadImage answers `code` (121031–121034, 121043) for this image; returns its sha256. */
  setFaceVerdict(image: { bytes?: Buffer | undefined; sha256?: string | undefined }, code: number): string;
}

const BurstSchema = z.strictObject({
  count: z.number().int().positive().max(1_000_000),
  ratePerSecond: z.number().positive().optional(),
  deviceUuid: z.string().optional(),
  personUuid: z.string().optional(),
});
const DeviceChangeSchema = z.strictObject({ uuid: z.string(), online: z.boolean() });
const ReportSchema = z.strictObject({ snCode: z.string().min(1), deviceModel: z.number().int().optional() });
const FaceVerdictSchema = z.strictObject({ sha256: z.string().optional(), imageBase64: z.string().optional(), code: z.number().int() });

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  return handleAdminRoutes(target.adminToken, routes(target), method, url, authorization, raw);
}

function routes(target: AdminTarget): AdminRoutes {
  return {
    'GET /__sim/state': () =>
      jsonAnswer({
        ...target.state.snapshot(),
        records: target.records.all(),
        deviceAlarms: target.deviceAlarms.all(),
        faults: target.faults.list(),
        counters: target.counters.snapshot(),
        pushes: target.pushes.stats(),
      }),
    ...faultAndCounterRoutes(target.faults, target.counters),
    'POST /__sim/pass-records': ({ body }) => jsonAnswer(target.emitPassRecord(WalkThroughSchema.parse(body()))),
    'POST /__sim/device-alarms': ({ body }) => jsonAnswer(target.emitDeviceAlarm(DeviceAlarmSchema.parse(body()))),
    'POST /__sim/open-door': ({ body }) => {
      const { deviceUuid } = z.strictObject({ deviceUuid: z.string() }).parse(body());
      return jsonAnswer(target.openDoor(deviceUuid) ?? null);
    },
    'POST /__sim/push-burst': ({ body }) => {
      const { count, ratePerSecond, ...input } = BurstSchema.parse(body());
      target.pushBurst(count, ratePerSecond, input).catch((error: unknown) => console.error('hongtu simulator: push burst failed', error));
      return jsonAnswer({ count });
    },
    'GET /__sim/pushes': ({ url }) => {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return jsonAnswer({ stats: target.pushes.stats(), log: target.pushes.log.slice(-Math.max(0, limit)) });
    },
    'DELETE /__sim/pushes': () => {
      target.pushes.clearLog();
      return jsonAnswer({ cleared: 'all' });
    },
    'POST /__sim/devices': ({ body }) => {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.devices.get(change.uuid);
      if (!device) return jsonAnswer({ error: `no device ${change.uuid}` }, 404);
      device.online = change.online;
      return jsonAnswer(device);
    },
    'POST /__sim/discovered': ({ body }) => jsonAnswer(target.reportDevice(ReportSchema.parse(body()))),
    'POST /__sim/faces': ({ body }) => {
      const verdict = FaceVerdictSchema.parse(body());
      const image = verdict.imageBase64 !== undefined ? { bytes: Buffer.from(verdict.imageBase64, 'base64') } : verdict.sha256 !== undefined ? { sha256: verdict.sha256 } : {};
      return jsonAnswer({ sha256: target.setFaceVerdict(image, verdict.code) });
    },
  };
}
