import type { BridgeDeviceId, BridgeId } from '../../shared/contract/bridges.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { Logger } from '../log/logger.ts';
import type { StoredSignin } from '../store/bridge-signins-table.ts';
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
  /** How often stored events are looked at without an `events.received` (default 5 s). */
  readonly lookMs?: number;
  /** The platform acknowledged a record (the runner counts them for the page). */
  readonly onAcknowledged?: ((record: StoredSignin, atMs: number) => void) | undefined;
}

/** Passes looked at per transaction; a longer catch-up gives the event loop a turn between pages. */
const PAGE = 500;
/** Pages in one go before yielding (a live batch is one page). */
const PAGES_AT_ONCE = 4;
/** How often stored events are looked at when no `events.received` came (passes stored by another process). */
const LOOK_MS = 5_000;

/**
 * Maps one page of the passes stored after the bridge's mark and queues them, moving the mark in
 * the same transaction (durable: a crash neither skips a pass nor queues one twice, and the queue
 * is unique by backend + event id anyway). Returns how many records were new and whether more
 * pages wait.
 */
function queuePage(deps: Pick<AttendanceDeps, 'bridges' | 'people' | 'sites' | 'log' | 'now'>, bridgeId: BridgeId): { queued: number; more: boolean } {
  const { marks, signins } = deps.bridges.tables;
  const bridge = deps.bridges.get(bridgeId);
  const site = deps.sites.get(bridge.siteId);
  if (!site) return { queued: 0, more: false };
  const lookups: AttendanceLookups = {
    bridgeId,
    timeZone: site.timeZone,
    devicesForDoor: (backend, door) => deps.bridges.devicesForDoor(backend, door),
    personByPin: (pin) => deps.people.byPin(site.id, pin)?.id,
    platformPersonId: (deviceId, personId) => deps.bridges.tables.workers.personIdOf(deviceId, personId),
  };
  const now = (deps.now ?? Date.now)();
  return marks.atomically(() => {
    const mark = marks.mark(bridgeId);
    const newest = marks.newest();
    if (newest < mark) {
      // The newest events were deleted (retention after a long silence): new ones reuse their ids.
      marks.advance(bridgeId, newest, new Date(now).toISOString());
      return { queued: 0, more: false };
    }
    if (newest === mark) return { queued: 0, more: false };
    const passes = marks.passesAfter(bridgeId, mark, newest, PAGE);
    let queued = 0;
    for (const { backendId, event } of passes) {
      const mapped = mapPass(backendId, event, lookups);
      if (mapped.unknownMode !== undefined) {
        deps.log.info({ bridge: bridgeId, backend: backendId, event: event.eventId, verifyMode: mapped.unknownMode }, 'Zhejiang attendance: verification mode not recognised; reported as a face (type 1)');
      }
      if (mapped.skipped === 'no-time') deps.log.warn({ bridge: bridgeId, backend: backendId, event: event.eventId }, 'Zhejiang attendance: a pass without a readable time is not reported');
      for (const record of mapped.records) if (signins.enqueue(record, now)) queued += 1;
    }
    const more = passes.length === PAGE;
    marks.advance(bridgeId, more ? passes[passes.length - 1]!.rowid : newest, new Date(now).toISOString());
    return { queued, more };
  });
}

/**
 * Attendance for one bridge (issue 16 item 4), started by the bridge runner once the device
 * sessions exist:
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
 * each device's pump is serial and deletes or fails its own record after the answer).
 *
 * **Catch-up, then live:** the passes are read from the events table after the bridge's durable
 * mark (bridge-attendance-marks.ts), so passes stored while the bridge was not running (the app
 * closed, the bridge disabled) become records too; the pumps start once that backlog is queued, so
 * it goes out in time order. Afterwards each `events.received` (and a look every few seconds, for
 * events another process stored) reads what is new after the mark the same way. Each pass is
 * mapped (attendance-mapping.ts) and queued once per backend + event id, and each device's pump
 * (signin-pump.ts) drains its queue in time order while its session is online.
 */
export function startAttendance(deps: AttendanceDeps, bridgeId: BridgeId): () => Promise<void> {
  const requeued = deps.bridges.tables.signins.requeueSending();
  if (requeued > 0) deps.log.info({ bridge: bridgeId, requeued }, 'Zhejiang attendance: records in flight at the last stop queued again');
  const runtime = deps.bridges.runtime(bridgeId);
  const pumps = new Map<BridgeDeviceId, SigninPump>();
  for (const device of runtime.devices) {
    const session = deps.sessions.get(device.id);
    if (!session) continue;
    pumps.set(
      device.id,
      new SigninPump({
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
        onAcknowledged: deps.onAcknowledged,
      }),
    );
  }
  let stopped = false;
  let pumping = false;
  let later: ReturnType<typeof setImmediate> | undefined;
  /** Queues what is new after the mark: a few pages now, the rest after the event loop's turn; true when all is read. */
  const follow = (reschedule = true): boolean => {
    if (stopped) return true;
    let queued = 0;
    let more = false;
    try {
      for (let page = 0; page < PAGES_AT_ONCE; page++) {
        const step = queuePage(deps, bridgeId);
        queued += step.queued;
        more = step.more;
        if (!more) break;
      }
    } catch (error) {
      deps.log.warn({ bridge: bridgeId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang attendance: passes not queued; looked at again shortly');
      more = false;
    }
    if (queued > 0 && pumping) for (const pump of pumps.values()) pump.wake();
    if (more && reschedule && !later) {
      later = setImmediate(() => {
        later = undefined;
        follow();
      });
    }
    return !more;
  };
  const unlisten = deps.bus.listen((name) => {
    if (name === 'events.received') follow();
  });
  const look = setInterval(() => follow(), deps.lookMs ?? LOOK_MS);
  look.unref();
  // The backlog first (in pages, the event loop turning between them), then the pumps: in time order.
  const caughtUp = (async () => {
    while (!stopped && !follow(false)) await new Promise((resolve) => setImmediate(resolve));
    if (stopped) return;
    pumping = true;
    for (const pump of pumps.values()) pump.start();
  })();
  return async () => {
    stopped = true;
    unlisten();
    clearInterval(look);
    if (later) clearImmediate(later);
    await caughtUp;
    await Promise.all([...pumps.values()].map((pump) => pump.stop()));
  };
}
