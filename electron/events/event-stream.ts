import type { BackendId, Capabilities } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { StreamState, StreamStateName } from '../../shared/contract/events.ts';
import type { BackendDriver, Watcher } from '../backends/backend.ts';
import { isPushSubscriber } from '../backends/vendors.ts';
import type { LocalizedText } from '../drivers/driver-error.ts';
import type { Logger } from '../log/logger.ts';
import { backoffMs } from '../sync/backoff.ts';
import type { PipelineClock } from './clock.ts';
import { awaitingCallReason, failureReason, gaveNoAnswer, offlineReason, reasonText } from './stream-reason.ts';

export type EventSource = 'push' | 'poll' | 'monitor';

export interface StreamTimings {
  /** How often a vendor without push or monitor is polled (its only channel). */
  readonly pollMs: number;
  /** How often the event list is read beside a push receiver or monitor, to fill any gap. */
  readonly gapPollMs: number;
  /** Failing this long (and at least twice) makes a stale stream offline. */
  readonly offlineAfterMs: number;
  /** The longest wait between retries. */
  readonly maxBackoffMs: number;
  /** Whether to run the vendor's monitor (ZKBio transaction/monitor) beside the list. */
  readonly monitor: boolean;
}

export const DEFAULT_TIMINGS: StreamTimings = { pollMs: 5_000, gapPollMs: 60_000, offlineAfterMs: 60_000, maxBackoffMs: 60_000, monitor: true };

export interface StreamDeps {
  readonly backendId: BackendId;
  readonly siteId: SiteId;
  readonly realtime: Capabilities['realtimeEvents'];
  /** The backend's driver, asked for each read (an edited backend gets a new one). */
  readonly driver: () => Promise<BackendDriver>;
  /** The URL of the backend's running push receiver, or null when none runs. */
  readonly pushUrl: () => Promise<string | null>;
  /**
   * For a receiver whose URL is typed into the vendor's software by hand: where, while the backend
   * has never called it (the stream is polling, not real-time, until it does); null once it has.
   */
  readonly awaitingCall?: () => LocalizedText | null;
  /** Stores events once each and announces the new ones. */
  readonly store: (source: EventSource, events: readonly IncomingEvent[]) => void;
  readonly cursor: { get(): string | null; save(cursor: string): void };
  readonly onState: (state: StreamState) => void;
  readonly clock: PipelineClock;
  readonly timings: StreamTimings;
  readonly log: Logger;
}

type Channel = StreamState['channel'];

/**
 * One backend's event stream with its watchdog. The event list is read from the stored cursor
 * (so what was made while Doorman was closed or the backend away is read when it is back): as the
 * only channel for polled vendors, as the gap filler beside a push receiver or the monitor. A
 * failed read makes the stream stale, then offline, retried with backoff; a Hongtu subscription
 * that vanished (the platform restarted) is registered again.
 */
export class EventStream {
  private readonly deps: StreamDeps;
  private readonly controller = new AbortController();
  private current: StreamState;
  private monitor: Watcher | null = null;
  private monitorFailure: LocalizedText | null = null;
  /** Where to type the receiver's URL, while the backend has not called it yet. */
  private awaiting: LocalizedText | null = null;
  /** The driver has events its push does not carry (BackendDriver.listOnlyEvents). */
  private listOnly = false;
  private failures = 0;
  private failingSince: number | null = null;
  private lastOkAt: string | null = null;
  private loop: Promise<void> | null = null;

  constructor(deps: StreamDeps) {
    this.deps = deps;
    this.current = { backendId: deps.backendId, siteId: deps.siteId, state: 'polling', reason: null, since: new Date(deps.clock.now()).toISOString(), channel: 'poll', lastOkAt: null, retryAt: null };
  }

  get state(): StreamState {
    return this.current;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    this.stopMonitor();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { clock, timings } = this.deps;
    const signal = this.controller.signal;
    while (!signal.aborted) {
      let waitMs: number;
      try {
        const channel = await this.readOnce(signal);
        if (signal.aborted) break;
        this.failures = 0;
        this.failingSince = null;
        this.lastOkAt = new Date(clock.now()).toISOString();
        this.settle(channel);
        waitMs = channel === 'poll' || (channel === 'push' && this.listOnly) ? timings.pollMs : timings.gapPollMs;
      } catch (error) {
        if (signal.aborted) break;
        waitMs = this.failed(error);
      }
      await clock.sleep(waitMs, signal);
    }
    this.stopMonitor();
  }

