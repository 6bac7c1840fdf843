import { z } from 'zod';
import { faultAndCounterRoutes, handleAdmin as handleAdminRoutes } from '../common/admin.ts';
import type { AdminRoutes } from '../common/admin.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { RequestCounters } from '../common/counters.ts';
import type { EventLog } from './events.ts';
import type { Faults } from './faults.ts';
import type { SimState } from './state.ts';
import { WalkThroughSchema, walkThrough } from './walk.ts';

export { isAdminPath } from '../common/admin.ts';

/**
 * The simulator's own routes (common/admin.ts: Bearer <token>, the simulator's access_token;
 * faults and counters), and ZKBio's:
 *
 *   GET    /__sim/state          everything (photos as size + sha256), faults, counters
 *   POST   /__sim/transactions   a walk-through (walk.ts) → the access record
 *   POST   /__sim/devices        {sn, online?, enabled?} → the device
 *   POST   /__sim/doors          {id, alarm?, sensor?} → the door (§6.2 texts: alarm "be opened accidentally", "none"…)
 *   POST   /__sim/faces          {personPhoto | sha256, code} → {sha256}: detectFace answers `code` for it
 */
export interface AdminTarget {
  readonly token: string;
  readonly state: SimState;
  readonly events: EventLog;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  /** Make `detectFace` answer `code` (e.g. -5002 "No face was detected") for this photo; returns its sha256. */
  setFaceVerdict(photo: { personPhoto?: string | undefined; sha256?: string | undefined }, code: number): string;
}

const DeviceChangeSchema = z.strictObject({ sn: z.string(), online: z.boolean().optional(), enabled: z.boolean().optional() });
const DoorChangeSchema = z.strictObject({ id: z.string(), alarm: z.string().min(1).optional(), sensor: z.string().min(1).optional() });
const FaceVerdictSchema = z.strictObject({ personPhoto: z.string().optional(), sha256: z.string().optional(), code: z.number().int() });

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  return handleAdminRoutes(target.token, routes(target), method, url, authorization, raw);
}

function routes(target: AdminTarget): AdminRoutes {
  return {
    'GET /__sim/state': () => jsonAnswer({ ...target.state.snapshot(target.events.all()), faults: target.faults.list(), counters: target.counters.snapshot() }),
    ...faultAndCounterRoutes(target.faults, target.counters),
    'POST /__sim/transactions': ({ body }) => jsonAnswer(walkThrough(target.state, target.events, WalkThroughSchema.parse(body()))),
    'POST /__sim/devices': ({ body }) => {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.deviceBySn(change.sn);
      if (!device) return jsonAnswer({ error: `no device ${change.sn}` }, 404);
      if (change.online !== undefined) device.online = change.online;
      if (change.enabled !== undefined) device.enabled = change.enabled;
      return jsonAnswer(device);
    },
    'POST /__sim/doors': ({ body }) => {
      const change = DoorChangeSchema.parse(body());
      const door = target.state.doors.find((d) => d.id === change.id);
      if (!door) return jsonAnswer({ error: `no door ${change.id}` }, 404);
      if (change.alarm !== undefined) door.alarm = change.alarm;
      if (change.sensor !== undefined) door.sensor = change.sensor;
      return jsonAnswer(door);
    },
    'POST /__sim/faces': ({ body }) => {
      const verdict = FaceVerdictSchema.parse(body());
      return jsonAnswer({ sha256: target.setFaceVerdict(verdict, verdict.code) });
    },
  };
}
