import { describe, expect, it } from 'vitest';
import { toDoor } from '../../../../electron/drivers/hongtu/mapping.ts';
import { doorStateWord } from '../../../../shared/rules/door-state-word.ts';

/** Hongtu's door/list gives a device `status` only (1/3 online, 2/4 offline): offline or unknown. */
describe('Hongtu door state → the panel’s word', () => {
  it('reads status', () => {
    expect(doorStateWord(toDoor({ uuid: 'u1', name: 'Gate', status: 2 }).state)).toBe('offline');
    expect(doorStateWord(toDoor({ uuid: 'u1', name: 'Gate', status: 4 }).state)).toBe('offline');
    expect(doorStateWord(toDoor({ uuid: 'u1', name: 'Gate', status: 1 }).state)).toBe('unknown');
  });
});
