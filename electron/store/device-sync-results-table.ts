import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { DeviceResult } from '../../shared/contract/device-results.ts';
import type { SiteId } from '../../shared/contract/sites.ts';

/** One reported result, as a vendor's push reader gives it (the store does not import backends/). */
interface ReportedResult {
  readonly personNo: string;
  readonly deviceNo: string;
  readonly ok: boolean;
  readonly message: string;
  /** The backend's time of the report, text that sorts by time; null when not known. */
  readonly reportedAt: string | null;
}

interface ResultRow {
  backend_id: number;
  pin: string | null;
  person_no: string;
  device_no: string;
  ok: number;
  message: string;
  received_at: string;
}

/**
 * Rows of `device_sync_results`: the latest per-device push result of each person per backend
 * (K30's authstatus). Listing names the person by Doorman's pin through `backend_person_refs`
 * (the backend's number → the pin Doorman sent it as), null for a person Doorman did not send.
 */
export class DeviceSyncResultsTable {
  private readonly db: Database;
  private readonly upsert: Statement<[number, string, string, number, string, string | null, string]>;
  private readonly bySite: Statement<[number], ResultRow>;
  private readonly pinStmt: Statement<[number, string], { pin: string }>;

  constructor(db: Database) {
    this.db = db;
    this.upsert = db.prepare(
      `INSERT INTO device_sync_results (backend_id, person_no, device_no, ok, message, reported_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (backend_id, person_no, device_no) DO UPDATE
         SET ok = excluded.ok, message = excluded.message, reported_at = excluded.reported_at, received_at = excluded.received_at
         WHERE excluded.reported_at IS NULL OR device_sync_results.reported_at IS NULL OR excluded.reported_at >= device_sync_results.reported_at`,
    );
    this.bySite = db.prepare(
      `SELECT r.backend_id, (SELECT p.pin FROM backend_person_refs p WHERE p.backend_id = r.backend_id AND p.ref = r.person_no ORDER BY p.pin LIMIT 1) AS pin,
              r.person_no, r.device_no, r.ok, r.message, r.received_at
       FROM device_sync_results r JOIN backends b ON b.id = r.backend_id
       WHERE b.site_id = ? ORDER BY r.received_at DESC, r.backend_id, r.person_no, r.device_no`,
    );
    this.pinStmt = db.prepare('SELECT pin FROM backend_person_refs WHERE backend_id = ? AND ref = ? ORDER BY pin LIMIT 1');
  }

  /**
   * Stores the results, each replacing the one before for its person and device unless that one was
   * reported later; returns those stored, as listed (a late, older one is not).
   */
  record(backendId: BackendId, results: readonly ReportedResult[], receivedAt = new Date()): DeviceResult[] {
    const at = receivedAt.toISOString();
    return this.db.transaction(() =>
      results.flatMap((result) => {
        const { changes } = this.upsert.run(backendId, result.personNo, result.deviceNo, result.ok ? 1 : 0, result.message, result.reportedAt, at);
        if (changes === 0) return [];
        return [{ backendId, pin: this.pinOf(backendId, result.personNo), personNo: result.personNo, deviceNo: result.deviceNo, ok: result.ok, message: result.message, receivedAt: at }];
      }),
    )();
  }

  /** The latest results on the site's backends, newest first. */
  list(siteId: SiteId): DeviceResult[] {
    return this.bySite.all(siteId).map((row) => ({
      backendId: row.backend_id,
      pin: row.pin,
      personNo: row.person_no,
      deviceNo: row.device_no,
      ok: row.ok === 1,
      message: row.message,
      receivedAt: row.received_at,
    }));
  }

  private pinOf(backendId: BackendId, personNo: string): string | null {
    return this.pinStmt.get(backendId, personNo)?.pin ?? null;
  }
}
