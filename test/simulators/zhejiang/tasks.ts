import { randomInt } from 'node:crypto';

/**
 * The platform's tasks (zhejiang.md §1.5, §4.5–4.12, D13–D17), shared by the admin routes that queue
 * them, the heartbeats that name them (tcp-server.ts) and the HTTPS apicodes that serve and close
 * them (https-api.ts). A task is queued for one device with its apicode and what it carries: the
 * workers of T_SEND_PERSON / T_UPDATE_DEVICE_PERSON (paged, D14), the personIds of
 * T_DEL_DEVICE_PERSON, the task param of T_GET_TASKS (§3.1.3: excludeFields, or D16's firmware).
 */
export const TASK_APICODES = ['T_SEND_PERSON', 'T_UPDATE_DEVICE_PERSON', 'T_DEL_DEVICE_PERSON', 'T_CLEAR_DEVICE_PERSON', 'T_UPDATE_DEVICE_VERSION', 'T_POST_DEVICE_PERSON'] as const;
export type TaskApicode = (typeof TASK_APICODES)[number];

/** A worker the platform sends; `photo` says what its imgUrls give: the astronaut, a URL answering 404, or none. */
export interface Worker {
  readonly personId: string;
  readonly name: string;
  readonly photo: 'ok' | 'broken' | 'none';
}

export interface QueuedTask {
  readonly taskid: string;
  readonly sn: string;
  readonly apicode: TaskApicode;
  readonly workers: readonly Worker[];
  readonly personIds: readonly string[];
  /** T_GET_TASKS' task param (§3.1.3), served as a string; undefined when none. */
  readonly param: Readonly<Record<string, unknown>> | undefined;
}

/** One T_UPDATE_TASKS_STATUS task object as received, with the totals of its request. */
export interface StatusRecord {
  readonly sn: string;
  readonly taskid: string;
  /** 1 done, 2 failed, 3 unsupported (§5.2). */
  readonly status: number;
  readonly personCount: number;
  readonly faceCount: number;
  readonly failedPersons: readonly unknown[];
  readonly failedFaces: readonly unknown[];
  /** The platform had no such task for this device. */
  readonly unknownTask: boolean;
  /** The task was reported before. */
  readonly duplicate: boolean;
  readonly receivedAt: number;
}

/** One T_POST_DEVICE_PERSON page as received (photos kept as their length). */
export interface UploadRecord {
  readonly sn: string;
  readonly taskid: string;
  readonly currentPage: number;
  readonly totalPage: number;
  readonly persons: readonly { readonly personId: string; readonly name: string; readonly imgBytes: number; readonly hasImg?: number }[];
  readonly receivedAt: number;
}

const MAX_WORKERS = 10_000;

export class TaskBook {
  private readonly tasks = new Map<string, QueuedTask>();
  readonly statuses: StatusRecord[] = [];
  readonly uploads: UploadRecord[] = [];

  /** A task id as the platform writes them (a 19-digit snowflake-like number, §3.1.4). */
  private newId(): string {
    let id: string;
    do id = `65${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e8)).padStart(8, '0')}`;
    while (this.tasks.has(id));
    return id;
  }

  add(task: Omit<QueuedTask, 'taskid'> & { readonly taskid?: string | undefined }): QueuedTask {
    if (task.workers.length > MAX_WORKERS) throw new Error(`at most ${MAX_WORKERS} workers per task`);
    const taskid = task.taskid ?? this.newId();
    if (this.tasks.has(taskid)) throw new Error(`task ${taskid} is already queued`);
    const queued: QueuedTask = { ...task, taskid };
    this.tasks.set(taskid, queued);
    return queued;
  }

  get(taskid: string): QueuedTask | undefined {
    return this.tasks.get(taskid);
  }

  all(): QueuedTask[] {
    return [...this.tasks.values()];
  }

  worker(personId: string): Worker | undefined {
    for (const task of this.tasks.values()) {
      const found = task.workers.find((w) => w.personId === personId);
      if (found) return found;
    }
    return undefined;
  }

  record(status: Omit<StatusRecord, 'duplicate' | 'unknownTask'>): StatusRecord {
    const task = this.tasks.get(status.taskid);
    const record: StatusRecord = {
      ...status,
      unknownTask: !task || task.sn !== status.sn,
      duplicate: this.statuses.some((s) => s.sn === status.sn && s.taskid === status.taskid),
    };
    this.statuses.push(record);
    return record;
  }
}

/** An admin body's task, checked: `{sn, apicode, workers?, personIds?, param?, taskid?}`. */
export function parseTaskInput(body: unknown): Omit<QueuedTask, 'taskid'> & { taskid?: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('a task is a JSON object {sn, apicode, workers?, personIds?, param?}');
  const input = body as Record<string, unknown>;
  const { sn, apicode, taskid, param } = input;
  if (typeof sn !== 'string' || sn === '') throw new Error('sn: the device number');
  if (typeof apicode !== 'string' || !(TASK_APICODES as readonly string[]).includes(apicode)) throw new Error(`apicode: one of ${TASK_APICODES.join(', ')}`);
  if (taskid !== undefined && (typeof taskid !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(taskid))) throw new Error('taskid: 1–64 letters or digits');
  if (param !== undefined && (param === null || typeof param !== 'object' || Array.isArray(param))) throw new Error('param: a JSON object');
  const workers = Array.isArray(input['workers']) ? input['workers'] : input['workers'] === undefined ? [] : undefined;
  if (!workers) throw new Error('workers: a list of {personId, name, photo?}');
  const personIds = Array.isArray(input['personIds']) ? input['personIds'] : input['personIds'] === undefined ? [] : undefined;
  if (!personIds || personIds.some((id) => typeof id !== 'string')) throw new Error('personIds: a list of strings');
  return {
    sn,
    apicode: apicode as TaskApicode,
    ...(taskid !== undefined ? { taskid } : {}),
    param: param as Record<string, unknown> | undefined,
    personIds: personIds as string[],
    workers: workers.map((w: unknown, i) => {
      const worker = (w ?? {}) as Record<string, unknown>;
      const photo = worker['photo'] ?? 'ok';
      if (typeof worker['personId'] !== 'string' || !/^[0-9A-Za-z_-]{1,64}$/.test(worker['personId'])) throw new Error(`workers[${i}].personId: 1–64 letters or digits`);
      if (typeof worker['name'] !== 'string') throw new Error(`workers[${i}].name: a string`);
      if (photo !== 'ok' && photo !== 'broken' && photo !== 'none') throw new Error(`workers[${i}].photo: ok, broken or none`);
      return { personId: worker['personId'], name: worker['name'], photo };
    }),
  };
}
