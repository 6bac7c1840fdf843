import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';

/** The event id prefix of a door's state changes stored as events (the doors service writes them). */
export function doorStateEventPrefix(doorId: string): string {
  return `door-state:${doorId}:`;
}

/**
 * The door-state changes kept in the events table (migration 003): the newest one of a door, so an
 * alarm episode that was already stored is not raised again when the app starts while it goes on.
 */
export class DoorStateEvents {
  private readonly newestStmt: Statement<[number, string, string], { raw: string | null }>;

  constructor(db: Database) {
    // A range on the unique (backend_id, event_id) index: the door's own rows only.
    this.newestStmt = db.prepare('SELECT raw FROM events WHERE backend_id = ? AND event_id > ? AND event_id < ? ORDER BY id DESC LIMIT 1');
  }

  /** The vendor's door state kept with the door's newest state change, or undefined when there is none. */
  newestRaw(backendId: BackendId, doorId: string): unknown {
    const prefix = doorStateEventPrefix(doorId);
    const row = this.newestStmt.get(backendId, prefix, `${prefix}\uffff`);
    if (row === undefined || row.raw === null) return undefined;
    try {
      return JSON.parse(row.raw) as unknown;
    } catch {
      return undefined;
    }
  }
}
