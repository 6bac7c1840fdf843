import type { Database } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';

/** What the alarm rules read back from the events table (migration 003): the raw payload, recent denials. */
export class AlarmEvidence {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The vendor's payload stored with the event, parsed; undefined when none was kept. */
  raw(backendId: BackendId, eventId: string): unknown {
    const row = this.db.prepare('SELECT raw FROM events WHERE backend_id = ? AND event_id = ?').get(backendId, eventId) as { raw: string | null } | undefined;
    if (row === undefined || row.raw === null) return undefined;
    try {
      return JSON.parse(row.raw) as unknown;
    } catch {
      return undefined;
    }
  }

  /**
   * The times of the newest `limit` denials at one door (null: the events with no door), newest
   * first. A stranger is refused too but raises its own alarm: only refused known people count.
   */
  deniedAt(backendId: BackendId, doorId: string | null, limit: number): string[] {
    const rows = this.db
      .prepare("SELECT occurred_at FROM events WHERE backend_id = ? AND door_id IS ? AND kind = 'denied' AND coalesce(json_extract(data, '$.result'), 'denied') = 'denied' ORDER BY id DESC LIMIT ?")
      .all(backendId, doorId, limit) as { occurred_at: string }[];
    return rows.map((r) => r.occurred_at);
  }
}
