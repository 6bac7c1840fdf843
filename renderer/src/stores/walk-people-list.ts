import type { BackendPerson } from '../../../shared/contract/backends.ts';
import type { Person } from '../../../shared/contract/people.ts';

/** A person the walk-through can wait for: whom the backend holds, and whom Doorman enrolled on the site. */
export interface WalkPerson {
  readonly pin: string;
  readonly name: string;
  /** The backend holds this personnel number: only such a person can pass. */
  readonly onBackend: boolean;
  /** Enrolled in Doorman on this site. */
  readonly inDoorman: boolean;
}

/** The backend's people and the site's own, one entry per personnel number, the backend's first. */
export function mergePeople(backend: readonly BackendPerson[], site: readonly Person[]): WalkPerson[] {
  const byPin = new Map<string, WalkPerson>();
  for (const person of backend) byPin.set(person.pin, { pin: person.pin, name: person.name, onBackend: true, inDoorman: false });
  for (const person of site) {
    const { pin, name } = person.fields;
    const known = byPin.get(pin);
    byPin.set(pin, known ? { ...known, name: known.name || name, inDoorman: true } : { pin, name, onBackend: false, inDoorman: true });
  }
  return [...byPin.values()].sort((a, b) => Number(b.onBackend) - Number(a.onBackend) || a.pin.localeCompare(b.pin, 'en', { numeric: true }));
}

/** People whose name or personnel number contains the query (case and width of spaces ignored), at most `limit`. */
export function matchPeople(people: readonly WalkPerson[], query: string, limit = 8): WalkPerson[] {
  const q = query.trim().toLowerCase();
  const found = q === '' ? people : people.filter((p) => p.pin.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
  return found.slice(0, limit);
}
