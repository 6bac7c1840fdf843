import type { BridgeDevice, BridgeDeviceId, BridgeDeviceState, BridgeId, BridgeState } from '../../shared/contract/bridges.ts';
import type { EventBus } from '../api/event-bus.ts';
import { DeviceSession, type DeviceSessionState, type DeviceSessionTuning } from '../drivers/zhejiang/device-session.ts';
import { ZhejiangHttpsClient } from '../drivers/zhejiang/https-client.ts';
import type { AttendanceRecord, TaskResult } from '../drivers/zhejiang/params.ts';
import type { Logger } from '../log/logger.ts';
import type { StoredSignin } from '../store/bridge-signins-table.ts';
import type { StoredBridgeTask } from '../store/bridge-tasks-table.ts';
import type { PeopleTable } from '../store/people-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { AcknowledgedSignins } from './acknowledged-signins.ts';
import { startAttendance } from './attendance.ts';
import type { BridgeService } from './bridge-service.ts';
import { sessionStates, type CapturedPhotoReader } from './signin-pump.ts';
import { sessionConfig } from './session-config.ts';
import type { TaskOutcome } from './task-executor.ts';
import type { BackendFailures } from './task-settle.ts';

/**
 * The task hook (issue 16 items 3 and 6): what the runner does with each fetched (or resumed) task
 * row — the core passes the task executor. It returns the outcome; the runner owns the row's life
 * cycle (syncing, finished, reported). The default answers status 3 (不支持, D13).
 */
export type TaskHook = (device: BridgeDevice, task: StoredBridgeTask, client: ZhejiangHttpsClient) => Promise<TaskOutcome>;

/** Waits until the writes a task queued are done or failed on the backends; what the backends refused. */
type SettleHook = (device: BridgeDevice, task: StoredBridgeTask, signal: AbortSignal) => Promise<BackendFailures>;

export const unsupportedTask: TaskHook = () => Promise.resolve({ status: 3, failedPersons: [], failedFaces: [], awaitsWrites: false });

export interface BridgeRunnerDeps {
  readonly bridges: BridgeService;
  readonly bus: EventBus;
  readonly people: Pick<PeopleTable, 'byPin' | 'get'>;
  readonly sites: Pick<SitesTable, 'get'>;
  readonly log: Logger;
  readonly readPhoto?: CapturedPhotoReader | undefined;
  readonly onTask?: TaskHook | undefined;
  /** How a task whose people were queued waits for the backends (none: reported at once). */
  readonly settle?: SettleHook | undefined;
  /** §3.2.2 personCount / faceCount of a device (none: its worker count for both). */
  readonly totals?: ((deviceId: BridgeDeviceId) => { personCount: number; faceCount: number }) | undefined;
  /** Shorter intervals (tests, demos). */
  readonly tuning?: DeviceSessionTuning | undefined;
  /** Each state change, besides the bus (the CLI's `bridge run`). */
  readonly onChange?: ((state: BridgeState, note: string) => void) | undefined;
}

interface Running {
  readonly device: BridgeDevice;
  readonly session: DeviceSession;
  readonly client: ZhejiangHttpsClient;
  /** The task work in flight (one at a time per device). */
  working: Promise<void>;
  busy: boolean;
  /** A heartbeat named tasks while the work was in flight: go again once it is over. */
  again: boolean;
}

const isoNow = () => new Date().toISOString();

/**
 * One bridge running (issue 16 items 2 and 6): a DeviceSession per device with the bridge's
 * credentials and settings; each heartbeat's taskids go into the tasks table (`receive`
 * de-duplicates), then every open task of the device is fetched (T_GET_TASKS with the session's
 * token), handed to `onTask` and its status reported (T_UPDATE_TASKS_STATUS) — each step durable,
 * so a failure (a refused token the session cannot renew now, the platform unreachable) is retried
 * on the next heartbeat naming the task. Attendance is pumped through the same sessions. The live
 * state goes to `state()` (`bridge.status`) and the bus (`bridge.state`).
 */
