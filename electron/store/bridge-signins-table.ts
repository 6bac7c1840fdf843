import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId, BridgeId, QueuedSignin } from '../../shared/contract/bridges.ts';

/** A pass to report as C_SIGN_IN. */
export interface NewSignin {
  readonly deviceId: BridgeDeviceId;
  readonly backendId: BackendId;
  readonly eventId: string;
  /** The platform's personId. */
  readonly personId: string;
  /** Epoch ms. */
  readonly recordTime: number;
  /** The attendance type code (1 face, 2 IC card, 8 ID card…), as text. */
  readonly type: string;
  readonly temperature?: number | null;
  /** Where the captured face is (a file or the backend's reference), never the bytes. */
  readonly photoRef?: string | null;
}

/** A queued record with everything needed to send it. */
export interface StoredSignin extends QueuedSignin {
  readonly type: string;
  readonly temperature: number | null;
  readonly photoRef: string | null;
  readonly enqueuedAt: number;
}

/** Retry pauses: 5 s, doubling per attempt, at most 10 min. */
export const SIGNIN_BACKOFF = { firstMs: 5_000, maxMs: 600_000 } as const;

export function backoffMs(attempts: number, backoff: { firstMs: number; maxMs: number } = SIGNIN_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

interface Row {
  id: number;
  device_id: number;
  sn: string;
  backend_id: number;
  event_id: string;
  person_id: string;
  record_time: number;
  type: string;
  temperature: number | null;
  photo_ref: string | null;
  state: QueuedSignin['state'];
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  enqueued_at: number;
}

function toSignin(row: Row): StoredSignin {
  return {
    id: row.id,
    deviceId: row.device_id,
    sn: row.sn,
    backendId: row.backend_id,
    eventId: row.event_id,
    personId: row.person_id,
    recordTime: row.record_time,
    type: row.type,
    temperature: row.temperature,
    photoRef: row.photo_ref,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    enqueuedAt: row.enqueued_at,
  };
}

const SELECT = 'SELECT s.*, d.sn FROM bridge_signins s JOIN bridge_devices d ON d.id = s.device_id';

/**
 * `bridge_signins`, the attendance store-and-forward queue: one row per pass (UNIQUE backend_id +
 * event_id, so enqueueing twice is harmless), sent in record-time order per device. A row is
 * `queued`, `sending` (claimed: the one in flight) or `failed` (waits for its next attempt); the
 * platform's acknowledgement deletes it. After a crash, `sending` rows go back to `queued` when the
 * bridge starts ({@link BridgeSigninsTable.requeueSending}): at most the one in flight is sent again.
 */
export class BridgeSigninsTable {
  private readonly db: Database;
  private readonly enqueueStmt: Statement<unknown[]>;
  private readonly dueStmt: Statement<[number, number], Row>;
  private readonly upcomingStmt: Statement<[number, number, number], Row>;
  private readonly claimStmt: Statement<[number]>;
  private readonly inFlightStmt: Statement<[number], { id: number }>;
  private readonly getStmt: Statement<[number], Row>;
  private readonly doneStmt: Statement<[number]>;
  private readonly failedStmt: Statement<[string, number, number]>;
  private readonly requeueStmt: Statement<[]>;
  private readonly depthStmt: Statement<[number], { n: number; oldest: number | null }>;
  private readonly bridgeDepthStmt: Statement<[number], { device_id: number; sn: string; n: number; oldest: number | null }>;
  private readonly failedListStmt: Statement<[number, number], Row>;
  private readonly retryAllStmt: Statement<[number, number]>;
  private readonly retryOneStmt: Statement<[number, number, number]>;

  constructor(db: Database) {
    this.db = db;
    this.enqueueStmt = db.prepare(
      `INSERT INTO bridge_signins (device_id, backend_id, event_id, person_id, record_time, type, temperature, photo_ref, state, attempts, next_attempt_at, enqueued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?) ON CONFLICT (backend_id, event_id) DO NOTHING`,
    );
    this.dueStmt = db.prepare(`${SELECT} WHERE s.device_id = ? AND s.state != 'sending' AND s.next_attempt_at <= ? ORDER BY s.record_time, s.id LIMIT 1`);
    this.upcomingStmt = db.prepare(`${SELECT} WHERE s.device_id = ? AND s.state != 'sending' AND s.next_attempt_at <= ? ORDER BY s.record_time, s.id LIMIT ?`);
    this.claimStmt = db.prepare(`UPDATE bridge_signins SET state = 'sending' WHERE id = ?`);
    this.inFlightStmt = db.prepare(`SELECT id FROM bridge_signins WHERE device_id = ? AND state = 'sending' LIMIT 1`);
    this.getStmt = db.prepare(`${SELECT} WHERE s.id = ?`);
    this.doneStmt = db.prepare('DELETE FROM bridge_signins WHERE id = ?');
    this.failedStmt = db.prepare(`UPDATE bridge_signins SET state = 'failed', attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?`);
    this.requeueStmt = db.prepare(`UPDATE bridge_signins SET state = 'queued' WHERE state = 'sending'`);
    this.depthStmt = db.prepare('SELECT count(*) AS n, min(record_time) AS oldest FROM bridge_signins WHERE device_id = ?');
    this.bridgeDepthStmt = db.prepare(
      `SELECT d.id AS device_id, d.sn, count(s.id) AS n, min(s.record_time) AS oldest FROM bridge_devices d LEFT JOIN bridge_signins s ON s.device_id = d.id
       WHERE d.bridge_id = ? GROUP BY d.id ORDER BY d.id`,
    );
    this.failedListStmt = db.prepare(`${SELECT} WHERE d.bridge_id = ? AND s.attempts > 0 ORDER BY s.record_time, s.id LIMIT ?`);
    this.retryAllStmt = db.prepare(
      `UPDATE bridge_signins SET next_attempt_at = ? WHERE state = 'failed' AND device_id IN (SELECT id FROM bridge_devices WHERE bridge_id = ?)`,
    );
    this.retryOneStmt = db.prepare(
      `UPDATE bridge_signins SET next_attempt_at = ? WHERE state = 'failed' AND id = ? AND device_id IN (SELECT id FROM bridge_devices WHERE bridge_id = ?)`,
    );
  }

  /** Queues the pass; false when it was queued before (the same backend_id + event_id). */
  enqueue(signin: NewSignin, nowMs: number): boolean {
    const s = signin;
    return this.enqueueStmt.run(s.deviceId, s.backendId, s.eventId, s.personId, s.recordTime, s.type, s.temperature ?? null, s.photoRef ?? null, nowMs, nowMs).changes > 0;
  }

  /**
   * The device's oldest record (by record time) that is due, marked `sending`; undefined when none
   * is due or one is already in flight (one outstanding request per connection, D9). A record in
   * backoff does not hold back the newer ones.
   */
  claim(deviceId: BridgeDeviceId, nowMs: number): StoredSignin | undefined {
    return this.db.transaction(() => {
      if (this.inFlightStmt.get(deviceId)) return undefined;
      const row = this.dueStmt.get(deviceId, nowMs);
      if (!row) return undefined;
      this.claimStmt.run(row.id);
      return toSignin({ ...row, state: 'sending' });
    }).immediate();
  }

  /** The device's next due records after the one in flight, in the order they will be claimed (nothing is marked). */
  upcoming(deviceId: BridgeDeviceId, nowMs: number, limit: number): StoredSignin[] {
    return this.upcomingStmt.all(deviceId, nowMs, limit).map(toSignin);
  }

  get(id: number): StoredSignin | undefined {
    const row = this.getStmt.get(id);
    return row && toSignin(row);
  }

  /** The platform acknowledged it: it leaves the queue. */
  done(id: number): void {
    this.doneStmt.run(id);
  }

  /** The attempt failed: attempts + 1, the error kept, due again after the backoff. */
  failed(id: number, error: string, nowMs: number, backoff: { firstMs: number; maxMs: number } = SIGNIN_BACKOFF): void {
    const attempts = (this.get(id)?.attempts ?? 0) + 1;
    this.failedStmt.run(error.slice(0, 2000), nowMs + backoffMs(attempts, backoff), id);
  }

  /** On start: records left `sending` by a crash are queued again; returns how many. */
  requeueSending(): number {
    return this.requeueStmt.run().changes;
  }

  /** The device's queue: how many records, and the oldest record time (epoch ms, null when empty). */
  depth(deviceId: BridgeDeviceId): { depth: number; oldestRecordTime: number | null } {
    const row = this.depthStmt.get(deviceId)!;
    return { depth: row.n, oldestRecordTime: row.oldest };
  }

  /** Per device of the bridge (empty devices included). */
  bridgeDepths(bridgeId: BridgeId): { deviceId: BridgeDeviceId; sn: string; depth: number; oldestRecordTime: number | null }[] {
    return this.bridgeDepthStmt.all(bridgeId).map((row) => ({ deviceId: row.device_id, sn: row.sn, depth: row.n, oldestRecordTime: row.oldest }));
  }

  /** The bridge's records that failed at least once, oldest first. */
  failures(bridgeId: BridgeId, limit: number): StoredSignin[] {
    return this.failedListStmt.all(bridgeId, limit).map(toSignin);
  }

  /** Failed records of the bridge (or the one) are due now; returns how many. */
  retryNow(bridgeId: BridgeId, nowMs: number, id?: number): number {
    return (id === undefined ? this.retryAllStmt.run(nowMs, bridgeId) : this.retryOneStmt.run(nowMs, id, bridgeId)).changes;
  }
}
