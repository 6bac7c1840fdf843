import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { BridgeDeviceId, BridgeId, DoorRef } from '../../shared/contract/bridges.ts';
import { EnrollSchema, type Person, type PersonFields, type UpdatePersonSchema } from '../../shared/contract/people.ts';
import { TEXT_LIMITS } from '../../shared/rules/text-limits.ts';
import type { PostedPerson } from '../drivers/zhejiang/https-client.ts';
import { readFirmware, type FirmwareDescriptor, type PersonsPage, type PlatformPerson } from '../drivers/zhejiang/https-results.ts';
import type { Logger } from '../log/logger.ts';
import type { BridgeTaskPages } from '../store/bridge-task-pages.ts';
import type { StoredBridgeTask } from '../store/bridge-tasks-table.ts';
import type { PeopleTable } from '../store/people-table.ts';
import type { BridgeService } from './bridge-service.ts';
import { readWorkerPhoto, type PictureFetch } from './worker-photo.ts';
import { workerPin } from './worker-pin.ts';

/** The platform calls a task needs (ZhejiangHttpsClient has them all). */
export interface TaskClient {
  personsPage(taskid: string, apicode: 'T_SEND_PERSON' | 'T_UPDATE_DEVICE_PERSON', page: number, totalPage?: number): Promise<PersonsPage>;
  deletePersons(taskid: string): Promise<string[]>;
  clear(taskid: string): Promise<void>;
  version(taskid: string): Promise<FirmwareDescriptor | undefined>;
  postPersonsPage(taskid: string, page: number, totalPage: number, data: readonly PostedPerson[]): Promise<void>;
  /** The platform's TLS trust for a URL it serves itself (a pinned self-signed platform's photos); undefined elsewhere. */
  trustFor?(url: URL): Dispatcher | undefined;
}

/** What the executor needs of the people service (electron/people/people-service.ts; the core passes it). */
export interface PeoplePort {
  enroll(input: z.output<typeof EnrollSchema>): { person: Person };
  update(input: z.output<typeof UpdatePersonSchema>): { person: Person };
  remove(id: number): unknown;
  /** The still-photo face check with the backends' strictest profile (People → Edit, import). */
  checkPhoto(backendIds: readonly BackendId[], photo: Uint8Array): Promise<{ ok: boolean; failedChecks: string[]; photoBase64: string }>;
}

export interface TaskExecutorDeps {
  readonly bridges: BridgeService;
  /** Where each page done is recorded with the failures so far (new BridgeTaskPages(db)). */
  readonly pages: BridgeTaskPages;
  readonly people: PeoplePort;
  readonly peopleTable: PeopleTable;
  /** The face files (electron/people/face-files.ts): a person's stored face by its SHA-256. */
  readonly faces: { read(sha256: string): Uint8Array };
  readonly log: Logger;
  readonly now?: (() => Date) | undefined;
  /** How a worker's photo URL is read: the core passes electron/event-photos' fetchPicture (undici). */
  readonly fetchPicture: PictureFetch;
  /** Runs `fn` in one database transaction (the core passes the store's). */
  readonly atomic: <T>(fn: () => T) => T;
}

/** The bridge device a task belongs to (BridgeDevice or the stored row). */
export interface TaskDevice {
  readonly id: BridgeDeviceId;
  readonly sn: string;
  readonly doors: readonly DoorRef[];
}

/** §3.2.2: one failed worker, `errCode` as the document's examples spell it (E25); `reason` is kept for the task history only. */
export interface FailedWorker {
  readonly personId: string;
  readonly errCode: string;
  readonly reason?: string | undefined;
}

/** §5.2: 1 done, 2 failed, 3 not supported. */
export interface TaskOutcome {
  readonly status: 1 | 2 | 3;
  readonly failedPersons: FailedWorker[];
  readonly failedFaces: FailedWorker[];
  /** People were queued for the backends: report only once their writes are done or failed there. */
  readonly awaitsWrites: boolean;
  /** The workers the task took off the device (DEL, CLEAR): their deletes are among the writes awaited. */
  readonly leaving?: readonly string[] | undefined;
}

/** The document's only errCode examples (§3.2.2, E25): 404_1 for a person, 404_2 for a face. */
export const PERSON_REFUSED = '404_1';
export const FACE_REFUSED = '404_2';
/** Workers per T_POST_DEVICE_PERSON page (each carries its photo in base64). */
export const POST_PAGE_SIZE = 20;

