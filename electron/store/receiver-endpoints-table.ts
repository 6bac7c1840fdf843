import type { Database, Statement } from 'better-sqlite3';
import type { BackendId, PushSignCheck } from '../../shared/contract/backends.ts';

/** Where a backend's push receiver listens, and whether it should be running. */
export interface ReceiverEndpoint {
  readonly host: string;
  readonly port: number;
  /** The secret path segment of its URL. */
  readonly token: string;
  readonly signCheck: PushSignCheck;
  readonly enabled: boolean;
  /** When the backend first called this URL (ISO), null: not yet. Cleared when the URL changes. */
  readonly firstCalledAt?: string | null;
}

interface Row {
  backend_id: number;
  host: string;
  port: number;
  token: string;
  sign_check: PushSignCheck;
  enabled: number;
  first_called_at: string | null;
}

/**
 * Rows of `receiver_endpoints`: each backend's receiver address, port and URL token, so its URL is
 * the same every time it starts, and the receivers to start again when the app starts.
 */
export class ReceiverEndpointsTable {
  private readonly getStmt: Statement<[number], Row>;
  private readonly saveStmt: Statement<[number, string, number, string, string, number]>;
  private readonly enableStmt: Statement<[number, number]>;
  private readonly enabledStmt: Statement<[], { backend_id: number }>;
  private readonly calledStmt: Statement<[string, number]>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT * FROM receiver_endpoints WHERE backend_id = ?');
    this.saveStmt = db.prepare(
      `INSERT INTO receiver_endpoints (backend_id, host, port, token, sign_check, enabled) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (backend_id) DO UPDATE SET host = excluded.host, port = excluded.port, token = excluded.token, sign_check = excluded.sign_check, enabled = excluded.enabled,
         first_called_at = CASE WHEN host = excluded.host AND port = excluded.port AND token = excluded.token THEN first_called_at END`,
    );
    this.calledStmt = db.prepare('UPDATE receiver_endpoints SET first_called_at = coalesce(first_called_at, ?) WHERE backend_id = ?');
    this.enableStmt = db.prepare('UPDATE receiver_endpoints SET enabled = ? WHERE backend_id = ?');
    this.enabledStmt = db.prepare('SELECT backend_id FROM receiver_endpoints WHERE enabled = 1 ORDER BY backend_id');
  }

  get(backendId: BackendId): ReceiverEndpoint | null {
    const row = this.getStmt.get(backendId);
    return row ? { host: row.host, port: row.port, token: row.token, signCheck: row.sign_check, enabled: row.enabled === 1, firstCalledAt: row.first_called_at } : null;
  }

  /** The backend called this URL (the first time is kept). */
  markCalled(backendId: BackendId, at: string): void {
    this.calledStmt.run(at, backendId);
  }

  save(backendId: BackendId, endpoint: ReceiverEndpoint): void {
    this.saveStmt.run(backendId, endpoint.host, endpoint.port, endpoint.token, endpoint.signCheck, endpoint.enabled ? 1 : 0);
  }

  /** Stopped by the user (false): not started again with the app; its address and token are kept. */
  setEnabled(backendId: BackendId, enabled: boolean): void {
    this.enableStmt.run(enabled ? 1 : 0, backendId);
  }

  /** The backends whose receivers were running when the app last stopped. */
  enabled(): BackendId[] {
    return this.enabledStmt.all().map((row) => row.backend_id);
  }
}
