import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';

/** The captured-photo link stored with one event (its `capturedPhotoUrl`), read from the events table. */
export class EventPhotoLinks {
  private readonly select: Statement<[number, string]>;

  constructor(db: Database) {
    this.select = db.prepare("SELECT json_extract(data, '$.capturedPhotoUrl') AS url FROM events WHERE backend_id = ? AND event_id = ?");
  }

  /** The link, null when the event has none, undefined when there is no such event. */
  capturedPhotoUrl(backendId: BackendId, eventId: string): string | null | undefined {
    const row = this.select.get(backendId, eventId) as { url: unknown } | undefined;
    if (!row) return undefined;
    return typeof row.url === 'string' && row.url !== '' ? row.url : null;
  }
}