export class BridgeRunner {
  readonly bridgeId: BridgeId;
  private readonly deps: BridgeRunnerDeps;
  private readonly running = new Map<number, Running>();
  private stopAttendance: (() => Promise<void>) | undefined;
  private readonly stopping = new AbortController();
  /** Sign-ins the platform acknowledged since this start, per device (the page's "last pass reported"). */
  private readonly acknowledged: AcknowledgedSignins;

  constructor(deps: BridgeRunnerDeps, bridgeId: BridgeId) {
    this.deps = deps;
    this.bridgeId = bridgeId;
    this.acknowledged = new AcknowledgedSignins((deviceId, personId) => this.personName(deviceId, personId));
  }

  /** The name of the Doorman person a platform worker was enrolled as on the device, null when unknown. */
  private personName(deviceId: BridgeDeviceId, personId: string): string | null {
    const worker = this.deps.bridges.tables.workers.byPersonId(this.bridgeId, personId).find((w) => w.deviceId === deviceId);
    const row = worker?.doormanPersonId === undefined || worker.doormanPersonId === null ? undefined : this.deps.people.get(worker.doormanPersonId);
    if (!row) return null;
    const name = (JSON.parse(row.fields) as { name?: unknown }).name;
    return typeof name === 'string' && name.trim() !== '' ? name : null;
  }

  /** Starts every device's session and the attendance pumps; throws `bridge_settings_invalid` / `bridge_not_found`. */
  start(): void {
    const runtime = this.deps.bridges.runtime(this.bridgeId);
    const { bridge, credentials, settings } = runtime;
    const states = new Map<number, ReturnType<typeof sessionStates<DeviceSessionState>>>();
    for (const device of runtime.devices) {
      const listeners = sessionStates<DeviceSessionState>();
      states.set(device.id, listeners);
      let last: string | undefined;
      const session: DeviceSession = new DeviceSession({
        ...sessionConfig(runtime, device),
        logger: this.deps.log,
        tuning: this.deps.tuning,
        onTaskIds: (ids) => this.receive(device, ids),
        onState: (state) => {
          listeners.emit(state);
          const note = state.status === last ? 'heartbeat' : `${device.sn}: ${state.status}${state.lastError && state.status !== 'online' ? ` (${state.lastError.vendorCode ?? state.lastError.code}: ${state.lastError.message})` : ''}`;
          last = state.status;
          this.announce(note);
        },
      });
      const client = new ZhejiangHttpsClient({
        url: bridge.httpsUrl,
        tls: runtime.tls,
        sn: device.sn,
        token: () => session.currentToken(),
        accessSecret: credentials.accessSecret,
        codecOptions: settings.codec,
        responseSignCheck: settings.responseSignCheck,
        reauthenticate: () => session.reauthenticate(),
        logger: this.deps.log,
        signal: this.stopping.signal,
      });
      this.running.set(device.id, { device, session, client, working: Promise.resolve(), busy: false, again: false });
    }
    for (const { session } of this.running.values()) session.start();
    this.stopAttendance = startAttendance(
      {
        bus: this.deps.bus,
        bridges: this.deps.bridges,
        people: this.deps.people,
        sites: this.deps.sites,
        log: this.deps.log,
        readPhoto: this.deps.readPhoto,
        onAcknowledged: (record, atMs) => this.onAcknowledged(record, atMs),
        sessions: new Map(
          [...this.running.entries()].map(([id, { session }]) => [id, { state: () => session.state(), signIn: (record) => this.signIn(session, record), onState: states.get(id)!.onState }]),
        ),
      },
      this.bridgeId,
    );
    this.deps.log.info({ bridge: this.bridgeId, devices: this.running.size }, 'Zhejiang bridge started');
  }