  /** One read of the event list from the cursor (and the subscription checked); the channel in use. */
  private async readOnce(signal: AbortSignal): Promise<Channel> {
    const driver = await this.deps.driver();
    this.listOnly = driver.listOnlyEvents === true;
    const pushUrl = this.deps.realtime === 'push' ? await this.deps.pushUrl() : null;
    if (pushUrl && isPushSubscriber(driver)) await this.checkSubscription(driver, pushUrl);
    // One read gives everything after the cursor (the drivers page through the list themselves):
    // a backend back after a long outage is read whole.
    const cursor = this.deps.cursor.get();
    const read = await driver.events(cursor, { signal });
    if (read.events.length > 0) this.deps.store('poll', read.events.map((event) => ({ event, raw: read.raw?.get(event.eventId) })));
    if (read.cursor !== null && read.cursor !== cursor) this.deps.cursor.save(read.cursor);
    // A receiver the backend has never called is no real-time stream: the list, read every 5 s, is.
    this.awaiting = pushUrl ? (this.deps.awaitingCall?.() ?? null) : null;
    if (pushUrl) return this.awaiting ? 'poll' : 'push';
    if (this.deps.realtime === 'monitor' && this.deps.timings.monitor) {
      this.startMonitor(driver);
      return this.monitorFailure ? 'poll' : 'monitor';
    }
    return 'poll';
  }

  /** The platform forgets subscriptions when it restarts: registered again when it is not Doorman's URL. */
  private async checkSubscription(driver: BackendDriver & { subscription(): Promise<unknown>; subscribe(url: string): Promise<void> }, pushUrl: string): Promise<void> {
    const current = await driver.subscription();
    const registered = current !== null && typeof current === 'object' ? (current as { pushUrl?: unknown }).pushUrl : null;
    if (registered === pushUrl) return;
    await driver.subscribe(pushUrl);
    this.deps.log.warn({ backend: this.deps.backendId, registered: registered ?? null }, reasonText('resubscribed').en);
  }

  private startMonitor(driver: BackendDriver): void {
    if (this.monitor) return;
    this.monitorFailure = null;
    this.monitor = driver.watch({
      signal: this.controller.signal,
      onEvent: (event, raw) => this.deps.store('monitor', [{ event, raw }]),
      onError: (error) => {
        // The list keeps the events coming; the monitor starts again at the next gap read.
        this.monitorFailure = failureReason(error);
        this.stopMonitor();
        this.settle('poll');
      },
    });
  }

  private stopMonitor(): void {
    this.monitor?.stop();
    this.monitor = null;
  }

  /** A successful read: connected (push, monitor) or polling, with why only polling where it could push. */
  private settle(channel: Channel): void {
    const { realtime, timings } = this.deps;
    let reason: LocalizedText | null = null;
    if (channel === 'poll' && this.monitorFailure) reason = this.monitorFailure;
    else if (channel === 'poll' && this.awaiting) reason = awaitingCallReason(this.awaiting, Math.round(timings.pollMs / 1000));
    else if (channel === 'poll' && realtime === 'push') reason = reasonText('pollOnly', { seconds: Math.round(timings.pollMs / 1000) });
    this.set(channel === 'poll' ? 'polling' : 'connected', channel, reason, null);
  }

  /** A failed read: stale, offline after a while; the wait before the next try (backoff). */
  private failed(error: unknown): number {
    const { clock, timings } = this.deps;
    this.stopMonitor();
    this.failures += 1;
    const now = clock.now();
    this.failingSince ??= now;
    const reason = failureReason(error);
    const waitMs = backoffMs(this.failures, clock.random, 1_000, timings.maxBackoffMs);
    const retryAt = new Date(now + waitMs).toISOString();
    const failingMs = now - this.failingSince;
    if (this.failures >= 2 && failingMs >= timings.offlineAfterMs) this.set('offline', this.current.channel, offlineReason(Math.max(1, Math.round(failingMs / 60_000)), reason, gaveNoAnswer(error)), retryAt);
    else this.set('stale', this.current.channel, reason, retryAt);
    this.deps.log.warn({ backend: this.deps.backendId, failures: this.failures, err: error instanceof Error ? error.message : String(error) }, 'event stream read failed');
    return waitMs;
  }

  private set(state: StreamStateName, channel: Channel, reason: LocalizedText | null, retryAt: string | null): void {
    const before = this.current;
    const changed = before.state !== state || before.channel !== channel || before.reason?.en !== reason?.en;
    const since = before.state === state ? before.since : new Date(this.deps.clock.now()).toISOString();
    this.current = { ...before, state, channel, reason, since, lastOkAt: this.lastOkAt, retryAt };
    if (changed) this.deps.onState(this.current);
  }
}
