import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { OutboxEntry } from '../../shared/contract/people.ts';

interface Row {
  id: number;
  site_id: number;
  backend_id: number;
  person_id: number | null;
  pin: string;
  action: 'upsert' | 'delete';
  payload: string;
  state: OutboxEntry['state'];
  attempts: number;
  next_try_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  /** Present where a statement computes it (CANCELLED_BY): who cancelled a cancelled entry. */
  cancelled_by?: 'you' | 'newer' | null;
}

export interface OutboxItem {
  readonly entry: OutboxEntry;
  readonly payload: unknown;
}

/**
 * When the engine last began sending the entry: `updated_at` is stamped by the claim and by the
 * end of the send, and a person's Retry (which also stamps it) makes the entry due at once, so it
 * is tried again within a pass. Never tried (attempts 0) or cancelled: none.
 */
function lastTryAt(row: Row): string | null {
  return row.attempts > 0 && row.state !== 'cancelled' ? row.updated_at : null;
}

/**
 * A cancelled entry that no statement said why for: the ones that return rows while cancelling
 * (finish, recover) do it because a newer write was queued; cancel() is a person's.
 */
function toItem(row: Row, cancelledBy: 'you' | 'newer' = 'newer'): OutboxItem {
  return {
    payload: JSON.parse(row.payload) as unknown,
    entry: {
      id: row.id,
      siteId: row.site_id,
      backendId: row.backend_id,
      personId: row.person_id,
      pin: row.pin,
      action: row.action,
      state: row.state,
      attempts: row.attempts,
      nextTryAt: row.next_try_at,
      lastError: row.last_error ? (JSON.parse(row.last_error) as OutboxEntry['lastError']) : null,
      lastTryAt: lastTryAt(row),
      cancelledBy: row.state === 'cancelled' ? (row.cancelled_by ?? cancelledBy) : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  };
}

interface NewOutboxEntry {
  readonly siteId: number;
  readonly backendId: BackendId;
  readonly personId: number | null;
  readonly pin: string;
  readonly action: 'upsert' | 'delete';
  readonly payload: unknown;
  readonly idempotencyKey: string;
}

/** Whether the engine that claimed an entry (`claimed_by`, at `claimedAt`) still runs. */
type ClaimIsLive = (owner: string | null, claimedAt: string) => boolean;

/*
 * The rule every write obeys, for one person (pin) on one backend: writes reach the backend in the
 * order they were made, and the newest write supersedes every older one not confirmed. So an entry
 * is sent only while it is the newest for its person and backend and no older one is in flight;
 * an older one still waiting (pending, failed, or a 'sending' whose process died) is cancelled,
 * never sent after it. These two conditions are shared by due() and claim().
 */
const NEWEST = `NOT EXISTS (SELECT 1 FROM outbox AS newer WHERE newer.backend_id = outbox.backend_id AND newer.pin = outbox.pin AND newer.id > outbox.id)`;
/*
 * Why a cancelled entry was cancelled, without a column for it: a newer write cancels the older
 * ones in the same statement that inserts it (add(): the same `now` for both), or when the older
 * send ends after it (finish(), recover(): later still). So a newer entry created no later than the
 * cancelled one's last change replaced it; otherwise a person cancelled it (cancel()) — and a
 * change saved after a person's cancel is stamped at least a millisecond later than it.
 */
const CANCELLED_BY = `CASE WHEN outbox.state <> 'cancelled' THEN NULL
  WHEN EXISTS (SELECT 1 FROM outbox AS newer WHERE newer.backend_id = outbox.backend_id AND newer.pin = outbox.pin AND newer.id > outbox.id AND newer.created_at <= outbox.updated_at) THEN 'newer'
  ELSE 'you' END AS cancelled_by`;
const NOTHING_OLDER_IN_FLIGHT = `NOT EXISTS (SELECT 1 FROM outbox AS older WHERE older.backend_id = outbox.backend_id AND older.pin = outbox.pin AND older.id < outbox.id AND older.state = 'sending')`;

/**
 * The outbox: one row per remote write, drained by the sync engines (the app's, a CLI `sync`
 * beside it: each claims an entry before sending it and records who it is). The ordering rule
 * above lives here, in add(), due(), claim(), finish() and recover(), so no caller can break it.
 */
export class OutboxTable {
  private readonly db: Database;
  // Prepared once: a bulk import adds 10,000 entries, and a statement prepared for each left its
  // native memory to the garbage collector (tens of MB of RSS at the import's peak, issue 6).
  // The sync engine's, run for every pass and every send.
  private readonly supersede: Statement;
  private readonly insert: Statement;
  private readonly backendIds: Statement<[], number>;
  private readonly nextOf: Statement<[number, string, number], Row>;
  private readonly claimStmt: Statement<[string, string, number]>;
  private readonly finishStmt: Statement<[string, string, string | null, string | null, string, number, string], Row>;

  constructor(db: Database) {
    this.db = db;
    this.supersede = db.prepare(`UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE backend_id = ? AND pin = ? AND state IN ('pending', 'failed')`);
    this.insert = db.prepare(
      `INSERT INTO outbox (site_id, backend_id, person_id, pin, action, payload, idempotency_key, state, attempts, next_try_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) RETURNING *`,
    );
    this.backendIds = db.prepare<[], number>('SELECT id FROM backends ORDER BY id').pluck();
    this.nextOf = db.prepare(
      `SELECT * FROM outbox
       WHERE state = 'pending' AND backend_id = ? AND (next_try_at IS NULL OR next_try_at <= ?) AND ${NEWEST} AND ${NOTHING_OLDER_IN_FLIGHT}
       ORDER BY id LIMIT ?`,
    );
    this.claimStmt = db.prepare(
      `UPDATE outbox SET state = 'sending', claimed_by = ?, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending' AND ${NEWEST} AND ${NOTHING_OLDER_IN_FLIGHT}`,
    );
    this.finishStmt = db.prepare(
      `UPDATE outbox SET state = CASE WHEN ? <> 'done' AND NOT (${NEWEST}) THEN 'cancelled' ELSE ? END,
         claimed_by = NULL, next_try_at = ?, last_error = ?, updated_at = ?
       WHERE id = ? AND state = 'sending' AND claimed_by = ? RETURNING *`,
    );
  }

  /**
   * Adds an entry; older ones for the same person and backend still waiting are cancelled (one in
   * flight finishes first, see finish()). Callers run this inside their own transaction with the
   * person's row.
   */
  add(entry: NewOutboxEntry, now: string): OutboxItem {
    this.supersede.run(now, entry.backendId, entry.pin);
    const row = this.insert.get(entry.siteId, entry.backendId, entry.personId, entry.pin, entry.action, JSON.stringify(entry.payload), entry.idempotencyKey, now, now, now) as Row;
    return toItem(row);
  }

  get(id: number): OutboxItem | undefined {
    const row = this.db.prepare(`SELECT *, ${CANCELLED_BY} FROM outbox WHERE id = ?`).get(id) as Row | undefined;
    return row && toItem(row);
  }

  list(filter: { siteId?: number | undefined; state?: OutboxEntry['state'] | undefined } = {}): OutboxEntry[] {
    const rows = this.db
      .prepare(`SELECT *, ${CANCELLED_BY} FROM outbox WHERE (? IS NULL OR site_id = ?) AND (? IS NULL OR state = ?) ORDER BY id`)
      .all(filter.siteId ?? null, filter.siteId ?? null, filter.state ?? null, filter.state ?? null) as Row[];
    return rows.map((r) => toItem(r).entry);
  }

  /**
   * Entries that may be sent now, oldest first, at most `limit` per backend: pending, due, the
   * newest for their person and backend, with no older one in flight (it is waited for).
   */
  due(now: string, limit: number): OutboxItem[] {
    // Per backend along outbox_queue (state, backend_id, id), stopping at `limit`: a window over
    // every pending row took ~140 ms a pass with 20,000 waiting (after an import), once per 2 sends.
    const rows = this.backendIds.all().flatMap((backendId) => this.nextOf.all(backendId, now, limit));
    return rows.sort((a, b) => a.id - b.id).map((r) => toItem(r));
  }

  /**
   * Marks an entry as being sent by `owner`; false when it may not be sent now (someone else took
   * it, it was cancelled or superseded, or an older write for the person is in flight). One
   * statement, so two processes never both take it.
   */
  claim(id: number, owner: string, now: string): boolean {
    return this.claimStmt.run(owner, now, id).changes > 0;
  }

  /**
   * Ends `owner`'s send. A write that did not go through while a newer one was queued is
   * cancelled rather than retried or left failed: the newer one carries the person's latest
   * details. Undefined when the claim is no longer `owner`'s (recovered as dead meanwhile).
   */
  finish(id: number, owner: string, state: 'done' | 'failed' | 'pending', now: string, nextTryAt: string | null, error: OutboxEntry['lastError']): OutboxEntry | undefined {
    const row = this.finishStmt.get(state, state, nextTryAt, error ? JSON.stringify(error) : null, now, id, owner);
    return row && toItem(row).entry;
  }

  /** Back to pending now (a person asked to retry), unless a newer write for the person superseded it. */
  retry(id: number, now: string): OutboxEntry | undefined {
    const row = this.db
      .prepare(`UPDATE outbox SET state = 'pending', next_try_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'pending') AND ${NEWEST} RETURNING *`)
      .get(now, now, id) as Row | undefined;
    return row && toItem(row).entry;
  }

  cancel(id: number, now: string): OutboxEntry | undefined {
    const row = this.db
      .prepare(`UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ? AND state IN ('pending', 'failed') RETURNING *`)
      .get(now, id) as Row | undefined;
    return row && toItem(row, 'you').entry;
  }

  /**
   * The newest entry of each person (by personnel number) on each backend of a site: where each
   * person stands there. Along outbox_person (backend_id, pin, …).
   */
  newestPerPerson(siteId: number): OutboxEntry[] {
    const rows = this.db
      .prepare(
        `SELECT *, ${CANCELLED_BY} FROM outbox
         WHERE site_id = ? AND id = (SELECT max(id) FROM outbox AS other WHERE other.backend_id = outbox.backend_id AND other.pin = outbox.pin)
         ORDER BY id`,
      )
      .all(siteId) as Row[];
    return rows.map((r) => toItem(r).entry);
  }

  /**
   * Entries left 'sending' by an engine that no longer runs (a killed process): back to pending
   * (the write is idempotent, so sending it again is safe), or cancelled when a newer write for
   * the person was queued meanwhile — it must never reach the backend after that one. Claims of
   * live engines are left alone. Returns the entries changed.
   */
  recover(now: string, isLive: ClaimIsLive): OutboxEntry[] {
    const claims = this.db.prepare(`SELECT id, claimed_by, updated_at FROM outbox WHERE state = 'sending'`).all() as { id: number; claimed_by: string | null; updated_at: string }[];
    const release = this.db.prepare(
      `UPDATE outbox SET state = CASE WHEN ${NEWEST} THEN 'pending' ELSE 'cancelled' END, claimed_by = NULL, next_try_at = ?, updated_at = ?
       WHERE id = ? AND state = 'sending' AND claimed_by IS ? RETURNING *`,
    );
    const changed: OutboxEntry[] = [];
    for (const claim of claims) {
      if (isLive(claim.claimed_by, claim.updated_at)) continue;
      const row = release.get(now, now, claim.id, claim.claimed_by) as Row | undefined;
      if (row) changed.push(toItem(row).entry);
    }
    return changed;
  }

  counts(): Record<OutboxEntry['state'], number> {
    const rows = this.db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as { state: OutboxEntry['state']; n: number }[];
    const counts = { pending: 0, sending: 0, done: 0, failed: 0, cancelled: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }
}
