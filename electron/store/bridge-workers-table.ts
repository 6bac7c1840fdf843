import type { Database, Statement } from 'better-sqlite3';
import type { BridgeDeviceId, BridgeId } from '../../shared/contract/bridges.ts';

export interface BridgeWorker {
  readonly deviceId: BridgeDeviceId;
  /** The platform's personId. */
  readonly personId: string;
  /** The Doorman person (people.id) it was enrolled as; null once that person is gone. */
  readonly doormanPersonId: number | null;
  /** The task (bridge_tasks.id) that last enrolled the worker on the device; null if none. */
  readonly enrolledTask: number | null;
  readonly updatedAt: string;
}

interface Row {
  device_id: number;
  person_id: string;
  doorman_person_id: number | null;
  enrolled_task: number | null;
  updated_at: string;
}

const toWorker = (row: Row): BridgeWorker => ({ deviceId: row.device_id, personId: row.person_id, doormanPersonId: row.doorman_person_id, enrolledTask: row.enrolled_task, updatedAt: row.updated_at });

/**
 * Rows of `bridge_workers`: which platform worker (personId) is on which device of a bridge, and
 * the Doorman person they were enrolled as. One worker may be on several devices: one row each.
 */
export class BridgeWorkersTable {
  private readonly upsertStmt: Statement<[number, string, number | null, number | null, string]>;
  private readonly enrolledStmt: Statement<[number, string], { enrolled_task: number | null }>;
  private readonly removeStmt: Statement<[number, string]>;
  private readonly clearStmt: Statement<[number]>;
  private readonly ofDeviceStmt: Statement<[number], Row>;
  private readonly countStmt: Statement<[number], { n: number }>;
  private readonly byPersonStmt: Statement<[number, string], Row>;
  private readonly byDoormanStmt: Statement<[number, number], Row>;

  constructor(db: Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO bridge_workers (device_id, person_id, doorman_person_id, enrolled_task, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (device_id, person_id) DO UPDATE SET doorman_person_id = excluded.doorman_person_id, enrolled_task = excluded.enrolled_task, updated_at = excluded.updated_at`,
    );
    this.enrolledStmt = db.prepare('SELECT enrolled_task FROM bridge_workers WHERE device_id = ? AND person_id = ?');
    this.removeStmt = db.prepare('DELETE FROM bridge_workers WHERE device_id = ? AND person_id = ?');
    this.clearStmt = db.prepare('DELETE FROM bridge_workers WHERE device_id = ?');
    this.ofDeviceStmt = db.prepare('SELECT * FROM bridge_workers WHERE device_id = ? ORDER BY person_id');
    this.countStmt = db.prepare('SELECT count(*) AS n FROM bridge_workers WHERE device_id = ?');
    this.byPersonStmt = db.prepare(
      `SELECT w.* FROM bridge_workers w JOIN bridge_devices d ON d.id = w.device_id WHERE d.bridge_id = ? AND w.person_id = ? ORDER BY w.device_id`,
    );
    this.byDoormanStmt = db.prepare('SELECT * FROM bridge_workers WHERE device_id = ? AND doorman_person_id = ?');
  }

  /** The worker is on the device, enrolled as that Doorman person (again: updated), by that task (bridge_tasks.id). */
  put(deviceId: BridgeDeviceId, personId: string, doormanPersonId: number | null, now: string, enrolledTask: number | null = null): void {
    this.upsertStmt.run(deviceId, personId, doormanPersonId, enrolledTask, now);
  }

  /** The task (bridge_tasks.id) that last enrolled the worker on the device, if any. */
  enrolledBy(deviceId: BridgeDeviceId, personId: string): number | null {
    return this.enrolledStmt.get(deviceId, personId)?.enrolled_task ?? null;
  }

  remove(deviceId: BridgeDeviceId, personId: string): boolean {
    return this.removeStmt.run(deviceId, personId).changes > 0;
  }

  /** T_CLEAR_DEVICE_PERSON: no worker left on the device. */
  clear(deviceId: BridgeDeviceId): number {
    return this.clearStmt.run(deviceId).changes;
  }

  list(deviceId: BridgeDeviceId): BridgeWorker[] {
    return this.ofDeviceStmt.all(deviceId).map(toWorker);
  }

  count(deviceId: BridgeDeviceId): number {
    return this.countStmt.get(deviceId)!.n;
  }

  /** The platform worker's rows on every device of the bridge. */
  byPersonId(bridgeId: BridgeId, personId: string): BridgeWorker[] {
    return this.byPersonStmt.all(bridgeId, personId).map(toWorker);
  }

  /** The platform personId of a Doorman person on this device (a pass → a sign-in). */
  personIdOf(deviceId: BridgeDeviceId, doormanPersonId: number): string | undefined {
    return this.byDoormanStmt.get(deviceId, doormanPersonId)?.person_id;
  }
}