interface Run {
  readonly deps: TaskExecutorDeps;
  readonly bridgeId: BridgeId;
  readonly device: TaskDevice;
  readonly task: StoredBridgeTask;
  readonly client: TaskClient;
  readonly stamp: () => string;
}

/**
 * One fetched platform task carried out on Doorman's side (issue 16 item 3, zhejiang.md §4.5–4.12,
 * D13–D17). Workers become Doorman people (pin from the personId, see worker-pin.ts) enrolled through
 * the people service to the backends behind the device's doors, i.e. queued in the outbox, with the
 * device's access levels on each; the personId ↔ person mapping is kept in bridge_workers with the
 * task that enrolled it, in the same transaction as the person and its outbox entries.
 * T_SEND_PERSON / T_UPDATE_DEVICE_PERSON record each page done in the task row with the failures so
 * far, so a restart resumes at the next page; a page cut short is done again, skipping the workers
 * this task already enrolled (nobody's write is queued twice). A failed photo fails that worker's
 * face only (failedFaces); a person the people service refuses goes to failedPersons. The outcome is
 * returned (the runner finishes the task row and reports it; `awaitsWrites`: wait for the backends
 * first); a platform call that fails throws (the row keeps its progress; run the task again later).
 */
export async function executeTask(deps: TaskExecutorDeps, input: { bridgeId: BridgeId; device: TaskDevice; task: StoredBridgeTask; client: TaskClient }): Promise<TaskOutcome> {
  const now = deps.now ?? (() => new Date());
  const run: Run = { deps, ...input, stamp: () => now().toISOString() };
  const outcome = await perform(run);
  deps.log.info(
    { bridge: input.bridgeId, sn: input.device.sn, taskid: input.task.taskid, apicode: input.task.apicode, status: outcome.status, failedPersons: outcome.failedPersons.length, failedFaces: outcome.failedFaces.length },
    'bridge task carried out',
  );
  return outcome;
}

/**
 * §3.2.2 totals of a device: its workers, and those whose Doorman person has a face — leaving out a
 * worker a backend behind the device refused (`refused`: the workers whose newest write there failed).
 */
export function deviceTotals(
  deps: Pick<TaskExecutorDeps, 'bridges' | 'peopleTable'>,
  deviceId: BridgeDeviceId,
  refused: (backends: readonly BackendId[]) => ReadonlySet<string> = () => new Set(),
): { personCount: number; faceCount: number } {
  const device = deps.bridges.tables.devices.get(deviceId);
  const out = refused(deviceBackends(device?.doors ?? []));
  const workers = deps.bridges.tables.workers.list(deviceId).filter((w) => !out.has(w.personId));
  const faceCount = workers.filter((w) => w.doormanPersonId !== null && (deps.peopleTable.get(w.doormanPersonId)?.face_sha256 ?? null) !== null).length;
  return { personCount: workers.length, faceCount };
}

const outcomeOf = (status: 1 | 2 | 3, failedPersons: FailedWorker[] = [], failedFaces: FailedWorker[] = [], awaitsWrites = false): TaskOutcome => ({ status, failedPersons, failedFaces, awaitsWrites });
/** Workers taken off the device: done once their deletes (or updates) are done or refused on its backends. */
const leftOutcome = (leaving: readonly string[]): TaskOutcome => ({ ...outcomeOf(1, [], [], leaving.length > 0), leaving });

async function perform(run: Run): Promise<TaskOutcome> {
  switch (run.task.apicode) {
    case 'T_SEND_PERSON':
    case 'T_UPDATE_DEVICE_PERSON':
      return sendPersons(run, run.task.apicode);
    case 'T_DEL_DEVICE_PERSON': {
      const personIds = await run.client.deletePersons(run.task.taskid);
      return takeOff(run, () => personIds);
    }
    case 'T_CLEAR_DEVICE_PERSON': {
      await run.client.clear(run.task.taskid);
      return takeOff(run, () => run.deps.bridges.tables.workers.list(run.device.id).map((worker) => worker.personId), () => run.deps.bridges.tables.workers.clear(run.device.id));
    }
    case 'T_UPDATE_DEVICE_VERSION': {
      // D16: Doorman cannot flash firmware. A described firmware is a task that failed; none, not supported.
      const firmware = readFirmware(run.task.param) ?? (await run.client.version(run.task.taskid));
      return outcomeOf(firmware ? 2 : 3);
    }
    case 'T_POST_DEVICE_PERSON':
      await postWorkers(run);
      return outcomeOf(1);
    default:
      return outcomeOf(3);
  }
}

