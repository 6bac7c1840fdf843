import { hostname } from 'node:os';
import type { BridgeHolder, BridgeId } from '../../shared/contract/bridges.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { BridgeLeasesTable, LeaseOwner } from '../store/bridge-leases-table.ts';

/** How often a runner says it still runs its bridges, and looks again at the ones held elsewhere. */
export const LEASE_CHECK_MS = 10_000;
/** A lease not renewed for this long is given up, whoever held it (a computer that went away). */
export const LEASE_STALE_MS = 90_000;

export interface LeaseTuning {
  readonly checkMs?: number | undefined;
  readonly staleMs?: number | undefined;
  /** Who this process is (default: its pid and computer name); tests pretend to be another. */
  readonly pid?: number | undefined;
  readonly host?: string | undefined;
}

/** Whether a process of this computer is still there (signal 0 only asks). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it is there, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The lease of one bridge per process (issue 16 item 2: one runner per bridge). A lease is given up
 * when its holder's process is gone on this computer (after kill -9 or a crash: taken over at once)
 * or it was not renewed for `staleMs` (a holder on another computer sharing the data folder).
 */
export class BridgeLeases {
  readonly checkMs: number;
  private readonly staleMs: number;
  private readonly table: BridgeLeasesTable;
  private readonly pid: number;
  private readonly host: string;

  constructor(table: BridgeLeasesTable, tuning: LeaseTuning = {}) {
    this.table = table;
    this.checkMs = tuning.checkMs ?? LEASE_CHECK_MS;
    this.staleMs = tuning.staleMs ?? LEASE_STALE_MS;
    this.pid = tuning.pid ?? process.pid;
    this.host = tuning.host ?? hostname();
  }

  private owner(holder: BridgeHolder['holder']): LeaseOwner {
    return { holder, pid: this.pid, host: this.host };
  }

  private givenUp(lease: BridgeHolder, now: number): boolean {
    return (lease.host === this.host && lease.pid !== this.pid && !pidAlive(lease.pid)) || now - Date.parse(lease.renewedAt) > this.staleMs;
  }

  /** Takes the bridge as `holder`; answers who holds it instead when another process does. */
  acquire(bridgeId: BridgeId, holder: BridgeHolder['holder']): BridgeHolder | undefined {
    const now = Date.now();
    const result = this.table.acquire(bridgeId, this.owner(holder), new Date(now).toISOString(), (lease) => this.givenUp(lease, now));
    return result.taken ? undefined : result.holder;
  }

  /** Says this process still runs the bridge; false when another took it over meanwhile. */
  renew(bridgeId: BridgeId): boolean {
    return this.table.renew(bridgeId, { pid: this.pid, host: this.host }, new Date().toISOString());
  }

  release(bridgeId: BridgeId): void {
    this.table.release(bridgeId, { pid: this.pid, host: this.host });
  }

  /** Another process that runs the bridge now, if any (a given-up lease counts as nobody). */
  elsewhere(bridgeId: BridgeId): BridgeHolder | undefined {
    const lease = this.table.get(bridgeId);
    if (!lease || (lease.pid === this.pid && lease.host === this.host) || this.givenUp(lease, Date.now())) return undefined;
    return lease;
  }
}

/** `bridge_running_elsewhere`: what `bridge run` says when the bridge already runs somewhere. */
export function runningElsewhere(bridgeId: BridgeId, holder: BridgeHolder): ApiError {
  const where = holder.holder === 'app' ? 'in the desktop app' : 'in a terminal (bridge run)';
  return new ApiError(
    'bridge_running_elsewhere',
    `Bridge ${bridgeId} is already running ${where}, pid ${holder.pid} on ${holder.host}, since ${holder.since}.`,
    // `pidText`, `where` and `sinceLocal` are for the message (a pid has no thousands separator); the CLI puts them in the user's language and site time.
    { bridgeId, ...holder, pidText: String(holder.pid), where, sinceLocal: holder.since },
  );
}
