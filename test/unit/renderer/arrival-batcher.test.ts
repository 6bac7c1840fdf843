import { describe, expect, it } from 'vitest';
import { createArrivalBatcher, type BatchTimer } from '../../../renderer/src/stores/arrival-batcher.ts';

/** A timer that runs only when the test says so. */
function heldTimer(): BatchTimer & { fire(): void } {
  let due: (() => void) | null = null;
  return {
    now: () => 0,
    after: (_ms, fn) => {
      due = fn;
      return () => (due = null);
    },
    fire: () => {
      const fn = due;
      due = null;
      fn?.();
    },
  };
}

describe('the live list’s arrival batcher (issue 15 bench)', () => {
  it('delivers what waited in one batch, newest first, one timer at a time', () => {
    const timer = heldTimer();
    const delivered: number[][] = [];
    const batcher = createArrivalBatcher<number>((items) => delivered.push(items), { everyMs: 100, max: 10, timer });
    batcher.add([2, 1]);
    batcher.add([3]);
    batcher.add([]);
    batcher.add([5, 4]);
    expect(delivered).toEqual([]);
    timer.fire();
    expect(delivered).toEqual([[5, 4, 3, 2, 1]]);
    timer.fire();
    expect(delivered).toHaveLength(1);
  });

  it('keeps only the newest `max` while the page cannot draw (a flood into a hidden window)', () => {
    const timer = heldTimer();
    const delivered: number[][] = [];
    const batcher = createArrivalBatcher<number>((items) => delivered.push(items), { everyMs: 100, max: 3, timer });
    for (let i = 1; i <= 1000; i++) batcher.add([i]);
    batcher.stop();
    expect(delivered).toEqual([[1000, 999, 998]]);
  });
});
