import { sleep } from '../drivers/poll-loop.ts';

/** Time for the event pipeline: the real one, or a simulated one in tests (an accelerated soak). */
export interface PipelineClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

export const realClock: PipelineClock = { now: () => Date.now(), sleep, random: Math.random };
