import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId } from '../../shared/contract/bridges.ts';
import type { OutboxEntry } from '../../shared/contract/people.ts';

/** The newest outbox write of one worker of a task on one backend. */
export interface TaskWrite {
  /** The platform's personId. */
  readonly personId: string;
  readonly pin: string;
  readonly backendId: BackendId;
  readonly action: OutboxEntry['action'];
  readonly state: OutboxEntry['state'];
  readonly lastError: OutboxEntry['lastError'];
}

/** A worker the task took off the device (DEL, CLEAR), by its platform personId and Doorman pin. */
export interface LeavingWorker {
  readonly personId: string;
  readonly pin: string;
}

interface Row {
  person_id: string;
  pin: string;
  backend_id: number;
  action: OutboxEntry['action'];
  state: OutboxEntry['state'];
  last_error: string | null;
}

type NewestRow = Omit<Row, 'person_id' | 'pin'>;

const toWrite = (row: Row): TaskWrite => ({
  personId: row.person_id,
  pin: row.pin,
  backendId: row.backend_id,
  action: row.action,
  state: row.state,
  lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as OutboxEntry['lastError']),
});

/**
 * Where a platform task's writes stand on the backends (issue 16 item 3): for every worker the task
 * enrolled on the device (`bridge_workers.enrolled_task`), the newest outbox entry of its person on
 * each backend (the outbox's rule: the newest write for a pin and backend is the one that counts).
 */
export class BridgeTaskWrites {
  private readonly stmt: Statement<[number, number], Row>;
  private readonly deviceStmt: Statement<[number], Row>;
  private readonly newestStmt: Statement<[number, string], NewestRow>;

  constructor(db: Database) {
    const select = `SELECT w.person_id, p.pin, o.backend_id, o.action, o.state, o.last_error
       FROM bridge_workers w
       JOIN people p ON p.id = w.doorman_person_id
       JOIN outbox o ON o.pin = p.pin AND o.site_id = p.site_id
       WHERE o.id = (SELECT max(x.id) FROM outbox x WHERE x.backend_id = o.backend_id AND x.pin = o.pin)`;
    this.stmt = db.prepare(`${select} AND w.device_id = ? AND w.enrolled_task = ? ORDER BY w.person_id, o.backend_id`);
    this.deviceStmt = db.prepare(`${select} AND w.device_id = ? ORDER BY w.person_id, o.backend_id`);
    this.newestStmt = db.prepare('SELECT backend_id, action, state, last_error FROM outbox WHERE backend_id = ? AND pin = ? ORDER BY id DESC LIMIT 1');
  }

  /**
   * The task's writes on these backends: those of the workers it enrolled, and the newest write of
   * each worker it took off the device (`leaving`: their deletes, or the update that kept them on
   * another device's backends).
   */
  of(deviceId: BridgeDeviceId, taskRowId: number, backendIds: readonly BackendId[], leaving: readonly LeavingWorker[] = []): TaskWrite[] {
    const wanted = new Set(backendIds);
    const enrolled = this.stmt.all(deviceId, taskRowId).filter((row) => wanted.has(row.backend_id));
    const left = leaving.flatMap(({ personId, pin }) =>
      backendIds.flatMap((backendId) => {
        const row = this.newestStmt.get(backendId, pin);
        return row ? [{ ...row, person_id: personId, pin }] : [];
      }),
    );
    return [...enrolled, ...left].map(toWrite);
  }

  /** The workers on the device whose newest write on one of these backends the backend refused (failed or cancelled). */
  refused(deviceId: BridgeDeviceId, backendIds: readonly BackendId[]): Set<string> {
    const wanted = new Set(backendIds);
    return new Set(
      this.deviceStmt
        .all(deviceId)
        .filter((row) => wanted.has(row.backend_id) && (row.state === 'failed' || row.state === 'cancelled'))
        .map((row) => row.person_id),
    );
  }
}
