import { describe, expect, it } from 'vitest';
import type { Capabilities, DoorMode } from '../../../shared/contract/backends.ts';
import { offeredDoorTests, whyNotOffered } from '../../../shared/rules/door-test-offers.ts';

/** Which door tests a backend's capabilities allow (shared/rules/door-test-offers.ts): the page and the core read the same rule. */
function capabilities(doorModes: DoorMode[]): Capabilities {
  return { closeDoor: false, doorModes, faceCheck: false, bulkUpsert: false, realtimeEvents: 'poll', visitors: false, notes: {} };
}

describe('door tests offered by capabilities', () => {
  it('offers the mode test only with a hold-open and a way back to normal', () => {
    expect(offeredDoorTests(capabilities(['normally-open', 'normally-closed', 'restore']))).toEqual(['open', 'mode', 'walk']);
    expect(offeredDoorTests(capabilities(['normally-open', 'restore']))).toEqual(['open', 'mode', 'walk']);
  });

  it('says why not: no door-mode call at all (ZKBio, Hongtu), or a hold with no way back (K30)', () => {
    expect(whyNotOffered(capabilities([]), 'mode')).toBe('noDoorModes');
    expect(whyNotOffered(capabilities(['normally-open', 'normally-closed']), 'mode')).toBe('noRestore');
    expect(whyNotOffered(capabilities(['normally-closed']), 'mode')).toBe('noRestore');
    // Back to normal, but nothing to hold the door with: still no mode to test.
    expect(whyNotOffered(capabilities(['restore']), 'mode')).toBe('noDoorModes');
    expect(offeredDoorTests(capabilities(['normally-open', 'normally-closed']))).toEqual(['open', 'walk']);
  });

  it('offers remote open and walk-through to every backend, and only those while the capabilities are unknown', () => {
    for (const modes of [[], ['normally-open', 'normally-closed']] as DoorMode[][]) {
      expect(whyNotOffered(capabilities(modes), 'open')).toBeNull();
      expect(whyNotOffered(capabilities(modes), 'walk')).toBeNull();
    }
    expect(offeredDoorTests(null)).toEqual(['open', 'walk']);
  });
});
