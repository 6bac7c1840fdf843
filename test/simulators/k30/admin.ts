import { z } from 'zod';
import { faultAndCounterRoutes, handleAdmin as handleAdminRoutes } from '../common/admin.ts';
import type { AdminRoutes } from '../common/admin.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { RequestCounters } from '../common/counters.ts';
import type { Faults } from './faults.ts';
import type { PassRecord, SimState } from './state.ts';
import type { WalkThrough } from './walk.ts';
import { WalkThroughSchema } from './walk.ts';

export { isAdminPath } from '../common/admin.ts';

/**
 * The simulator's own routes (common/admin.ts: faults and counters; never enveloped), with
 * `Authorization: Bearer <adminToken>` (the `adminToken` option; by default the company number,
 * so whoever may call the API may also steer it), and K30's:
 *
 *   GET    /__sim/state          everything (photos as path + size + sha256), faults, counters
 *   POST   /__sim/pass-records   a walk-through (walk.ts) → the pass record
 *   POST   /__sim/devices        {no, online} → the device
 */
export interface AdminTarget {
  readonly adminToken: string;
  readonly state: SimState;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  /** A person (or stranger) at a device (walk.ts): the pass record. */
  emitPassRecord(input?: WalkThrough): PassRecord;
}

const DeviceChangeSchema = z.strictObject({ no: z.string(), online: z.boolean() });

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  return handleAdminRoutes(target.adminToken, routes(target), method, url, authorization, raw);
}

function routes(target: AdminTarget): AdminRoutes {
  return {
    'GET /__sim/state': () => jsonAnswer({ ...target.state.snapshot(), faults: target.faults.list(), counters: target.counters.snapshot() }),
    ...faultAndCounterRoutes(target.faults, target.counters),
    'POST /__sim/pass-records': ({ body }) => jsonAnswer(target.emitPassRecord(WalkThroughSchema.parse(body()))),
    'POST /__sim/devices': ({ body }) => {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.devices.get(change.no);
      if (!device) return jsonAnswer({ error: `no device ${change.no}` }, 404);
      device.online = change.online;
      return jsonAnswer(device);
    },
  };
}
