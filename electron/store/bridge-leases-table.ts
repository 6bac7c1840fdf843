import type { Database, Statement } from 'better-sqlite3';
import type { BridgeHolder, BridgeId } from '../../shared/contract/bridges.ts';

/** A process that may hold leases: its kind, pid and computer. */
export interface LeaseOwner {
  readonly holder: BridgeHolder['holder'];
  readonly pid: number;
  readonly host: string;
}

interface Row {
  holder: BridgeHolder['holder'];
  pid: number;
  host: string;
  since: string;
  renewed_at: string;
}

const toHolder = (row: Row): BridgeHolder => ({ holder: row.holder, pid: row.pid, host: row.host, since: row.since, renewedAt: row.renewed_at });

/**
 * Rows of `bridge_leases` (migration 026): who runs each bridge. `acquire` decides in one immediate
 * transaction, so two processes racing for a bridge cannot both win; what counts as a lease given
 * up (the holder's process gone, no renewal for long) is the caller's rule, passed in.
 */
export class BridgeLeasesTable {
  private readonly db: Database;
  private readonly getStmt: Statement<[number], Row>;
  private readonly putStmt: Statement<[number, string, number, string, string, string]>;
  private readonly renewStmt: Statement<[string, number, number, string]>;
  private readonly releaseStmt: Statement<[number, number, string]>;

  constructor(db: Database) {
    this.db = db;
    this.getStmt = db.prepare('SELECT holder, pid, host, since, renewed_at FROM bridge_leases WHERE bridge_id = ?');
    this.putStmt = db.prepare(
      `INSERT INTO bridge_leases (bridge_id, holder, pid, host, since, renewed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (bridge_id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host, since = excluded.since, renewed_at = excluded.renewed_at`,
    );
    this.renewStmt = db.prepare('UPDATE bridge_leases SET renewed_at = ? WHERE bridge_id = ? AND pid = ? AND host = ?');
    this.releaseStmt = db.prepare('DELETE FROM bridge_leases WHERE bridge_id = ? AND pid = ? AND host = ?');
  }

  /** The bridge's lease as stored (given up or not), undefined when nobody holds it. */
  get(bridgeId: BridgeId): BridgeHolder | undefined {
    const row = this.getStmt.get(bridgeId);
    return row && toHolder(row);
  }

  /**
   * Takes the bridge for `owner` when nobody holds it, `owner` already does (renewed, `since`
   * kept), or `givenUp` says the holder has given it up; otherwise answers the holder and changes
   * nothing.
   */
  acquire(bridgeId: BridgeId, owner: LeaseOwner, now: string, givenUp: (lease: BridgeHolder) => boolean): { readonly taken: true } | { readonly taken: false; readonly holder: BridgeHolder } {
    return this.db.transaction(() => {
      const current = this.get(bridgeId);
      if (current && !(current.pid === owner.pid && current.host === owner.host) && !givenUp(current)) return { taken: false as const, holder: current };
      const since = current && current.pid === owner.pid && current.host === owner.host && current.holder === owner.holder ? current.since : now;
      this.putStmt.run(bridgeId, owner.holder, owner.pid, owner.host, since, now);
      return { taken: true as const };
    }).immediate();
  }

  /** Says `owner` still runs the bridge; false when it no longer holds the lease (taken over). */
  renew(bridgeId: BridgeId, owner: Pick<LeaseOwner, 'pid' | 'host'>, now: string): boolean {
    return this.renewStmt.run(now, bridgeId, owner.pid, owner.host).changes > 0;
  }

  /** Gives the bridge up (only `owner`'s own lease). */
  release(bridgeId: BridgeId, owner: Pick<LeaseOwner, 'pid' | 'host'>): void {
    this.releaseStmt.run(bridgeId, owner.pid, owner.host);
  }
}
