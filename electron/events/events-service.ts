import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { Retention, StreamState } from '../../shared/contract/events.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { EventBus } from '../api/event-bus.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import { hasDriver } from '../backends/vendors.ts';
import type { Logger } from '../log/logger.ts';
import type { ReceiversService } from '../receivers/receivers-service.ts';
import type { EventStreamsTable } from '../store/event-streams-table.ts';
import type { EventsMatch } from '../store/events-match.ts';
import type { EventsRetention } from '../store/events-retention.ts';
import type { EventsTable } from '../store/events-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { boundedRaw } from './bounded-raw.ts';
import { realClock, type PipelineClock } from './clock.ts';
import { DEFAULT_TIMINGS, EventStream, type EventSource, type StreamTimings } from './event-stream.ts';
import { DEFAULT_SWEEP, RetentionSweeper, type SweepOptions } from './retention-sweeper.ts';
import { reasonText } from './stream-reason.ts';

interface EventsDeps {
  readonly backends: BackendsService;
  readonly sites: SitesTable;
  readonly table: EventsTable;
  readonly streams: EventStreamsTable;
  readonly retention: EventsRetention;
  readonly match: EventsMatch;
  readonly receivers: ReceiversService;
  readonly bus: EventBus;
  readonly log: Logger;
  readonly clock?: PipelineClock;
  readonly timings?: Partial<StreamTimings>;
  readonly sweep?: Partial<SweepOptions>;
}

/**
 * The always-on event pipeline (issue 15 item 1): while the app runs (`start`), one stream per
 * backend of the current site, following the site selection and backends added or removed; every
 * event stored once and the new ones announced once (`events.received`), each stream's state
 * announced on change (`events.streamState`); old events deleted in the background. The stored
 * events themselves are read through it too (`add`, `count`, `recent`: the events table).
 */
export class EventsService {
  private readonly deps: EventsDeps;
  private readonly clock: PipelineClock;
  private readonly timings: StreamTimings;
  private readonly running = new Map<BackendId, EventStream>();
  private readonly sweeper: RetentionSweeper;
  private unlisten: (() => void) | null = null;
  private reconciling: Promise<void> = Promise.resolve();
  private stopped = false;
  /** A site watched whatever is selected (the CLI's `events watch --site`), else null: the current one. */
  private fixedSite: SiteId | null = null;

  constructor(deps: EventsDeps) {
    this.deps = deps;
    this.clock = deps.clock ?? realClock;
    this.timings = { ...DEFAULT_TIMINGS, ...deps.timings };
    this.sweeper = new RetentionSweeper({ retention: deps.retention, days: () => deps.streams.retentionDays(), clock: this.clock, log: deps.log, options: { ...DEFAULT_SWEEP, ...deps.sweep } });
  }

  /**
   * Starts the streams of the current site (or of `siteId`, whatever is selected) and the retention
   * sweep; follows site and backend changes.
   */
  start(options: { siteId?: SiteId } = {}): Promise<void> {
    if (this.unlisten) return this.reconciling;
    this.stopped = false;
    this.fixedSite = options.siteId ?? null;
    this.unlisten = this.deps.bus.listen((event) => {
      if (event === 'sites.changed' || event === 'backends.changed') void this.reconcile();
    });
    this.sweeper.start();
    return this.reconcile();
  }

  /** Stops every stream and the sweep (the app is quitting); the cursors stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    this.unlisten = null;
    await this.reconciling;
    await Promise.all([...this.running.values()].map((stream) => stream.stop()));
    this.running.clear();
    await this.sweeper.stop();
  }

  /** Each backend of the site with its stream state; a backend not watched (another site's) says so. */
  streams(siteId: SiteId): StreamState[] {
    const since = new Date(this.clock.now()).toISOString();
    return this.deps.backends.list(siteId).map(
      (backend) =>
        this.running.get(backend.id)?.state ?? {
          backendId: backend.id,
          siteId,
          state: 'offline',
          reason: reasonText('notWatched'),
          since,
          channel: 'poll',
          lastOkAt: null,
          retryAt: null,
        },
    );
  }

  retention(): Retention {
    return { days: this.deps.streams.retentionDays() };
  }

  setRetention(retention: Retention): Retention {
    this.deps.streams.setRetentionDays(retention.days);
    return this.retention();
  }

  /** One retention sweep now (tests, the CLI); how many events were deleted. */
  sweepNow(): Promise<number> {
    return this.sweeper.sweep(new AbortController().signal);
  }

