import { setTimeout as sleep } from 'node:timers/promises';

/**
 * `count` things made by `make`, at about `ratePerSecond` (all at once when omitted): what a
 * simulator's burst of pass records (Hongtu's pushes, K30's callbacks) runs on. Resolves with them
 * when the last one is made.
 */
export async function burst<T>(count: number, ratePerSecond: number | undefined, make: () => T): Promise<T[]> {
  const made: T[] = [];
  const started = performance.now();
  while (made.length < count) {
    const due = ratePerSecond === undefined ? count : Math.min(count, Math.floor(((performance.now() - started) / 1000) * ratePerSecond) + 1);
    while (made.length < due) made.push(make());
    if (made.length < count) await sleep(Math.max(1, Math.min(50, 1000 / (ratePerSecond ?? 1000))));
  }
  return made;
}
