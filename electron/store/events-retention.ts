import type { Database, Statement } from 'better-sqlite3';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';

/**
 * The events table's size over years: the oldest events deleted a small batch at a time (each batch
 * its own short transaction, so the guard-room PC never stalls), and the newest events of a site
 * read newest-first along the time index (migration 015) without sorting the table.
 */
export class EventsRetention {
  private readonly db: Database;
  private readonly deleteBatch: Statement<[string, number]>;

  constructor(db: Database) {
    this.db = db;
    this.deleteBatch = db.prepare('DELETE FROM events WHERE id IN (SELECT id FROM events WHERE occurred_at < ? ORDER BY occurred_at, id LIMIT ?)');
  }

  /**
   * Deletes up to `limit` events that happened before `before` (compared by date: stored times
   * are the vendors' own texts, `yyyy-MM-dd HH:mm:ss` or ISO, which share the date's form);
   * the number deleted (fewer than `limit`: none left).
   */
  pruneBatch(before: Date, limit: number): number {
    return this.deleteBatch.run(before.toISOString().slice(0, 10), limit).changes;
  }

  /** The newest `limit` events of these backends, newest first. */
  newest(backendIds: readonly BackendId[], limit: number): AccessEvent[] {
    if (backendIds.length === 0) return [];
    const marks = backendIds.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT data FROM events INDEXED BY events_time WHERE backend_id IN (${marks}) ORDER BY occurred_at DESC, id DESC LIMIT ?`)
      .all(...backendIds, limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as AccessEvent);
  }
}
