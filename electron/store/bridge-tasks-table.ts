import type { Database, Statement } from 'better-sqlite3';
import type { BridgeDeviceId, BridgeId, BridgeTask } from '../../shared/contract/bridges.ts';

export type BridgeTaskState = BridgeTask['state'];

/** A task as the executor keeps it: the history row plus the param T_GET_TASKS gave. */
export interface StoredBridgeTask extends BridgeTask {
  /** The task's param (JSON value), null until fetched. */
  readonly param: unknown;
  /**
   * The platform workers a T_DEL_DEVICE_PERSON / T_CLEAR_DEVICE_PERSON took off the device, whose
   * delete writes the task waits for while `syncing` (migration 027).
   */
  readonly leaving: readonly string[];
}

function leavingOf(text: string | null): string[] {
  const list = text === null ? null : (JSON.parse(text) as unknown);
  return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
}

interface Row {
  id: number;
  device_id: number;
  sn: string;
  taskid: string;
  apicode: string | null;
  param: string | null;
  leaving: string | null;
  state: BridgeTaskState;
  current_page: number | null;
  total_page: number | null;
  failed_persons: string | null;
  failed_faces: string | null;
  error: string | null;
  received_at: string;
  updated_at: string;
  finished_at: string | null;
  reported_at: string | null;
}

function toTask(row: Row): StoredBridgeTask {
  const param = row.param === null ? null : (JSON.parse(row.param) as unknown);
  return {
    id: row.id,
    deviceId: row.device_id,
    sn: row.sn,
    taskid: row.taskid,
    apicode: row.apicode,
    param,
    leaving: leavingOf(row.leaving),
    state: row.state,
    currentPage: row.current_page,
    totalPage: row.total_page,
    failedPersons: row.failed_persons === null ? [] : (JSON.parse(row.failed_persons) as unknown[]),
    failedFaces: row.failed_faces === null ? [] : (JSON.parse(row.failed_faces) as unknown[]),
    error: row.error,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
    reportedAt: row.reported_at,
  };
}

const SELECT = 'SELECT t.*, d.sn FROM bridge_tasks t JOIN bridge_devices d ON d.id = t.device_id';
/** Work has ended (result known) but the platform has not been told yet. */
const FINISHED: readonly BridgeTaskState[] = ['done', 'failed', 'unsupported'];

/**
 * Rows of `bridge_tasks`: every taskid a heartbeat named, once per device (heartbeats repeat ids),
 * and how far it got — fetched, running with its page, syncing (waiting for its backend writes), finished with failed persons/faces, reported —
 * so a restart resumes a task from its last durable step rather than running it again.
 */
export class BridgeTasksTable {
  private readonly db: Database;
  private readonly receiveStmt: Statement<[number, string, string, string]>;
  private readonly getStmt: Statement<[number], Row>;
  private readonly openStmt: Statement<[number], Row>;
  private readonly historyStmt: Statement<[number, number], Row>;
  private readonly fetchedStmt: Statement<[string, string | null, string, number]>;
  private readonly stateStmt: Statement<[string, string, number]>;
  private readonly progressStmt: Statement<[number, number, string, number]>;
  private readonly finishStmt: Statement<[string, string | null, string | null, string | null, string, string, number]>;
  private readonly reportedStmt: Statement<[string, string, number]>;
  private readonly syncingStmt: Statement<[string | null, string | null, string | null, string, number]>;

