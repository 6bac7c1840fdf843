import { randomBytes } from 'node:crypto';

/** The engines of this process that have not stopped, by owner id. */
const running = new Set<string>();

/**
 * Longer than any send can take (a Hongtu upsert is three requests of at most 15 s each): a claim
 * older than this is treated as dead even if its process id is alive again (a reused pid).
 */
const MAX_CLAIM_MS = 10 * 60_000;

/**
 * Who claims outbox entries: one sync engine, `<pid>:<random>`. Several engines may drain one
 * outbox (the app, a CLI `sync` beside it), so an entry another engine is sending must be told
 * apart from one a killed process left behind: the first is waited for, the second recovered.
 */
export class ClaimOwner {
  readonly id = `${process.pid}:${randomBytes(6).toString('hex')}`;

  /** The engine runs (a pass begins): its claims count as live. */
  hold(): void {
    running.add(this.id);
  }

  /** The engine stopped: its claims (none are left once its sends have ended) count as dead. */
  release(): void {
    running.delete(this.id);
  }
}

/**
 * Whether the engine that claimed an entry still runs: in this process, an engine not stopped;
 * elsewhere, a process with that id exists (signal 0 tests it; EPERM is another user's live
 * process). No owner is a claim from before owners were recorded: its process is long gone.
 */
export function claimIsLive(owner: string | null, claimedAt: string, now = Date.now()): boolean {
  if (owner === null || now - Date.parse(claimedAt) > MAX_CLAIM_MS) return false;
  const pid = Number(owner.split(':')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return running.has(owner);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
