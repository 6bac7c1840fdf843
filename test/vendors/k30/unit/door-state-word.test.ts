import { describe, expect, it } from 'vitest';
import { toDoor } from '../../../../electron/drivers/k30/mapping.ts';
import { doorStateWord } from '../../../../shared/rules/door-state-word.ts';

/** K30 reports only a device's `onlinestatus` (1 在线, 0 离线): the panel says offline or unknown, never open/closed. */
describe('K30 door state → the panel’s word', () => {
  it('reads onlinestatus', () => {
    expect(doorStateWord(toDoor({ no: '1', name: '大门', onlinestatus: 0 }).state)).toBe('offline');
    expect(doorStateWord(toDoor({ no: '1', name: '大门', onlinestatus: 1 }).state)).toBe('unknown');
    expect(doorStateWord(toDoor({ no: '1', name: '大门' }).state)).toBe('unknown');
  });
});
