/** When to run a function: the browser's clock and timers, or a test's. */
export interface BatchTimer {
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const REAL_TIMER: BatchTimer = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

interface ArrivalBatcher<T> {
  /** Items that just arrived, newest first (each call newer than the one before). */
  add(newestFirst: readonly T[]): void;
  /** Delivers what is waiting now (before a change that must see every row that came first). */
  flush(): void;
  /** Delivers what is waiting now and stops the timer (the page is closing). */
  stop(): void;
}

/**
 * Arrivals delivered at once (next task) while they come one by one; in a flood — `floodCount`
 * arrivals within `everyMs` — gathered into at most one delivery per `everyMs`, newest first, at most
 * `max` of them (the list keeps no more). At 200 events/s this is 10 list updates a second instead of
 * 200 (issue 15 bench), while a guard room's usual few events a second show without delay.
 */
export function createArrivalBatcher<T>(
  deliver: (newestFirst: T[]) => void,
  { everyMs, max, floodCount = 10, timer = REAL_TIMER }: { everyMs: number; max: number; floodCount?: number; timer?: BatchTimer },
): ArrivalBatcher<T> {
  /** Oldest batch first. */
  let waiting: (readonly T[])[] = [];
  let count = 0;
  let lastAt = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | null = null;
  /** When the last `floodCount` arrivals came, oldest first. */
  const recent: number[] = [];

  /** The newest `max` waiting, newest first. */
  const newest = (): T[] => {
    const out: T[] = [];
    for (let i = waiting.length - 1; i >= 0 && out.length < max; i--) {
      for (const item of waiting[i]!) {
        if (out.length >= max) break;
        out.push(item);
      }
    }
    return out;
  };

  const flush = () => {
    cancel = null;
    lastAt = timer.now();
    const out = newest();
    waiting = [];
    count = 0;
    if (out.length > 0) deliver(out);
  };

  return {
    add(newestFirst) {
      if (newestFirst.length === 0) return;
      waiting.push(newestFirst);
      count += newestFirst.length;
      // A backend flooding while the page sleeps: keep only what the list could show.
      if (count > 2 * max) {
        waiting = [newest()];
        count = waiting[0]!.length;
      }
      const now = timer.now();
      recent.push(now);
      if (recent.length > floodCount) recent.shift();
      const flood = recent.length >= floodCount && now - recent[0]! < everyMs;
      cancel ??= timer.after(flood ? Math.max(0, lastAt + everyMs - now) : 0, flush);
    },
    flush() {
      cancel?.();
      flush();
    },
    stop() {
      cancel?.();
      flush();
    },
  };
}
