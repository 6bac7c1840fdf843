import { z } from 'zod';
import { hasAdminToken } from './auth.ts';
import type { RequestCounters } from './counters.ts';
import type { EventLog } from './events.ts';
import { FaultSpecSchema } from './faults.ts';
import type { Faults } from './faults.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { SimState } from './state.ts';
import { WalkThroughSchema, walkThrough } from './walk.ts';

/**
 * The simulator's own routes — not part of the vendor API, never faulted, never counted.
 * Every one needs `Authorization: Bearer <token>` (the simulator's access_token); 401 otherwise.
 *
 *   GET    /__sim/state          everything (photos as size + sha256), faults, counters
 *   GET    /__sim/faults         the fault rules
 *   POST   /__sim/faults         {kind, endpoint?, count?, ms?, status?, shape?} → {id}
 *   DELETE /__sim/faults[?id=N]  clear one rule or all
 *   GET    /__sim/counters       requests per endpoint id; DELETE resets them
 *   POST   /__sim/transactions   a walk-through (walk.ts) → the access record
 *   POST   /__sim/devices        {sn, online?, enabled?} → the device
 *   POST   /__sim/faces          {personPhoto | sha256, code} → {sha256}: detectFace answers `code` for it
 */
export interface AdminTarget {
  readonly token: string;
  readonly state: SimState;
  readonly events: EventLog;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  setFaceVerdict(photo: { personPhoto?: string; sha256?: string }, code: number): string;
}

const DeviceChangeSchema = z.strictObject({ sn: z.string(), online: z.boolean().optional(), enabled: z.boolean().optional() });
const FaceVerdictSchema = z.strictObject({ personPhoto: z.string().optional(), sha256: z.string().optional(), code: z.number().int() });

export function isAdminPath(path: string): boolean {
  return path === '/__sim' || path.startsWith('/__sim/');
}

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  if (!hasAdminToken(authorization, target.token)) return jsonAnswer({ error: 'unauthorized' }, 401);
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
      return jsonAnswer({ ...target.state.snapshot(target.events.all()), faults: target.faults.list(), counters: target.counters.snapshot() });
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
    case 'POST /__sim/transactions':
      return jsonAnswer(walkThrough(target.state, target.events, WalkThroughSchema.parse(body())));
    case 'POST /__sim/devices': {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.deviceBySn(change.sn);
      if (!device) return jsonAnswer({ error: `no device ${change.sn}` }, 404);
      if (change.online !== undefined) device.online = change.online;
      if (change.enabled !== undefined) device.enabled = change.enabled;
      return jsonAnswer(device);
    }
    case 'POST /__sim/faces': {
      const verdict = FaceVerdictSchema.parse(body());
      return jsonAnswer({ sha256: target.setFaceVerdict(verdict, verdict.code) });
    }
    default:
      return jsonAnswer({ error: `no route ${key}` }, 404);
  }
}
