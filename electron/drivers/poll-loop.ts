import type { EventCursor, EventPage, Watcher, WatchOptions } from '../backends/backend.ts';

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

interface PollLoopOptions {
  readonly intervalMs: number;
  readonly signal?: AbortSignal | undefined;
  /** One poll; its errors go to `onError` and the loop goes on. */
  readonly tick: (signal: AbortSignal) => Promise<void>;
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** Calls `tick` every `intervalMs` until stopped: the real-time watch of vendors that are polled. */
export function pollLoop(options: PollLoopOptions): Watcher {
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const done = (async () => {
    while (!signal.aborted) {
      try {
        await options.tick(signal);
      } catch (error) {
        if (signal.aborted) break;
        options.onError?.(error);
      }
      await sleep(options.intervalMs, signal);
    }
  })();
  return { stop: () => controller.abort(), done };
}

/** Remembers the last `limit` ids; `add` says whether an id is new. */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/**
 * The real-time watch of a vendor read by polling its event list: every `intervalMs` (default 5 s)
 * the events after the cursor, handed on in order, the cursor moved past them.
 */
export function watchByPolling(
  events: (cursor: EventCursor | null, options: { signal: AbortSignal }) => Promise<EventPage>,
  start: EventCursor | null,
  options: WatchOptions,
): Watcher {
  let cursor = start;
  return pollLoop({
    intervalMs: options.intervalMs ?? 5_000,
    signal: options.signal,
    onError: options.onError,
    tick: async (signal) => {
      const page = await events(cursor, { signal });
      cursor = page.cursor;
      for (const event of page.events) options.onEvent(event, page.raw?.get(event.eventId));
    },
  });
}
