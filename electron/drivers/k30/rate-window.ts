import type { K30Endpoint } from './envelope.ts';

const MINUTE_MS = 60_000;

/**
 * Keeps calls to an endpoint with a `rateLimit` (people.list, region.list, region.peopleList:
 * "请求频率小于60次/分钟") under it, per endpoint, in any rolling minute: fewer than `perMinute`
 * means at most `perMinute - 1`. The caller asks how long to wait before sending and then sends;
 * the slot is booked at once, so callers that ask together are spread out, not bunched. Pure
 * bookkeeping over an injected clock: the client does the waiting.
 */
export class RateWindow {
  private readonly now: () => number;
  private readonly booked = new Map<string, number[]>();

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Milliseconds to wait before calling `spec` (0 for endpoints without a limit), the call's slot booked. */
  reserve(spec: K30Endpoint): number {
    const limit = spec.rateLimit;
    if (!limit) return 0;
    const max = Math.max(1, limit.perMinute - 1);
    const now = this.now();
    const slots = (this.booked.get(spec.id) ?? []).filter((slot) => slot > now - MINUTE_MS);
    const oldestThatMustLeave = slots.length >= max ? slots[slots.length - max] : undefined;
    const slot = oldestThatMustLeave === undefined ? now : Math.max(now, oldestThatMustLeave + MINUTE_MS);
    slots.push(slot);
    this.booked.set(spec.id, slots);
    return slot - now;
  }
}
