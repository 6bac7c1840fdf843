import type { Database } from 'better-sqlite3';
import type { DoorAction, DoorActionKind } from '../../shared/contract/doors.ts';

interface Row {
  id: number;
  site_id: number;
  backend_id: number;
  door_id: string;
  door_name: string | null;
  action: DoorActionKind;
  seconds: number | null;
  station: string;
  guard: string | null;
  started_at: string;
  finished_at: string | null;
  result: DoorAction['result'];
  error_code: string | null;
  error_message: string | null;
}

export interface StartedAction {
  readonly siteId: number;
  readonly backendId: number;
  readonly doorId: string;
  readonly doorName: string | null;
  readonly action: DoorActionKind;
  readonly seconds: number | null;
  readonly station: string;
  readonly guard: string | null;
}

/** The door actions' audit log (migration 019 `door_actions`). */
export class DoorActionsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  start(action: StartedAction, at: string): DoorAction {
    const info = this.db
      .prepare(
        `INSERT INTO door_actions (site_id, backend_id, door_id, door_name, action, seconds, station, guard, started_at, result)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'started')`,
      )
      .run(action.siteId, action.backendId, action.doorId, action.doorName, action.action, action.seconds, action.station, action.guard, at);
    return this.get(Number(info.lastInsertRowid));
  }

  finish(id: number, at: string, error: { code: string; message: string } | null): DoorAction {
    this.db
      .prepare('UPDATE door_actions SET finished_at = ?, result = ?, error_code = ?, error_message = ? WHERE id = ?')
      .run(at, error ? 'failed' : 'ok', error?.code ?? null, error?.message ?? null, id);
    return this.get(id);
  }

  get(id: number): DoorAction {
    return view(this.db.prepare('SELECT * FROM door_actions WHERE id = ?').get(id) as Row);
  }

  /** The site's actions, newest first, started within [from, to]. */
  list(siteId: number, options: { from?: string | undefined; to?: string | undefined; limit: number }): DoorAction[] {
    const rows = this.db
      .prepare('SELECT * FROM door_actions WHERE site_id = ? AND started_at >= ? AND started_at <= ? ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(siteId, options.from ?? '', options.to ?? '9999', options.limit) as Row[];
    return rows.map(view);
  }
}

function view(row: Row): DoorAction {
  return {
    id: row.id,
    siteId: row.site_id,
    backendId: row.backend_id,
    doorId: row.door_id,
    doorName: row.door_name,
    action: row.action,
    seconds: row.seconds,
    station: row.station,
    guard: row.guard,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}
