import type { Capabilities } from '../contract/backends.ts';
import { DOOR_TESTS, type DoorTestKind } from '../contract/door-tests.ts';

/**
 * Which door tests a backend can run, read from its capabilities (`backends.capabilities`), so the
 * Door tests page offers what the core will run and the core refuses the rest by the same rule.
 *
 * The mode test holds a door normally open, reads the state back and returns the door to normal:
 * without `restore` it would leave the door held (K30's device.setLongOpen has 1 常开 and 2 常关
 * only, k30.md §6), so it needs both. The remote-open and walk-through tests need only what every
 * backend has (a remote open, events).
 */
export type NotOfferedReason =
  /** The backend's API has no door-mode call at all (ZKBio, Hongtu). */
  | 'noDoorModes'
  /** It can hold a door open or closed but has no call that returns the door to normal (K30). */
  | 'noRestore';

/** The tests whose offer depends on the backend's capabilities; the others every backend runs. */
const NEEDS_CAPABILITIES: readonly DoorTestKind[] = ['mode'];

/** Why a test is not offered for a backend with these capabilities; null when it is offered. */
export function whyNotOffered(capabilities: Capabilities, test: DoorTestKind): NotOfferedReason | null {
  if (!NEEDS_CAPABILITIES.includes(test)) return null;
  const modes = capabilities.doorModes;
  if (modes.length > 0 && !modes.includes('restore')) return 'noRestore';
  return modes.includes('normally-open') ? null : 'noDoorModes';
}

/**
 * The tests offered for a backend with these capabilities, in the page's order; while they are not
 * known yet (null), only the tests every backend runs.
 */
export function offeredDoorTests(capabilities: Capabilities | null): DoorTestKind[] {
  return DOOR_TESTS.filter((test) => (capabilities === null ? !NEEDS_CAPABILITIES.includes(test) : whyNotOffered(capabilities, test) === null));
}
