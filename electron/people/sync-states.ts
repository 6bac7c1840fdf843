import type { OutboxEntry, PersonSync, SyncState } from '../../shared/contract/people.ts';
import type { OutboxTable } from '../store/outbox-table.ts';

/** A person's state on a backend, read from their newest outbox entry there. */
export function syncStateOf(entry: OutboxEntry): SyncState {
  switch (entry.state) {
    case 'done':
      return 'synced';
    case 'failed':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    default:
      // pending or sending: on its way, perhaps after a try that did not go through (backend down).
      return 'waiting';
  }
}

/**
 * Each person's sync state on every backend they were sent an upsert to (People page, "Sync to
 * backends"), matched by personnel number. A delete is no state of a listed person: after one,
 * the person is no longer on the site.
 */
export function personSyncStates(outbox: OutboxTable, people: readonly { id: number; pin: string }[], siteId: number): PersonSync[] {
  const idOfPin = new Map(people.map((p) => [p.pin, p.id]));
  const states: PersonSync[] = [];
  for (const entry of outbox.newestPerPerson(siteId)) {
    const personId = idOfPin.get(entry.pin);
    if (personId === undefined || entry.action !== 'upsert') continue;
    const state = syncStateOf(entry);
    states.push({
      personId,
      backendId: entry.backendId,
      state,
      reason: state === 'failed' || state === 'waiting' ? entry.lastError : null,
      nextTryAt: state === 'waiting' ? entry.nextTryAt : null,
      cancelledBy: entry.cancelledBy,
    });
  }
  return states;
}