  constructor(db: Database) {
    this.db = db;
    this.receiveStmt = db.prepare(
      `INSERT INTO bridge_tasks (device_id, taskid, state, received_at, updated_at) VALUES (?, ?, 'received', ?, ?) ON CONFLICT (device_id, taskid) DO NOTHING`,
    );
    this.getStmt = db.prepare(`${SELECT} WHERE t.id = ?`);
    this.openStmt = db.prepare(`${SELECT} WHERE t.device_id = ? AND t.state != 'reported' ORDER BY t.id`);
    this.historyStmt = db.prepare(`${SELECT} WHERE d.bridge_id = ? ORDER BY t.id DESC LIMIT ?`);
    this.fetchedStmt = db.prepare(`UPDATE bridge_tasks SET apicode = ?, param = ?, state = 'fetched', updated_at = ? WHERE id = ? AND state = 'received'`);
    this.stateStmt = db.prepare('UPDATE bridge_tasks SET state = ?, updated_at = ? WHERE id = ?');
    this.progressStmt = db.prepare(`UPDATE bridge_tasks SET state = 'running', current_page = ?, total_page = ?, updated_at = ? WHERE id = ?`);
    this.finishStmt = db.prepare(
      'UPDATE bridge_tasks SET state = ?, failed_persons = ?, failed_faces = ?, error = ?, finished_at = ?, updated_at = ? WHERE id = ?',
    );
    this.syncingStmt = db.prepare(`UPDATE bridge_tasks SET state = 'syncing', failed_persons = ?, failed_faces = ?, leaving = coalesce(?, leaving), updated_at = ? WHERE id = ?`);
    this.reportedStmt = db.prepare(`UPDATE bridge_tasks SET state = 'reported', reported_at = ?, updated_at = ? WHERE id = ?`);
  }

  /** The taskids of a heartbeat; returns those not seen before on this device (in the given order). */
  receive(deviceId: BridgeDeviceId, taskids: readonly string[], now: string): string[] {
    return this.db.transaction(() => taskids.filter((taskid) => this.receiveStmt.run(deviceId, taskid, now, now).changes > 0))();
  }

  get(id: number): StoredBridgeTask | undefined {
    const row = this.getStmt.get(id);
    return row && toTask(row);
  }

  /** The device's tasks not reported yet, oldest first: what to fetch, run, resume or report (after a restart too). */
  open(deviceId: BridgeDeviceId): StoredBridgeTask[] {
    return this.openStmt.all(deviceId).map(toTask);
  }

  /** The bridge's tasks, newest first. */
  history(bridgeId: BridgeId, limit: number): StoredBridgeTask[] {
    return this.historyStmt.all(bridgeId, limit).map(toTask);
  }

  /** T_GET_TASKS described the task. */
  fetched(id: number, apicode: string, param: unknown, now: string): void {
    this.fetchedStmt.run(apicode, param === undefined || param === null ? null : JSON.stringify(param), now, id);
  }

  /** A page of workers is durably done: resume from `currentPage + 1`. */
  progress(id: number, currentPage: number, totalPage: number, now: string): void {
    this.progressStmt.run(currentPage, totalPage, now, id);
  }

  running(id: number, now: string): void {
    this.stateStmt.run('running', now, id);
  }

  /** The work is over (its result is durable); the status report is still to be sent. */
  finish(id: number, result: { state: (typeof FINISHED)[number]; failedPersons?: readonly unknown[]; failedFaces?: readonly unknown[]; error?: string | null }, now: string): void {
    if (!FINISHED.includes(result.state)) throw new RangeError(`a task finishes as ${FINISHED.join(', ')}, not ${result.state}`);
    const json = (list: readonly unknown[] | undefined) => (list && list.length > 0 ? JSON.stringify(list) : null);
    this.finishStmt.run(result.state, json(result.failedPersons), json(result.failedFaces), result.error ?? null, now, now, id);
  }

  /**
   * The work is done on Doorman's side (its people queued in the outbox) with these failures so far;
   * the task waits for those writes to be done or failed on the backends before it finishes.
   * `leaving`: the workers it took off the device (DEL, CLEAR), kept with the row so a restart waits
   * for their deletes too.
   */
  syncing(id: number, failures: { failedPersons: readonly unknown[]; failedFaces: readonly unknown[]; leaving?: readonly string[] | undefined }, now: string): void {
    const json = (list: readonly unknown[]) => (list.length > 0 ? JSON.stringify(list) : null);
    const leaving = failures.leaving && failures.leaving.length > 0 ? JSON.stringify(failures.leaving) : null;
    this.syncingStmt.run(json(failures.failedPersons), json(failures.failedFaces), leaving, now, id);
  }

  /** T_UPDATE_TASKS_STATUS succeeded for it. */
  reported(id: number, now: string): void {
    this.reportedStmt.run(now, now, id);
  }
}