  /** Stores events once each and announces only the new ones. */
  store(backendId: BackendId, source: EventSource, events: readonly IncomingEvent[]): AccessEvent[] {
    const bounded = events.map(({ event, raw }) => (raw === undefined ? { event } : { event, raw: boundedRaw(raw) }));
    const { added, refused } = this.deps.table.add(backendId, source, bounded, new Date(this.clock.now()));
    if (refused.length > 0) this.deps.log.warn({ backend: backendId, source, refused }, 'events with no real time not stored');
    if (added.length > 0) this.deps.bus.emit('events.received', { backendId, events: added });
    return added;
  }

  /** How a stored event arrived (push, poll, monitor), or null when it is not stored. */
  sourceOf(backendId: BackendId, eventId: string): EventSource | null {
    return this.deps.match.sourceOf(backendId, eventId);
  }

  add(...args: Parameters<EventsTable['add']>): ReturnType<EventsTable['add']> {
    return this.deps.table.add(...args);
  }

  count(backendId: BackendId): number {
    return this.deps.table.count(backendId);
  }

  recent(backendId: BackendId, limit?: number): AccessEvent[] {
    return this.deps.table.recent(backendId, limit);
  }

  /** The newest events of a site, newest first (the live feed's first page). */
  newest(siteId: SiteId, limit: number): AccessEvent[] {
    return this.deps.retention.newest(
      this.deps.backends.list(siteId).map((b) => b.id),
      limit,
    );
  }

  /**
   * A monitor that gives no record id (ZKBio's) and the list name one pass differently: a monitored
   * event already listed is dropped; a listed event already monitored takes over the monitored row
   * (its id and fuller data), so the pass is one row, announced once; the new id is announced
   * (`events.adopted`) so a page showing the monitored row re-keys it rather than showing it twice.
   */
  private notSeenAs(backendId: BackendId, realtime: string, source: EventSource, events: readonly IncomingEvent[]): readonly IncomingEvent[] {
    if (realtime !== 'monitor' || source === 'push') return events;
    const { match, bus } = this.deps;
    if (source === 'monitor') return events.filter(({ event }) => !match.storedFrom(backendId, 'poll', event));
    return events.filter(({ event, raw }) => {
      if (match.has(backendId, event.eventId)) return true;
      const from = match.adopt(backendId, 'monitor', 'poll', event, raw);
      if (from === null) return true;
      bus.emit('events.adopted', { backendId, from, to: event.eventId, event });
      return false;
    });
  }

  /** Streams for the current site's backends, none for others; one reconciliation at a time. */
  private reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(() => this.reconcileNow()).catch((error: unknown) => {
      this.deps.log.error({ err: error instanceof Error ? error.message : String(error) }, 'event streams not updated');
    });
    return this.reconciling;
  }

  private async reconcileNow(): Promise<void> {
    if (this.stopped) return;
    const siteId = this.fixedSite ?? this.deps.sites.currentId();
    const wanted = siteId === null ? [] : this.deps.backends.list(siteId).filter((b) => hasDriver(b.vendor));
    const wantedIds = new Set(wanted.map((b) => b.id));
    for (const [id, stream] of this.running) {
      if (wantedIds.has(id)) continue;
      this.running.delete(id);
      await stream.stop();
    }
    for (const backend of wanted) {
      if (this.running.has(backend.id) || this.stopped) continue;
      let realtime;
      try {
        realtime = (await this.deps.backends.driverOf(backend.id)).capabilities.realtimeEvents;
      } catch (error) {
        this.deps.log.warn({ backend: backend.id, err: error instanceof Error ? error.message : String(error) }, 'no event stream: the driver did not load');
        continue;
      }
      if (realtime === 'none') continue;
      const stream = this.streamFor(backend.id, backend.siteId, realtime);
      this.running.set(backend.id, stream);
      this.deps.bus.emit('events.streamState', stream.state);
      stream.start();
    }
  }

  private streamFor(backendId: BackendId, siteId: SiteId, realtime: 'monitor' | 'push' | 'poll'): EventStream {
    const { backends, receivers, streams, bus, log } = this.deps;
    return new EventStream({
      backendId,
      siteId,
      realtime,
      driver: () => backends.driverOf(backendId),
      pushUrl: async () => (await receivers.status(backendId)).url,
      awaitingCall: () => receivers.awaitingFirstCall(backendId),
      store: (source, events) => void this.store(backendId, source, this.notSeenAs(backendId, realtime, source, events)),
      cursor: { get: () => streams.cursor(backendId), save: (cursor) => streams.saveCursor(backendId, cursor, new Date(this.clock.now())) },
      onState: (state) => {
        if (this.running.get(backendId)) bus.emit('events.streamState', state);
      },
      clock: this.clock,
      timings: this.timings,
      log,
    });
  }
}
