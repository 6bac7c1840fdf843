import { z } from 'zod';
import { hasAdminToken } from './auth.ts';
import type { RequestCounters } from '../zkbio/counters.ts';
import { FaultSpecSchema } from './faults.ts';
import type { Faults } from './faults.ts';
import type { PushDispatcher } from './push.ts';
import type { PassRecord, RecordLog } from './records.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { DiscoveredDevice, SimState } from './state.ts';
import { WalkThroughSchema } from './walk.ts';
import type { WalkThrough } from './walk.ts';

/**
 * The simulator's own routes — not part of the vendor API, never signed, faulted or counted.
 * Every one needs `Authorization: Bearer <adminToken>` (the `adminToken` option; by default the
 * secretKey of the first key pair, so whoever may sign may also steer); 401 otherwise.
 *
 *   GET    /__sim/state            everything (images as size + sha256), records, faults, counters, push stats
 *   GET    /__sim/faults           the fault rules
 *   POST   /__sim/faults           {kind, endpoint?, count?, ms?, status?, shape?} → {id}
 *   DELETE /__sim/faults[?id=N]    clear one rule or all
 *   GET    /__sim/counters         requests per endpoint id; DELETE resets them
 *   POST   /__sim/pass-records     a walk-through (walk.ts) → the record, pushed to subscribers
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
  readonly faults: Faults;
  readonly counters: RequestCounters;
  readonly pushes: PushDispatcher;
  emitPassRecord(input: WalkThrough): PassRecord;
  openDoor(deviceUuid: string): PassRecord | undefined;
  pushBurst(count: number, ratePerSecond?: number, input?: WalkThrough): Promise<PassRecord[]>;
  reportDevice(input: { snCode: string; deviceModel?: number }): DiscoveredDevice;
  setFaceVerdict(image: { bytes?: Buffer; sha256?: string }, code: number): string;
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

export function isAdminPath(path: string): boolean {
  return path === '/__sim' || path.startsWith('/__sim/');
}

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  if (!hasAdminToken(authorization, target.adminToken)) return jsonAnswer({ error: 'unauthorized' }, 401);
  try {
    return route(target, method, url, raw);
  } catch (error) {
    return jsonAnswer({ error: error instanceof Error ? error.message : String(error) }, 400);
  }
}

function route(target: AdminTarget, method: string, url: URL, raw: Buffer): HttpAnswer {
  const body = (): unknown => (raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {});
  const key = `${method} ${url.pathname}`;
  switch (key) {
    case 'GET /__sim/state':
      return jsonAnswer({
        ...target.state.snapshot(),
        records: target.records.all(),
        faults: target.faults.list(),
        counters: target.counters.snapshot(),
        pushes: target.pushes.stats(),
      });
    case 'GET /__sim/faults':
      return jsonAnswer(target.faults.list());
    case 'POST /__sim/faults':
      return jsonAnswer({ id: target.faults.add(FaultSpecSchema.parse(body())) });
    case 'DELETE /__sim/faults': {
      const id = url.searchParams.get('id');
      target.faults.clear(id === null ? undefined : Number(id));
      return jsonAnswer({ cleared: id ?? 'all' });
    }
    case 'GET /__sim/counters':
      return jsonAnswer(target.counters.snapshot());
    case 'DELETE /__sim/counters':
      target.counters.reset();
      return jsonAnswer({ cleared: 'all' });
    case 'POST /__sim/pass-records':
      return jsonAnswer(target.emitPassRecord(WalkThroughSchema.parse(body())));
    case 'POST /__sim/open-door': {
      const { deviceUuid } = z.strictObject({ deviceUuid: z.string() }).parse(body());
      return jsonAnswer(target.openDoor(deviceUuid) ?? null);
    }
    case 'POST /__sim/push-burst': {
      const { count, ratePerSecond, ...input } = BurstSchema.parse(body());
      target.pushBurst(count, ratePerSecond, input).catch((error: unknown) => console.error('hongtu simulator: push burst failed', error));
      return jsonAnswer({ count });
    }
    case 'GET /__sim/pushes': {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      return jsonAnswer({ stats: target.pushes.stats(), log: target.pushes.log.slice(-Math.max(0, limit)) });
    }
    case 'DELETE /__sim/pushes':
      target.pushes.clearLog();
      return jsonAnswer({ cleared: 'all' });
    case 'POST /__sim/devices': {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.devices.get(change.uuid);
      if (!device) return jsonAnswer({ error: `no device ${change.uuid}` }, 404);
      device.online = change.online;
      return jsonAnswer(device);
    }
    case 'POST /__sim/discovered':
      return jsonAnswer(target.reportDevice(ReportSchema.parse(body())));
    case 'POST /__sim/faces': {
      const verdict = FaceVerdictSchema.parse(body());
      const image = verdict.imageBase64 !== undefined ? { bytes: Buffer.from(verdict.imageBase64, 'base64') } : verdict.sha256 !== undefined ? { sha256: verdict.sha256 } : {};
      return jsonAnswer({ sha256: target.setFaceVerdict(image, verdict.code) });
    }
    default:
      return jsonAnswer({ error: `no route ${key}` }, 404);
  }
}
