import type { BatchTimer } from '../../../../renderer/src/stores/arrival-batcher.ts';

/** A clock the test moves by hand. */
export function manualTimer(): BatchTimer & { advance(ms: number): void } {
  let now = 0;
  let due: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    after(ms, fn) {
      const entry = { at: now + ms, fn };
      due.push(entry);
      return () => (due = due.filter((e) => e !== entry));
    },
    advance(ms) {
      const until = now + ms;
      for (let next = due.find((e) => e.at <= until); next; next = due.find((e) => e.at <= until)) {
        due = due.filter((e) => e !== next);
        now = Math.max(now, next.at);
        next.fn();
      }
      now = until;
    },
  };
}
