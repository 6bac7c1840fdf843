import type { AccessEvent, BackendId, Door } from '../../shared/contract/backends.ts';
import type { AlarmMatch, AlarmTable } from '../backends/vendors.ts';

/**
 * A door's alarm as one read of its state says it: the vendor's alarm (by its table), `null` when the
 * state says explicitly that there is none, `undefined` when the read says nothing either way (the
 * alarm field unknown, the door not reported): such a read neither starts nor ends an episode.
 */
export type DoorAlarmReading = AlarmMatch | null | undefined;

/** What a reading changes: a new alarm episode starts, the current one ends, or nothing. */
export type EpisodeChange = { readonly kind: 'raise'; readonly match: AlarmMatch } | { readonly kind: 'clear' } | null;

/** The key of an alarm: a different alarm at a door in alarm is a new episode; the same one is not. */
function keyOf(reading: AlarmMatch | null): string | null {
  return reading === null ? null : `${reading.alarmClass}:${reading.reason.en}`;
}

/** The vendor's own door-state values, as its door list gave them (ZKBio `connect`, `sensor`, `relay`, `alarm`). */
export function doorStateRaw(door: Door): Record<string, string> | undefined {
  const vendor = door.state?.vendor;
  return vendor && Object.keys(vendor).length > 0 ? { id: door.id, name: door.name, ...vendor } : undefined;
}

/** The event a door-state change is stored as (its raw is the vendor's state, for the alarm table). */
export function doorStateEvent(door: Door, occurredAt: string, change: Exclude<EpisodeChange, null>, eventId: string): AccessEvent {
  return {
    eventId,
    occurredAt,
    kind: change.kind === 'raise' ? 'alarm' : 'door',
    doorId: door.id,
    doorName: door.name || null,
    deviceSerial: null,
    readerName: null,
    personPin: null,
    personName: null,
    verifyMode: null,
    description: change.kind === 'raise' ? change.match.reason.en : 'Door back to normal',
    photoUrl: null,
    result: 'other',
  };
}

/** What one read of a door says about its alarm, by the vendor's table (no vendor named here). */
export function readDoorAlarm(table: AlarmTable, door: Door, probe: AccessEvent): DoorAlarmReading {
  const raw = doorStateRaw(door);
  if (raw === undefined) return undefined;
  const match = table({ event: probe, raw });
  if (match) return match;
  return door.state?.alarm === false ? null : undefined;
}

/**
 * Alarm episodes per door, from successive reads of its state: an alarm is raised on the transition
 * into an alarm (not on every read that still shows it), and again only after the door went back to
 * none or into a different alarm. Where a door stood before this process started comes from `before`
 * (its stored state changes), so a restart during an episode raises nothing new.
 */
export class DoorAlarmEpisodes {
  private readonly last = new Map<string, string | null>();

  /** `before`: the door's alarm as last stored, asked only for a door this process has not read yet. */
  next(backendId: BackendId, doorId: string, reading: DoorAlarmReading, before: () => AlarmMatch | null): EpisodeChange {
    if (reading === undefined) return null;
    const id = `${backendId}/${doorId}`;
    const previous = this.last.has(id) ? (this.last.get(id) ?? null) : keyOf(before());
    const now = keyOf(reading);
    this.last.set(id, now);
    if (now === previous) return null;
    return reading === null ? { kind: 'clear' } : { kind: 'raise', match: reading };
  }
}