export function deviceBackends(doors: readonly DoorRef[]): BackendId[] {
  return [...new Set(doors.map((d) => d.backendId))];
}

/** D14 paging, resumed after the last page the task row records as done. */
async function sendPersons(run: Run, apicode: 'T_SEND_PERSON' | 'T_UPDATE_DEVICE_PERSON'): Promise<TaskOutcome> {
  const backends = deviceBackends(run.device.doors);
  if (backends.length === 0) {
    run.deps.log.warn({ bridge: run.bridgeId, sn: run.device.sn, taskid: run.task.taskid }, 'bridge task failed: the device stands for no door, so there is no backend to enroll its workers on');
    return outcomeOf(2);
  }
  const siteId = run.deps.bridges.get(run.bridgeId).siteId;
  const levels = run.deps.bridges.workerLevels(run.device.id);
  // Resumed: the failures of the pages already done were kept with them.
  const failedPersons = [...run.task.failedPersons] as FailedWorker[];
  const failedFaces = [...run.task.failedFaces] as FailedWorker[];
  let page = (run.task.currentPage ?? 0) + 1;
  let totalPage = run.task.totalPage ?? 1;
  if (run.task.currentPage !== null && run.task.currentPage >= totalPage) return outcomeOf(1, failedPersons, failedFaces, true);
  for (let asked = 0; asked < 10_000; asked += 1, page += 1) {
    const got = await run.client.personsPage(run.task.taskid, apicode, page, totalPage);
    totalPage = got.totalPage;
    for (const person of got.persons) {
      const failed = await enrollWorker(run, siteId, backends, levels, person);
      if (failed?.kind === 'face') failedFaces.push({ personId: person.personId, errCode: FACE_REFUSED, reason: failed.reason });
      if (failed?.kind === 'person') failedPersons.push({ personId: person.personId, errCode: PERSON_REFUSED, reason: failed.reason });
    }
    run.deps.pages.pageDone(run.task.id, { currentPage: page, totalPage, failedPersons, failedFaces }, run.stamp());
    if (page >= totalPage || got.persons.length === 0) break;
  }
  return outcomeOf(1, failedPersons, failedFaces, true);
}

