import type { Database } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { DoorTestResult } from '../../shared/contract/door-tests.ts';
import type { SiteId } from '../../shared/contract/sites.ts';

/** Door-test results, kept for the commissioning report. */
export class DoorTestsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Stores a finished test; returns it with its id. */
  add(result: Omit<DoorTestResult, 'id'>): DoorTestResult {
    const id = Number(
      this.db
        .prepare('INSERT INTO door_tests (run_id, site_id, backend_id, door_id, test, verdict, latency_ms, started_at, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id')
        .pluck()
        .get(result.runId, result.siteId, result.backendId, result.doorId, result.test, result.verdict, result.latencyMs, result.startedAt, '{}'),
    );
    const stored: DoorTestResult = { id, ...result };
    this.db.prepare('UPDATE door_tests SET result = ? WHERE id = ?').run(JSON.stringify(stored), id);
    return stored;
  }

  list(siteId: SiteId, backendId?: BackendId): DoorTestResult[] {
    const rows = (backendId === undefined
      ? this.db.prepare('SELECT result FROM door_tests WHERE site_id = ? ORDER BY started_at DESC, id DESC').all(siteId)
      : this.db.prepare('SELECT result FROM door_tests WHERE site_id = ? AND backend_id = ? ORDER BY started_at DESC, id DESC').all(siteId, backendId)) as { result: string }[];
    return rows.map((r) => JSON.parse(r.result) as DoorTestResult);
  }
}
