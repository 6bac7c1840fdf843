import { describe, expect, it } from 'vitest';
import { k30EndpointById } from '../../../../electron/drivers/k30/endpoints.ts';
import type { K30Endpoint } from '../../../../electron/drivers/k30/envelope.ts';
import { RateWindow } from '../../../../electron/drivers/k30/rate-window.ts';

/** The "fewer than 60 requests a minute" of people.list, region.list and region.peopleList, on a fake clock. */
function spec(id: string): K30Endpoint {
  const found = k30EndpointById(id);
  if (!found) throw new Error(id);
  return found;
}

describe('K30 rate window', () => {
  it('lets 59 calls a minute through at once, and books the 60th for when the first leaves the minute', () => {
    let now = 1_000_000;
    const window = new RateWindow(() => now);
    const waits = Array.from({ length: 59 }, () => window.reserve(spec('people.list')));
    expect(waits.every((wait) => wait === 0)).toBe(true);
    expect(window.reserve(spec('people.list'))).toBe(60_000);
    expect(window.reserve(spec('people.list'))).toBe(60_000);
    now += 30_000;
    expect(window.reserve(spec('people.list'))).toBe(30_000);
  });

  it('never has 60 calls in any rolling minute, however the calls come', () => {
    let now = 0;
    const window = new RateWindow(() => now);
    const sent: number[] = [];
    for (let call = 0; call < 400; call++) {
      now += (call * 7919) % 1_700;
      sent.push(now + window.reserve(spec('region.peopleList')));
    }
    sent.sort((a, b) => a - b);
    for (let index = 59; index < sent.length; index++) expect((sent[index] ?? 0) - (sent[index - 59] ?? 0)).toBeGreaterThanOrEqual(60_000);
  });

  it('counts each limited endpoint on its own, and never holds back the others', () => {
    const window = new RateWindow(() => 0);
    for (let call = 0; call < 59; call++) window.reserve(spec('people.list'));
    expect(window.reserve(spec('region.list'))).toBe(0);
    for (let call = 0; call < 500; call++) expect(window.reserve(spec('device.openDoor'))).toBe(0);
    expect(window.reserve(spec('people.list'))).toBe(60_000);
  });
});
