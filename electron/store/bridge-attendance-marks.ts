import type { Database, Statement } from 'better-sqlite3';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { BridgeId } from '../../shared/contract/bridges.ts';

/** A stored pass at one of a bridge's backends, with its place in the events table. */
export interface StoredPass {
  /** events.id: the order events were stored in. */
  readonly rowid: number;
  readonly backendId: BackendId;
  readonly event: AccessEvent;
}

/**
 * `bridge_attendance_marks` (migration 025): per bridge, the last stored event its attendance has
 * looked at, and the passes stored after it. A bridge gets its mark when it is added (the newest
 * event then); {@link BridgeAttendanceMarks.advance} moves it, inside the caller's transaction
 * together with the records queued ({@link BridgeAttendanceMarks.atomically}).
 */
export class BridgeAttendanceMarks {
  private readonly db: Database;
  private readonly markStmt: Statement<[number], { event_rowid: number }>;
  private readonly newestStmt: Statement<[], { n: number | null }>;
  private readonly passesStmt: Statement<[number, number, number, number], { id: number; backend_id: number; data: string }>;
  private readonly advanceStmt: Statement<[number, number, string, number, string]>;

  constructor(db: Database) {
    this.db = db;
    this.markStmt = db.prepare('SELECT event_rowid FROM bridge_attendance_marks WHERE bridge_id = ?');
    this.newestStmt = db.prepare('SELECT max(id) AS n FROM events');
    this.passesStmt = db.prepare(
      `SELECT id, backend_id, data FROM events
       WHERE id > ? AND id <= ? AND kind = 'pass' AND backend_id IN (SELECT backend_id FROM bridge_device_doors WHERE bridge_id = ?)
       ORDER BY id LIMIT ?`,
    );
    this.advanceStmt = db.prepare(
      `INSERT INTO bridge_attendance_marks (bridge_id, event_rowid, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (bridge_id) DO UPDATE SET event_rowid = ?, updated_at = ?`,
    );
  }

  /** The bridge's mark (events.id); 0 for a bridge with none (every stored event is after it). */
  mark(bridgeId: BridgeId): number {
    return this.markStmt.get(bridgeId)?.event_rowid ?? 0;
  }

  /** The newest stored event's id (0 when there is none). */
  newest(): number {
    return this.newestStmt.get()?.n ?? 0;
  }

  /** Passes at the bridge's backends stored after `afterRowid` up to `uptoRowid`, in stored order, at most `limit`. */
  passesAfter(bridgeId: BridgeId, afterRowid: number, uptoRowid: number, limit: number): StoredPass[] {
    return this.passesStmt.all(afterRowid, uptoRowid, bridgeId, limit).map((row) => ({ rowid: row.id, backendId: row.backend_id, event: JSON.parse(row.data) as AccessEvent }));
  }

  /** Every event up to `rowid` has been looked at. */
  advance(bridgeId: BridgeId, rowid: number, now: string): void {
    this.advanceStmt.run(bridgeId, rowid, now, rowid, now);
  }

  /** Runs `work` in one immediate transaction (the records queued and the mark move together). */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
