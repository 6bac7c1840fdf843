import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';

export const DEFAULT_RETENTION_DAYS = 180;

/** Each backend's event cursor (where its stream stopped) and the event settings. */
export class EventStreamsTable {
  private readonly getCursor: Statement<[number], { cursor: string }>;
  private readonly putCursor: Statement<[number, string, string]>;
  private readonly getSetting: Statement<[string], { value: string }>;
  private readonly putSetting: Statement<[string, string]>;

  constructor(db: Database) {
    this.getCursor = db.prepare('SELECT cursor FROM event_cursors WHERE backend_id = ?');
    this.putCursor = db.prepare(
      `INSERT INTO event_cursors (backend_id, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (backend_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    );
    this.getSetting = db.prepare('SELECT value FROM event_settings WHERE key = ?');
    this.putSetting = db.prepare('INSERT INTO event_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  cursor(backendId: BackendId): string | null {
    return this.getCursor.get(backendId)?.cursor ?? null;
  }

  saveCursor(backendId: BackendId, cursor: string, at = new Date()): void {
    this.putCursor.run(backendId, cursor, at.toISOString());
  }

  retentionDays(): number {
    const value = Number(this.getSetting.get('retention_days')?.value);
    return Number.isInteger(value) && value > 0 ? value : DEFAULT_RETENTION_DAYS;
  }

  setRetentionDays(days: number): void {
    this.putSetting.run('retention_days', String(days));
  }
}
