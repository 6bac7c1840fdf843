import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import type { BackendDriver, EventPage } from '../../../electron/backends/backend.ts';
import { DriverError } from '../../../electron/drivers/driver-error.ts';
import type { PipelineClock } from '../../../electron/events/clock.ts';
import { EventStream, type StreamTimings } from '../../../electron/events/event-stream.ts';
import { silentLogger } from '../../../electron/log/logger.ts';

const TIMINGS: StreamTimings = { pollMs: 5_000, gapPollMs: 60_000, offlineAfterMs: 60_000, maxBackoffMs: 60_000, monitor: false };

function event(id: string): AccessEvent {
  return { eventId: id, occurredAt: '2026-12-07 10:00:00', kind: 'pass', doorId: null, doorName: null, deviceSerial: null, readerName: null, personPin: null, personName: null, verifyMode: null, description: '', photoUrl: null };
}

/**
 * A stream driven step by step: each read answers from `script` (a page, or an error to throw);
 * the clock is virtual and each sleep is recorded and passes at once.
 */
function harness(script: (EventPage | Error)[], realtime: 'poll' | 'push' = 'poll', subscription?: { current: string | null }, listOnlyEvents = false) {
  let now = Date.parse('2026-12-07T02:00:00Z');
  const sleeps: number[] = [];
  const states: StreamState[] = [];
  const stored: string[] = [];
  const cursors: string[] = [];
  const reads: (string | null)[] = [];
  const self: { stream: EventStream | null } = { stream: null };
  const clock: PipelineClock = {
    now: () => now,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      if (script.length === 0) void self.stream?.stop();
      await Promise.resolve();
    },
  };
  const driver = {
    capabilities: { realtimeEvents: realtime },
    listOnlyEvents,
    events: async (cursor: string | null): Promise<EventPage> => {
      reads.push(cursor);
      const next = script.shift() ?? { events: [], cursor };
      if (next instanceof Error) throw next;
      return next;
    },
    ...(subscription
      ? {
          subscription: async () => (subscription.current ? { pushUrl: subscription.current } : null),
          subscribe: async (url: string) => void (subscription.current = url),
          unsubscribe: async () => void (subscription.current = null),
        }
      : {}),
  } as unknown as BackendDriver;
  const stream = new EventStream({
    backendId: 7,
    siteId: 1,
    realtime,
    driver: async () => driver,
    pushUrl: async () => (realtime === 'push' ? 'http://127.0.0.1:9/push/x' : null),
    store: (_source, events) => stored.push(...events.map((e) => e.event.eventId)),
    cursor: { get: () => cursors.at(-1) ?? null, save: (c) => cursors.push(c) },
    onState: (s) => states.push(s),
    clock,
    timings: TIMINGS,
    log: silentLogger(),
  });
  self.stream = stream;
  return { stream, sleeps, states, stored, cursors, reads };
}

const unreachable = () => new DriverError('refused', 'connect ECONNREFUSED', { vendor: 'hongtu' });

describe('an event stream and its watchdog', () => {
  it('reads from the stored cursor, keeps the cursor it moved to, and reads again every pollMs', async () => {
    const h = harness([{ events: [event('a'), event('b')], cursor: 'c1' }, { events: [event('c')], cursor: 'c2' }]);
    h.stream.start();
    for (let i = 0; i < 50 && h.sleeps.length < 2; i++) await new Promise((r) => setTimeout(r, 0));
    await h.stream.stop();
    expect(h.sleeps.slice(0, 2)).toEqual([5_000, 5_000]);
    expect(h.stored).toEqual(['a', 'b', 'c']);
    expect(h.cursors).toEqual(['c1', 'c2']);
    expect(h.reads.slice(0, 2)).toEqual([null, 'c1']);
  });

  it('goes stale on a failure, offline after offlineAfterMs with the reason in both languages, retries with backoff, and polls again when back', async () => {
    const h = harness([unreachable(), unreachable(), unreachable(), unreachable(), unreachable(), unreachable(), unreachable(), { events: [event('late')], cursor: 'c9' }]);
    h.stream.start();
    for (let i = 0; i < 50 && h.states.at(-1)?.state !== 'polling'; i++) await new Promise((r) => setTimeout(r, 0));
    const names = h.states.map((s) => s.state);
    expect(names[0]).toBe('stale');
    expect(names).toContain('offline');
    expect(names.at(-1)).toBe('polling');
    expect(h.stored).toEqual(['late']);
    // Backoff: 1 s, 2 s, 4 s… (random 0.5: exactly the exponential), then the poll interval again.
    expect(h.sleeps.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    const stale = h.states[0]!;
    expect(stale.reason?.en).toMatch(/Cannot reach/);
    expect(stale.reason?.['zh-CN']).toMatch(/无法连接/);
    expect(stale.retryAt).not.toBeNull();
    const offline = h.states.find((s) => s.state === 'offline')!;
    expect(offline.reason?.en).toMatch(/^No answer for \d+ min\. Cannot reach/);
    await h.stream.stop();
  });

  it('registers the push URL again when the platform lost its subscription', async () => {
    const subscription = { current: null as string | null };
    const h = harness([{ events: [], cursor: null }], 'push', subscription);
    h.stream.start();
    for (let i = 0; i < 20 && h.states.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    expect(subscription.current).toBe('http://127.0.0.1:9/push/x');
    expect(h.states[0]).toMatchObject({ state: 'connected', channel: 'push' });
    await h.stream.stop();
  });

  it('while pushing, reads the list only to fill gaps (gapPollMs) — every pollMs when the push misses some events (Hongtu device alarms)', async () => {
    const run = async (listOnly: boolean) => {
      const h = harness([{ events: [event('a')], cursor: 'c1' }, { events: [event('alarm')], cursor: 'c2' }], 'push', { current: 'http://127.0.0.1:9/push/x' }, listOnly);
      h.stream.start();
      for (let i = 0; i < 50 && h.sleeps.length < 2; i++) await new Promise((r) => setTimeout(r, 0));
      await h.stream.stop();
      expect(h.states[0]).toMatchObject({ state: 'connected', channel: 'push' });
      expect(h.stored).toEqual(['a', 'alarm']);
      return h.sleeps.slice(0, 2);
    };
    expect(await run(false)).toEqual([60_000, 60_000]);
    expect(await run(true)).toEqual([5_000, 5_000]);
  });
});
