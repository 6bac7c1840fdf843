import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId, BridgeId } from '../../shared/contract/bridges.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import type { PeopleTable } from '../store/people-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { mapPass, type AttendanceLookups } from './attendance-mapping.ts';
import type { BridgeService } from './bridge-service.ts';
import { SigninPump, type CapturedPhotoReader, type SigninSession } from './signin-pump.ts';

interface AttendanceDeps {
  readonly bus: EventBus;
  readonly bridges: BridgeService;
  readonly people: Pick<PeopleTable, 'byPin'>;
  readonly sites: Pick<SitesTable, 'get'>;
  /** The running TCP session of each device of the bridge (a device without one keeps its queue). */
  readonly sessions: ReadonlyMap<BridgeDeviceId, SigninSession>;
  /** The event-photos service's `captured` (the photo is read at send time, never stored). */
  readonly readPhoto?: CapturedPhotoReader | undefined;
  readonly log: Logger;
  readonly now?: () => number;
  /** Pump pauses (tests): a refusal's backoff, the idle look at the queue. */
  readonly pump?: { readonly backoff?: { readonly firstMs: number; readonly maxMs: number }; readonly idleMs?: number };
}

/**
 * Queues the passes of one stored batch (`events.received`) for the bridge; returns how many
 * records were new.
 */
function queuePasses(deps: Pick<AttendanceDeps, 'bridges' | 'people' | 'sites' | 'log' | 'now'>, bridgeId: BridgeId, backendId: BackendId, events: readonly AccessEvent[]): number {
  const bridge = deps.bridges.get(bridgeId);
  const site = deps.sites.get(bridge.siteId);
  if (!site) return 0;
  const lookups: AttendanceLookups = {
    bridgeId,
    timeZone: site.timeZone,
    devicesForDoor: (backend, door) => deps.bridges.devicesForDoor(backend, door),
    personByPin: (pin) => deps.people.byPin(site.id, pin)?.id,
    platformPersonId: (deviceId, personId) => deps.bridges.tables.workers.personIdOf(deviceId, personId),
  };
  const now = (deps.now ?? Date.now)();
  let queued = 0;
  for (const event of events) {
    const mapped = mapPass(backendId, event, lookups);
    if (mapped.unknownMode !== undefined) {
      deps.log.info({ bridge: bridgeId, backend: backendId, event: event.eventId, verifyMode: mapped.unknownMode }, 'Zhejiang attendance: verification mode not recognised; reported as a face (type 1)');
    }
    if (mapped.skipped === 'no-time') deps.log.warn({ bridge: bridgeId, backend: backendId, event: event.eventId }, 'Zhejiang attendance: a pass without a readable time is not reported');
    for (const record of mapped.records) if (deps.bridges.tables.signins.enqueue(record, now)) queued += 1;
  }
  return queued;
}

/**
 * Attendance for one bridge (issue 16 item 4), for the bridge runner to call once the device
 * sessions are started (nothing calls it at core start-up yet):
 *
 * ```ts
 * const states = sessionStates<DeviceSessionState>();            // per device
 * const session = new DeviceSession({ ...config, onState: states.emit });
 * const stop = startAttendance({ bus: core.bus, bridges: core.bridges, people, sites, log,
 *   sessions: new Map([[device.id, { state: () => session.state(), signIn: (r) => session.signIn(r), onState: states.onState }]]),
 *   readPhoto: (backendId, eventId) => eventPhotos.captured(backendId, eventId) }, bridge.id);
 * …
 * await stop();                                                    // before the sessions are stopped
 * ```
 *
 * On start, records a crash left `sending` are queued again (`requeueSending`: a kill -9 repeats at
 * most the one in flight; it resets every bridge's, which is harmless for pumps already running:
 * each device's pump is serial and deletes or fails its own record after the answer). Each `events.received` batch is mapped (attendance-mapping.ts) and queued once per
 * backend + event id, and each device's pump (signin-pump.ts) drains its queue in time order while
 * its session is online. Passes stored while no attendance ran are not looked for again.
 */
export function startAttendance(deps: AttendanceDeps, bridgeId: BridgeId): () => Promise<void> {
  const requeued = deps.bridges.tables.signins.requeueSending();
  if (requeued > 0) deps.log.info({ bridge: bridgeId, requeued }, 'Zhejiang attendance: records in flight at the last stop queued again');
  const runtime = deps.bridges.runtime(bridgeId);
  const pumps = new Map<BridgeDeviceId, SigninPump>();
  for (const device of runtime.devices) {
    const session = deps.sessions.get(device.id);
    if (!session) continue;
    const pump = new SigninPump({
      deviceId: device.id,
      sn: device.sn,
      table: deps.bridges.tables.signins,
      session,
      readPhoto: deps.readPhoto,
      maxFrameBytes: runtime.settings.maxFrameBytes,
      log: deps.log,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.pump?.backoff ? { backoff: deps.pump.backoff } : {}),
      ...(deps.pump?.idleMs === undefined ? {} : { idleMs: deps.pump.idleMs }),
    });
    pumps.set(device.id, pump);
    pump.start();
  }
  const unlisten = deps.bus.listen((name, payload) => {
    if (name !== 'events.received') return;
    const { backendId, events } = payload as { backendId: BackendId; events: AccessEvent[] };
    try {
      if (queuePasses(deps, bridgeId, backendId, events) > 0) for (const pump of pumps.values()) pump.wake();
    } catch (error) {
      deps.log.warn({ bridge: bridgeId, backend: backendId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang attendance: passes not queued');
    }
  });
  return async () => {
    unlisten();
    await Promise.all([...pumps.values()].map((pump) => pump.stop()));
  };
}
