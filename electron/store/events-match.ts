import type { Database, Statement } from 'better-sqlite3';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';

type Params = [number, string, string, string, string, string, string, string];

/**
 * Whether an event is already stored under another id from another source: a vendor whose monitor
 * gives no record id (ZKBio's transaction/monitor) names the same pass differently than its list,
 * so the two are matched by what they say — time, device, door, reader, person, description.
 * Two passes equal in all of these are not told apart by the vendor's own monitor either.
 */
export class EventsMatch {
  private readonly stmt: Statement<Params, { id: number; event_id: string }>;
  private readonly sourceStmt: Statement<[number, string], { source: 'push' | 'poll' | 'monitor' }>;
  private readonly hasStmt: Statement<[number, string], { n: number }>;
  private readonly adoptStmt: Statement<[string, string, string, string | null, number]>;

  constructor(db: Database) {
    this.sourceStmt = db.prepare('SELECT source FROM events WHERE backend_id = ? AND event_id = ?');
    this.hasStmt = db.prepare('SELECT 1 AS n FROM events WHERE backend_id = ? AND event_id = ?');
    this.adoptStmt = db.prepare('UPDATE events SET event_id = ?, data = ?, source = ?, raw = coalesce(?, raw) WHERE id = ?');
    this.stmt = db.prepare(
      `SELECT id, event_id FROM events WHERE backend_id = ? AND occurred_at = ? AND source = ?
         AND coalesce(person_pin, '') = ?
         AND coalesce(json_extract(data, '$.deviceSerial'), '') = ?
         AND coalesce(json_extract(data, '$.doorName'), '') = ?
         AND coalesce(json_extract(data, '$.readerName'), '') = ?
         AND json_extract(data, '$.description') = ?
       LIMIT 1`,
    );
  }

  /** Whether an event saying the same is stored from `source`. */
  storedFrom(backendId: BackendId, source: string, event: AccessEvent): boolean {
    return this.find(backendId, source, event) !== undefined;
  }

  sourceOf(backendId: BackendId, eventId: string): 'push' | 'poll' | 'monitor' | null {
    return this.sourceStmt.get(backendId, eventId)?.source ?? null;
  }

  has(backendId: BackendId, eventId: string): boolean {
    return this.hasStmt.get(backendId, eventId) !== undefined;
  }

  /**
   * One stored event from `from` saying the same as `event` takes its id, data and source `to`
   * (the list's id replaces the monitor's, once: several alike passes are each their own row);
   * the id the row had, or null when there was none.
   */
  adopt(backendId: BackendId, from: string, to: string, event: AccessEvent, raw?: unknown): string | null {
    const row = this.find(backendId, from, event);
    if (!row) return null;
    this.adoptStmt.run(event.eventId, JSON.stringify(event), to, raw === undefined ? null : JSON.stringify(raw), row.id);
    return row.event_id;
  }

  private find(backendId: BackendId, source: string, event: AccessEvent): { id: number; event_id: string } | undefined {
    return this.stmt.get(backendId, event.occurredAt, source, event.personPin ?? '', event.deviceSerial ?? '', event.doorName ?? '', event.readerName ?? '', event.description);
  }
}