/** One worker: photo read and checked, then enrolled (upsert by pin) and mapped; what failed, if anything. */
async function enrollWorker(run: Run, siteId: number, backends: readonly BackendId[], levels: ReadonlyMap<BackendId, readonly string[]>, worker: PlatformPerson): Promise<{ kind: 'face' | 'person'; reason: string } | null> {
  const log = { bridge: run.bridgeId, sn: run.device.sn, taskid: run.task.taskid, personId: worker.personId };
  // A page cut short and done again: this task already queued this worker's writes.
  if (run.deps.bridges.tables.workers.enrolledBy(run.device.id, worker.personId) === run.task.id) return null;
  // A photo the platform serves itself is read with the platform's trust (its pinned certificate).
  const photo = await readWorkerPhoto(worker.imgUrls, (url, maxBytes, timeoutMs) => run.deps.fetchPicture(url, maxBytes, timeoutMs, run.client.trustFor?.(url)));
  if ('problem' in photo) {
    run.deps.log.warn({ ...log, problem: photo.problem }, 'bridge worker not enrolled: the photo could not be read');
    return { kind: 'face', reason: `the photo could not be read: ${photo.problem}` };
  }
  let face: { jpegBase64: string; failedChecks: string[] };
  try {
    const check = await run.deps.people.checkPhoto(backends, photo.bytes);
    if (!check.ok) {
      run.deps.log.warn({ ...log, failedChecks: check.failedChecks }, 'bridge worker not enrolled: the photo failed the face check');
      return { kind: 'face', reason: `the photo failed the face check: ${check.failedChecks.join(', ')}` };
    }
    face = { jpegBase64: check.photoBase64, failedChecks: check.failedChecks };
  } catch (error) {
    run.deps.log.warn({ ...log, error: (error as Error).message }, 'bridge worker not enrolled: the photo was refused');
    return { kind: 'face', reason: `the photo was refused: ${(error as Error).message}` };
  }
  const parsed = EnrollSchema.safeParse({
    siteId,
    person: { pin: workerPin(worker.personId), name: worker.name.trim().slice(0, TEXT_LIMITS.personName) },
    targets: backends.map((backendId) => ({ backendId, accessLevelIds: [...(levels.get(backendId) ?? [])] })),
    face,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    run.deps.log.warn({ ...log, issues }, 'bridge worker not enrolled: the person was refused');
    return { kind: 'person', reason: `the person was refused: ${issues.join('; ')}` };
  }
  try {
    // The person, its outbox entries and the mapping with this task: all or nothing (a kill -9 between them would queue the worker again).
    run.deps.atomic(() => {
      const { person } = run.deps.people.enroll(parsed.data);
      run.deps.bridges.tables.workers.put(run.device.id, worker.personId, person.id, run.stamp(), run.task.id);
    });
    return null;
  } catch (error) {
    run.deps.log.warn({ ...log, error: (error as Error).message }, 'bridge worker not enrolled: the person was refused');
    return { kind: 'person', reason: `the person was refused: ${(error as Error).message}` };
  }
}

/**
 * DEL, CLEAR: the workers leave the device, and the task row (syncing) keeps those whose writes were
 * queued, in one transaction — a kill after it resumes the wait for their deletes, a kill before it
 * leaves nothing done (the task runs again).
 */
function takeOff(run: Run, named: () => readonly string[], after?: () => void): TaskOutcome {
  return run.deps.atomic(() => {
    const leaving = named().filter((personId) => dropWorker(run, personId));
    after?.();
    const outcome = leftOutcome(leaving);
    if (outcome.awaitsWrites) run.deps.bridges.tables.tasks.syncing(run.task.id, outcome, run.stamp());
    return outcome;
  });
}

/**
 * The worker leaves this device: their person leaves the device's backends. Still on another device
 * of the bridge, the person keeps the other devices' backends (an update); else the person is removed.
 * True when writes were queued for it (the task waits for them).
 */
function dropWorker(run: Run, personId: string): boolean {
  const { workers } = run.deps.bridges.tables;
  const mine = workers.byPersonId(run.bridgeId, personId).find((w) => w.deviceId === run.device.id);
  workers.remove(run.device.id, personId);
  const doormanId = mine?.doormanPersonId ?? null;
  if (doormanId === null) return false;
  const row = run.deps.peopleTable.get(doormanId);
  if (!row) return false;
  const others = workers.byPersonId(run.bridgeId, personId);
  if (others.length === 0) {
    run.deps.people.remove(doormanId);
    return true;
  }
  const devices = new Map(run.deps.bridges.tables.devices.list(run.bridgeId).map((d) => [d.id, d]));
  const kept = deviceBackends(others.flatMap((w) => devices.get(w.deviceId)?.doors ?? []));
  const levels = new Map(others.flatMap((w) => [...run.deps.bridges.workerLevels(w.deviceId)]));
  run.deps.people.update({ id: doormanId, person: JSON.parse(row.fields) as PersonFields, targets: kept.map((backendId) => ({ backendId, accessLevelIds: [...(levels.get(backendId) ?? [])] })) });
  return true;
}

/** D15: the device's workers, page by page, each with its face file (base64) when it has one. */
async function postWorkers(run: Run): Promise<void> {
  const persons: PostedPerson[] = run.deps.bridges.tables.workers.list(run.device.id).map((worker) => {
    const row = worker.doormanPersonId === null ? undefined : run.deps.peopleTable.get(worker.doormanPersonId);
    const name = row ? (JSON.parse(row.fields) as Partial<PersonFields>).name ?? '' : '';
    const img = row?.face_sha256 ? Buffer.from(run.deps.faces.read(row.face_sha256)).toString('base64') : '';
    return { personId: worker.personId, name, img, hasImg: img === '' ? 0 : 1 };
  });
  const totalPage = Math.max(1, Math.ceil(persons.length / POST_PAGE_SIZE));
  for (let page = 1; page <= totalPage; page += 1) {
    await run.client.postPersonsPage(run.task.taskid, page, totalPage, persons.slice((page - 1) * POST_PAGE_SIZE, page * POST_PAGE_SIZE));
  }
}
