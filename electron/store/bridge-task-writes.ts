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
  readonly state: OutboxEntry['state'];
  readonly lastError: OutboxEntry['lastError'];
}

interface Row {
  person_id: string;
  pin: string;
  backend_id: number;
  state: OutboxEntry['state'];
  last_error: string | null;
}

/**
 * Where a platform task's writes stand on the backends (issue 16 item 3): for every worker the task
 * enrolled on the device (`bridge_workers.enrolled_task`), the newest outbox entry of its person on
 * each backend (the outbox's rule: the newest write for a pin and backend is the one that counts).
 */
export class BridgeTaskWrites {
  private readonly stmt: Statement<[number, number], Row>;

  constructor(db: Database) {
    this.stmt = db.prepare(
      `SELECT w.person_id, p.pin, o.backend_id, o.state, o.last_error
       FROM bridge_workers w
       JOIN people p ON p.id = w.doorman_person_id
       JOIN outbox o ON o.pin = p.pin AND o.site_id = p.site_id
       WHERE w.device_id = ? AND w.enrolled_task = ?
         AND o.id = (SELECT max(x.id) FROM outbox x WHERE x.backend_id = o.backend_id AND x.pin = o.pin)
       ORDER BY w.person_id, o.backend_id`,
    );
  }

  /** The task's writes on these backends. */
  of(deviceId: BridgeDeviceId, taskRowId: number, backendIds: readonly BackendId[]): TaskWrite[] {
    const wanted = new Set(backendIds);
    return this.stmt
      .all(deviceId, taskRowId)
      .filter((row) => wanted.has(row.backend_id))
      .map((row) => ({ personId: row.person_id, pin: row.pin, backendId: row.backend_id, state: row.state, lastError: row.last_error === null ? null : (JSON.parse(row.last_error) as OutboxEntry['lastError']) }));
  }
}
