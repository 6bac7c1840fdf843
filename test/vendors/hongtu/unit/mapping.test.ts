import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/hongtu/mapping.ts';
import { eventTimeProblem } from '../../../../electron/store/event-time.ts';

describe('Hongtu pass record → AccessEvent', () => {
  it('takes the time from passTimestamp (ms) as ISO', () => {
    const event = toAccessEvent({ id: 'r1', passTimestamp: 1621836790298, passType: 1 });
    expect(event.occurredAt).toBe('2021-05-24T06:13:10.298Z');
    expect(event.kind).toBe('pass');
  });

  it('does not throw on a timestamp beyond any date: the time is kept as text the events store refuses', () => {
    const event = toAccessEvent({ id: 'r2', passTimestamp: 1e20, passType: 1 });
    expect(event.occurredAt).toBe(String(1e20));
    expect(eventTimeProblem(event.occurredAt)).toBe('not_a_time');
  });

  it('falls back to passTime when the timestamp is no date', () => {
    const event = toAccessEvent({ id: 'r3', passTimestamp: -9e18, passTime: '2021-05-24 14:13:10' });
    expect(event.occurredAt).toBe('2021-05-24 14:13:10');
  });
});
