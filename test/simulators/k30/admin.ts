import { z } from 'zod';
import { faultAndCounterRoutes, handleAdmin as handleAdminRoutes } from '../common/admin.ts';
import type { AdminRoutes } from '../common/admin.ts';
import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';
import type { RequestCounters } from '../common/counters.ts';
import type { CallbackSender } from './callbacks.ts';
import { RECORD_FORMS } from './callback-payloads.ts';
import type { InstallationEvents } from './events.ts';
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
 *   POST   /__sim/record-burst   {count, ratePerSecond?, …a walk-through} → {count}: that many pass
 *                                records (each an UploadRecord callback), made in the background
 *   POST   /__sim/devices        {no, online} → the device
 *   GET    /__sim/callbacks[?limit=N]  {config, stats, log: the last N attempts (default 100), syncResults}
 *   POST   /__sim/callbacks      {url?: loopback URL | null, recordForm?: 'strings' | 'integers' | 'example'} → the config
 *   DELETE /__sim/callbacks      clears the attempt log
 */
export interface AdminTarget {
  readonly adminToken: string;
  readonly state: SimState;
  readonly faults: Faults;
  readonly counters: RequestCounters;
  /** Callbacks to the third-party URL (callbacks.ts). */
  readonly callbacks: CallbackSender;
  /** people.sync's per-device results (events.ts). */
  readonly events: InstallationEvents;
  /** A person (or stranger) at a device (walk.ts): the pass record. */
  emitPassRecord(input?: WalkThrough): PassRecord;
  /** `count` walk-throughs at about `ratePerSecond` (all at once when omitted); resolves when the last is made. */
  recordBurst(count: number, ratePerSecond?: number, input?: WalkThrough): Promise<PassRecord[]>;
}

const DeviceChangeSchema = z.strictObject({ no: z.string(), online: z.boolean() });
const BurstSchema = WalkThroughSchema.omit({ at: true }).extend({ count: z.number().int().positive().max(1_000_000), ratePerSecond: z.number().positive().optional() });
const CallbackConfigSchema = z.strictObject({ url: z.string().max(2048).nullable().optional(), recordForm: z.enum(RECORD_FORMS).optional() });

export function handleAdmin(target: AdminTarget, method: string, url: URL, authorization: string | undefined, raw: Buffer): HttpAnswer {
  return handleAdminRoutes(target.adminToken, routes(target), method, url, authorization, raw);
}

function routes(target: AdminTarget): AdminRoutes {
  return {
    'GET /__sim/state': () => jsonAnswer({ ...target.state.snapshot(), faults: target.faults.list(), counters: target.counters.snapshot() }),
    ...faultAndCounterRoutes(target.faults, target.counters),
    'POST /__sim/pass-records': ({ body }) => jsonAnswer(target.emitPassRecord(WalkThroughSchema.parse(body()))),
    'POST /__sim/record-burst': ({ body }) => {
      const { count, ratePerSecond, ...input } = BurstSchema.parse(body());
      target.recordBurst(count, ratePerSecond, input).catch((error: unknown) => console.error('k30 simulator: record burst failed', error));
      return jsonAnswer({ count });
    },
    'POST /__sim/devices': ({ body }) => {
      const change = DeviceChangeSchema.parse(body());
      const device = target.state.devices.get(change.no);
      if (!device) return jsonAnswer({ error: `no device ${change.no}` }, 404);
      device.online = change.online;
      return jsonAnswer(device);
    },
    'GET /__sim/callbacks': ({ url }) => {
      const limit = Number(url.searchParams.get('limit') ?? '100');
      const log = target.callbacks.log;
      return jsonAnswer({ config: target.callbacks.current, stats: target.callbacks.stats(), log: log.slice(Math.max(0, log.length - (Number.isInteger(limit) && limit >= 0 ? limit : 100))), syncResults: target.events.syncResults });
    },
    'POST /__sim/callbacks': ({ body }) => {
      const change = CallbackConfigSchema.parse(body());
      return jsonAnswer(target.callbacks.configure({ ...(change.url !== undefined ? { url: change.url } : {}), ...(change.recordForm ? { recordForm: change.recordForm } : {}) }));
    },
    'DELETE /__sim/callbacks': () => {
      target.callbacks.clearLog();
      return jsonAnswer({ cleared: true });
    },
  };
}
