import { describe, expect, it } from 'vitest';
import { toDoorState } from '../../../../electron/drivers/zkbio/mapping.ts';
import { doorStateWord } from '../../../../shared/rules/door-state-word.ts';

/** The doors panel's word for a ZKBio DoorState (§6.2: connect 0/1/2, sensor, relay, alarm). */
describe('ZKBio door state → the panel’s word', () => {
  const word = (fields: Record<string, unknown>) => doorStateWord(toDoorState(fields));
  it('reads the document’s fields', () => {
    expect(word({ connect: 1, sensor: 'open', relay: 'off', alarm: 'none' })).toBe('open');
    expect(word({ connect: 1, sensor: 'off', relay: 'off', alarm: 'none' })).toBe('closed');
    expect(word({ connect: 1, sensor: 'no sensor', relay: 'open', alarm: 'none' })).toBe('open');
    expect(word({ connect: 1, sensor: 'No sensor', relay: 'off', alarm: 'unknown' })).toBe('closed');
    expect(word({ connect: 1, sensor: 'open', relay: 'off', alarm: 'be opened accidentally' })).toBe('alarm');
    expect(word({ connect: 0, sensor: 'unknown', relay: 'unknown', alarm: 'unknown' })).toBe('offline');
    expect(word({ connect: 2, sensor: 'off', relay: 'off', alarm: 'none' })).toBe('offline');
    expect(word({ connect: 1, sensor: 'unknown', relay: 'unknown', alarm: 'unknown' })).toBe('unknown');
    expect(doorStateWord(null)).toBe('unknown');
  });
});