  /** Stops attendance, the task work in flight and every session. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.stopAttendance?.();
    this.stopAttendance = undefined;
    await Promise.all([...this.running.values()].map(async ({ session, client, working }) => {
      await session.stop();
      await working.catch(() => undefined);
      await client.close();
    }));
    this.deps.log.info({ bridge: this.bridgeId }, 'Zhejiang bridge stopped');
    this.announce('stopped');
  }

  state(): BridgeState {
    const depths = new Map(this.deps.bridges.tables.signins.bridgeDepths(this.bridgeId).map((d) => [d.deviceId, d.depth]));
    const devices: BridgeDeviceState[] = [...this.running.values()].map(({ device, session }) => {
      const state = session.state();
      const error = state.lastError;
      return {
        deviceId: device.id,
        sn: device.sn,
        status: state.status,
        lastHeartbeatAt: state.lastHeartbeatAt ?? null,
        tokenAgeMs: state.tokenAgeMs ?? null,
        queueDepth: depths.get(device.id) ?? 0,
        openTasks: this.deps.bridges.tables.tasks.open(device.id).length,
        lastError: error ? { code: error.code, vendorCode: error.vendorCode ?? null, message: error.message, advice: error.advice ?? null, at: error.at } : null,
        backendsWithoutLevel: this.deps.bridges.backendsWithoutLevel(device.id),
        acknowledged: this.acknowledged.of(device.id),
      };
    });
    return { bridgeId: this.bridgeId, running: !this.stopping.signal.aborted && this.running.size > 0, devices };
  }

  /** One attendance record through the session, told to `bridge run` either way. */
  private async signIn(session: DeviceSession, record: AttendanceRecord): Promise<void> {
    const sn = session.state().sn;
    try {
      await session.signIn(record);
    } catch (error) {
      this.note(`${sn}: sign-in not sent (worker ${record.personId}): ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  /** The platform acknowledged a record and it left the queue: counted, and the state (its depth, the last pass) goes out. */
  private onAcknowledged(record: StoredSignin, atMs: number): void {
    this.acknowledged.note(record, atMs);
    this.note(`${record.sn}: sign-in sent (worker ${record.personId}, type ${record.type})`);
  }

  /**
   * Tasks received or a sign-in sent or refused: the session's status is the same, but the device's
   * open tasks and queue depth changed, so the state goes on the bus too (the Bridge page reads its
   * task history and queue again on such a change, instead of polling).
   */
  private note(note: string): void {
    if (this.stopping.signal.aborted) return;
    this.announce(note);
  }

  private announce(note: string): void {
    let state: BridgeState;
    try {
      state = this.state();
    } catch {
      return; // the bridge was removed while running
    }
    this.deps.bus.emit('bridge.state', state);
    this.deps.onChange?.(state, note);
  }

  /** A heartbeat named tasks: new ones are stored, then every open task of the device is worked on (serially). */
  private receive(device: BridgeDevice, ids: readonly string[]): void {
    const run = this.running.get(device.id);
    if (!run || this.stopping.signal.aborted) return;
    const fresh = this.deps.bridges.tables.tasks.receive(device.id, ids, isoNow());
    if (fresh.length > 0) {
      this.deps.log.info({ bridge: this.bridgeId, sn: device.sn, taskids: fresh }, 'Zhejiang: tasks received');
      this.note(`${device.sn}: tasks received ${fresh.join(', ')}`);
    }
    // Heartbeats come faster than a slow platform answers: never more than one pass queued behind the one running.
    if (run.busy) {
      run.again = true;
      return;
    }
    run.busy = true;
    run.working = (async () => {
      try {
        do {
          run.again = false;
          try {
            await this.work(run);
          } catch (error) {
            this.deps.log.warn({ bridge: this.bridgeId, sn: device.sn, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: tasks not finished; retried at the next heartbeat');
            this.note(`${device.sn}: tasks not finished (${error instanceof Error ? error.message : String(error)}); retried at the next heartbeat`);
          }
        } while (run.again && !this.stopping.signal.aborted);
      } finally {
        run.busy = false;
      }
    })();
  }

  /** Fetch what is only received, hand each fetched task to the hook, report what is finished. */
  private async work(run: Running): Promise<void> {
    const tasks = this.deps.bridges.tables.tasks;
    const open = tasks.open(run.device.id);
    const toFetch = open.filter((task) => task.state === 'received');
    if (toFetch.length > 0) {
      const described = new Map((await run.client.getTasks(toFetch.map((task) => task.taskid))).map((task) => [task.taskid, task]));
      for (const task of toFetch) {
        const got = described.get(task.taskid);
        if (got) tasks.fetched(task.id, got.apicode, got.param, isoNow());
        else tasks.finish(task.id, { state: 'unsupported', error: 'T_GET_TASKS did not describe this task' }, isoNow());
      }
    }
    for (const open of tasks.open(run.device.id)) {
      if (this.stopping.signal.aborted) return;
      let task = open;
      if (task.state === 'fetched' || task.state === 'running') {
        const outcome = await (this.deps.onTask ?? unsupportedTask)(run.device, task, run.client);
        if (outcome.status === 1 && outcome.awaitsWrites && this.deps.settle) {
          tasks.syncing(task.id, outcome, isoNow());
          this.announce(`${run.device.sn}: task ${task.taskid} (${task.apicode ?? '?'}) waits for its writes on the backends`);
        } else {
          tasks.finish(task.id, { state: stateOf(outcome.status), failedPersons: outcome.failedPersons, failedFaces: outcome.failedFaces }, isoNow());
        }
        this.deps.log.info({ bridge: this.bridgeId, sn: run.device.sn, taskid: task.taskid, apicode: task.apicode, status: outcome.status }, 'Zhejiang: task carried out');
        task = tasks.get(task.id) ?? task;
      }
      if (task.state === 'syncing') {
        // The people are queued: the platform hears of the task once the backends have them (or refused them).
        const refused = this.deps.settle ? await this.deps.settle(run.device, task, this.stopping.signal) : { failedPersons: [], failedFaces: [] };
        // §3.2.1: a task without failure lists (DEL, CLEAR) can only tell the platform a refusal by failing.
        const unlisted = !listsFailures(task.apicode) && refused.failedPersons.length + refused.failedFaces.length > 0;
        tasks.finish(task.id, { state: unlisted ? 'failed' : 'done', failedPersons: [...task.failedPersons, ...refused.failedPersons], failedFaces: [...task.failedFaces, ...refused.failedFaces] }, isoNow());
        task = tasks.get(task.id) ?? task;
      }
      const result = resultOf(task);
      const totals = this.deps.totals?.(run.device.id) ?? { personCount: this.deps.bridges.tables.workers.count(run.device.id), faceCount: this.deps.bridges.tables.workers.count(run.device.id) };
      await run.client.reportStatus([result], totals.personCount, totals.faceCount);
      tasks.reported(task.id, isoNow());
      this.announce(`${run.device.sn}: task ${task.taskid} (${task.apicode ?? '?'}) reported status ${result.status}`);
    }
  }
}

/** §3.2.1: the failedPersons / failedFaces lists belong to T_SEND_PERSON and T_UPDATE_DEVICE_PERSON only. */
const listsFailures = (apicode: string | null) => apicode === 'T_SEND_PERSON' || apicode === 'T_UPDATE_DEVICE_PERSON';

const stateOf = (status: 1 | 2 | 3) => (status === 1 ? 'done' : status === 2 ? 'failed' : 'unsupported');

/** A finished task's stored outcome as the status report carries it: failed workers as §3.2.2 spells them (the reasons stay in the history). */
function resultOf(task: { taskid: string; apicode: string | null; state: string; failedPersons: readonly unknown[]; failedFaces: readonly unknown[] }): TaskResult {
  const status = task.state === 'done' ? 1 : task.state === 'failed' ? 2 : 3;
  const listed = (list: readonly unknown[]) => (list as { personId: string; errCode: string }[]).map(({ personId, errCode }) => ({ personId, errCode }));
  if (!listsFailures(task.apicode)) return { taskid: task.taskid, status };
  return { taskid: task.taskid, status, failedPersons: listed(task.failedPersons), failedFaces: listed(task.failedFaces) };
}
