import type { DoorState } from '../contract/backends.ts';
import type { DoorStateWord } from '../contract/doors.ts';

/**
 * The one word a door's state is shown as on the doors panel, from the state every driver maps its
 * vendor's fields into (ZKBio door/doorStateList sensor/relay/alarm, Hongtu and K30 where they give
 * one). What matters most to a guard wins: a door that cannot be reached, then an alarm, then a
 * held door, then the sensor (or, without a sensor, the lock relay).
 */
export function doorStateWord(state: DoorState | null): DoorStateWord {
  if (state === null) return 'unknown';
  if (state.online === false) return 'offline';
  if (state.alarm === true) return 'alarm';
  if (state.mode === 'normally-open') return 'held-open';
  if (state.mode === 'normally-closed') return 'held-closed';
  if (state.sensor !== 'unknown') return state.sensor;
  if (state.relay === 'unlocked') return 'open';
  if (state.relay === 'locked') return 'closed';
  return 'unknown';
}
