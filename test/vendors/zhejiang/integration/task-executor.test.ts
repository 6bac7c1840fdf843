import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../../shared/contract/people.ts';
import { deviceTotals, executeTask, FACE_REFUSED, PERSON_REFUSED, type TaskClient, type TaskExecutorDeps } from '../../../../electron/bridge/task-executor.ts';
import { workerPin } from '../../../../electron/bridge/worker-pin.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { ZhejiangHttpsClient } from '../../../../electron/drivers/zhejiang/https-client.ts';
import { fetchPicture } from '../../../../electron/event-photos/photo-fetch.ts';
import { FaceFiles } from '../../../../electron/people/face-files.ts';
import { BridgeTaskPages } from '../../../../electron/store/bridge-task-pages.ts';
import { BridgeTaskWrites } from '../../../../electron/store/bridge-task-writes.ts';
import { atomically } from '../../../../electron/store/atomically.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';
import type { TaskApicode, Worker } from '../../../simulators/zhejiang/tasks.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { call } from '../../../../electron/cli/call.ts';

/**
 * The task executor (issue 16 item 3) in the core: a K30 backend (its simulator) behind the one door
 * of a bridge device, the Zhejiang platform simulator over plain http (2 workers a page). Workers
 * become people queued in the outbox for that backend (a broken photo fails that face only); a
 * restart mid-task resumes at the next page without enrolling anyone twice; DEL and CLEAR remove.
 */
const tempDir = useTempDirs();
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = 'ZJ-GATE-01';
const WORKERS: Worker[] = [
  { personId: '4508004291609636864', name: '张三', photo: 'ok' },
  { personId: '4508004291609636865', name: '李四', photo: 'broken' },
  { personId: '4508004291609636866', name: '王五', photo: 'ok' },
];

let dataDir: string;
let core: Core;
let k30: K30Simulator;
let platform: ZhejiangSimulator;
const clients: ZhejiangHttpsClient[] = [];

beforeEach(async () => {
  dataDir = tempDir();
  core = createCore({ dataDir, runtime: 'node' });
  k30 = await startK30Simulator();
  platform = await startZhejiangSimulator({ ...CREDENTIALS, http: true, devices: [SN], pageSize: 2 });
});
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  await platform.close();
  await k30.close();
  await core.close();
});

interface Setup {
  readonly backendId: number;
  readonly bridgeId: number;
  readonly device: { id: number; sn: string; doors: { backendId: number; doorId: string }[] };
}

async function setUp(): Promise<Setup> {
  const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
  const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
  const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
  const door = inventory.doors[0]!.id;
  const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: `${platform.tcp.host}:${platform.tcp.port}`, httpsUrl: platform.apiUrl, credentials: CREDENTIALS })) as { id: number };
  const device = (await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: door }] })) as Setup['device'];
  return { backendId, bridgeId, device };
}

function depsOf(c: Core): TaskExecutorDeps {
  return { bridges: c.bridges, pages: new BridgeTaskPages(c.db), people: c.people, peopleTable: new PeopleTable(c.db), faces: new FaceFiles(dataDir), log: c.log, fetchPicture, atomic: atomically(c.db) };
}

function clientOf(): ZhejiangHttpsClient {
  const token = platform.tcp.issueToken(SN);
  const client = new ZhejiangHttpsClient({ url: platform.apiUrl, sn: SN, token: () => token, accessSecret: CREDENTIALS.accessSecret, retries: 0 });
  clients.push(client);
  return client;
}

/** The platform queues the task; the heartbeat named it and T_GET_TASKS described it: the task row, fetched. */
async function taskOf(c: Core, setup: Setup, apicode: TaskApicode, extra: { workers?: Worker[]; personIds?: string[]; param?: Record<string, unknown> } = {}) {
  const queued = platform.queueTask({ sn: SN, apicode, workers: extra.workers ?? [], personIds: extra.personIds ?? [], param: extra.param });
  const now = new Date().toISOString();
  c.bridges.tables.tasks.receive(setup.device.id, [queued.taskid], now);
  const [fetched] = await clientOf().getTasks([queued.taskid]);
  const row = c.bridges.tables.tasks.open(setup.device.id).find((t) => t.taskid === queued.taskid)!;
  c.bridges.tables.tasks.fetched(row.id, fetched!.apicode, fetched!.param, now);
  return c.bridges.tables.tasks.get(row.id)!;
}

const upserts = (c: Core, backendId: number): OutboxEntry[] => c.outbox.list().filter((e) => e.backendId === backendId && e.action === 'upsert');

describe('Zhejiang task executor: workers to Doorman people on the backend behind the door', () => {
  it('T_SEND_PERSON of 3 workers (one broken photo): 2 people queued for the backend, the broken one in failedFaces', async () => {
    const setup = await setUp();
    const task = await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS });
    const outcome = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task, client: clientOf() });

    expect(outcome).toEqual({ status: 1, failedPersons: [], failedFaces: [{ personId: WORKERS[1]!.personId, errCode: FACE_REFUSED, reason: expect.stringContaining('the photo could not be read') }], awaitsWrites: true });
    expect(upserts(core, setup.backendId).map((e) => e.pin).sort()).toEqual([workerPin(WORKERS[0]!.personId), workerPin(WORKERS[2]!.personId)].sort());
    const people = new PeopleTable(core.db);
    const workers = core.bridges.tables.workers.list(setup.device.id);
    expect(workers.map((w) => w.personId)).toEqual([WORKERS[0]!.personId, WORKERS[2]!.personId]);
    expect(workers.map((w) => JSON.parse(people.get(w.doormanPersonId!)!.fields).name)).toEqual(['张三', '王五']);
    expect(deviceTotals(depsOf(core), setup.device.id)).toEqual({ personCount: 2, faceCount: 2 });
    // The runner finishes the row (after the backends have the people); the executor leaves it at its last page.
    const row = core.bridges.tables.tasks.get(task.id)!;
    expect(row).toMatchObject({ state: 'running', currentPage: 2, totalPage: 2, failedFaces: outcome.failedFaces });
    expect(core.bridges.tables.workers.list(setup.device.id).map((w) => w.enrolledTask)).toEqual([task.id, task.id]);
    // The workers get the K30 levels that cover the device's door (none set on the device).
    const levels = core.bridges.workerLevels(setup.device.id).get(setup.backendId) ?? [];
    expect(levels.length).toBeGreaterThan(0);
    for (const entry of upserts(core, setup.backendId)) expect((core.outbox.get(entry.id)!.payload as { accessLevelIds: string[] }).accessLevelIds).toEqual(levels);
  });

  it('a restart after the first page resumes at the second and enrolls nobody twice', async () => {
    const setup = await setUp();
    const task = await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS });
    const real = clientOf();
    // The app stops while page 2 is asked for: page 1 is durably done, page 2 never answered.
    const crashing: TaskClient = {

      version: (id) => real.version(id),
      deletePersons: (id) => real.deletePersons(id),
      clear: (id) => real.clear(id),
      postPersonsPage: (...args) => real.postPersonsPage(...args),
      personsPage: async (taskid, apicode, page, total) => {
        if (page > 1) throw new Error('the app stopped');
        return real.personsPage(taskid, apicode, page, total);
      },
    };
    await expect(executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task, client: crashing })).rejects.toThrow('the app stopped');
    expect(core.bridges.tables.tasks.get(task.id)).toMatchObject({ state: 'running', currentPage: 1, totalPage: 2, failedFaces: [{ personId: WORKERS[1]!.personId, errCode: FACE_REFUSED, reason: expect.any(String) }] });
    await core.close();

    core = createCore({ dataDir, runtime: 'node' });
    const [resumed] = core.bridges.tables.tasks.open(setup.device.id);
    expect(resumed).toMatchObject({ id: task.id, currentPage: 1 });
    const outcome = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: resumed!, client: clientOf() });

    // The broken photo of page 1 is still reported after the restart.
    expect(outcome).toEqual({ status: 1, failedPersons: [], failedFaces: [{ personId: WORKERS[1]!.personId, errCode: FACE_REFUSED, reason: expect.stringContaining('the photo could not be read') }], awaitsWrites: true });
    const pins = upserts(core, setup.backendId).map((e) => e.pin).sort();
    expect(pins).toEqual([workerPin(WORKERS[0]!.personId), workerPin(WORKERS[2]!.personId)].sort());
    const asked = platform.exchanges.filter((x) => x.apicode === 'T_SEND_PERSON').length;
    expect(asked).toBe(2);
  });

  it('a page done again (cut before its progress was saved) skips the workers this task already enrolled', async () => {
    const setup = await setUp();
    const task = await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS });
    await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task, client: clientOf() });
    // As if the app died after enrolling every worker but before any page's progress was saved.
    new BridgeTaskPages(core.db).pageDone(task.id, { currentPage: 0, totalPage: 2, failedPersons: [], failedFaces: [] }, new Date().toISOString());
    const again = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: core.bridges.tables.tasks.get(task.id)!, client: clientOf() });

    expect(again.status).toBe(1);
    const pins = upserts(core, setup.backendId).map((e) => e.pin).sort();
    expect(pins).toEqual([workerPin(WORKERS[0]!.personId), workerPin(WORKERS[2]!.personId)].sort());
    // Another task naming the same worker does enroll it again (an update is a new write).
    const update = await taskOf(core, setup, 'T_UPDATE_DEVICE_PERSON', { workers: [WORKERS[0]!] });
    await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: update, client: clientOf() });
    expect(upserts(core, setup.backendId).filter((e) => e.pin === workerPin(WORKERS[0]!.personId))).toHaveLength(2);
  });

  it('T_UPDATE_DEVICE_PERSON updates the same person (same pin); a person the people service refuses is in failedPersons', async () => {
    const setup = await setUp();
    await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS }), client: clientOf() });
    const renamed: Worker = { ...WORKERS[0]!, name: '张三丰' };
    const nameless: Worker = { personId: '4508004291609636899', name: '', photo: 'ok' };
    const task = await taskOf(core, setup, 'T_UPDATE_DEVICE_PERSON', { workers: [renamed, nameless] });
    const outcome = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task, client: clientOf() });

    expect(outcome).toEqual({ status: 1, failedPersons: [{ personId: nameless.personId, errCode: PERSON_REFUSED, reason: expect.stringContaining('the person was refused: person.name') }], failedFaces: [], awaitsWrites: true });
    const people = new PeopleTable(core.db);
    const pin = workerPin(renamed.personId);
    expect(people.ofSite(1).filter((p) => JSON.parse(p.fields).pin === pin).map((p) => JSON.parse(p.fields).name)).toEqual(['张三丰']);
    expect(upserts(core, setup.backendId).filter((e) => e.pin === pin)).toHaveLength(2);
    expect(core.bridges.tables.workers.list(setup.device.id).map((w) => w.personId)).toEqual([WORKERS[0]!.personId, WORKERS[2]!.personId]);
  });

  it('T_DEL_DEVICE_PERSON removes the named worker from the backend; T_CLEAR_DEVICE_PERSON the rest', async () => {
    const setup = await setUp();
    await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS }), client: clientOf() });
    const first = WORKERS[0]!.personId;

    const delTask = await taskOf(core, setup, 'T_DEL_DEVICE_PERSON', { personIds: [first] });
    const del = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: delTask, client: clientOf() });
    expect(del.status).toBe(1);
    // The task waits for its delete (issue 16 item 3): the executor keeps the worker taken off with the
    // syncing row, in the transaction that queued the delete, and that delete is the write awaited.
    expect(del).toMatchObject({ awaitsWrites: true, leaving: [first] });
    const stored = core.bridges.tables.tasks.get(delTask.id)!;
    expect(stored).toMatchObject({ state: 'syncing', leaving: [first] });
    expect(new BridgeTaskWrites(core.db).of(setup.device.id, delTask.id, [setup.backendId], [{ personId: first, pin: workerPin(first) }])).toMatchObject([
      { personId: first, backendId: setup.backendId, action: 'delete' },
    ]);
    const deletes = () => core.outbox.list().filter((e) => e.backendId === setup.backendId && e.action === 'delete').map((e) => e.pin);
    expect(deletes()).toEqual([workerPin(first)]);
    expect(core.bridges.tables.workers.list(setup.device.id).map((w) => w.personId)).toEqual([WORKERS[2]!.personId]);
    expect(new PeopleTable(core.db).byPin(1, workerPin(first))).toBeUndefined();

    const clear = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_CLEAR_DEVICE_PERSON'), client: clientOf() });
    expect(clear).toMatchObject({ status: 1, awaitsWrites: true, leaving: [WORKERS[2]!.personId] });
    expect(deletes().sort()).toEqual([workerPin(first), workerPin(WORKERS[2]!.personId)].sort());
    expect(deviceTotals(depsOf(core), setup.device.id)).toEqual({ personCount: 0, faceCount: 0 });
  });

  it('T_POST_DEVICE_PERSON uploads the workers with their faces; T_UPDATE_DEVICE_VERSION is not supported (failed with a firmware); an unknown apicode is not supported', async () => {
    const setup = await setUp();
    await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_SEND_PERSON', { workers: WORKERS }), client: clientOf() });
    const post = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_POST_DEVICE_PERSON'), client: clientOf() });
    expect(post.status).toBe(1);
    const uploaded = platform.uploads.flatMap((u) => u.persons);
    expect(uploaded.map((p) => p.personId)).toEqual([WORKERS[0]!.personId, WORKERS[2]!.personId]);
    expect(uploaded.every((p) => p.imgBytes > 100)).toBe(true);

    const version = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_UPDATE_DEVICE_VERSION'), client: clientOf() });
    expect(version.status).toBe(3);
    // D16: a described firmware is a task Doorman cannot do (it flashes no firmware): failed.
    const firmware = { version: 'V2.1.0', size: 1024, downloadUrl: 'https://firmware.example/zj.bin' };
    const described = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: await taskOf(core, setup, 'T_UPDATE_DEVICE_VERSION', { param: firmware }), client: clientOf() });
    expect(described.status).toBe(2);
    const unknown = await executeTask(depsOf(core), { bridgeId: setup.bridgeId, device: setup.device, task: { ...(await taskOf(core, setup, 'T_CLEAR_DEVICE_PERSON')), apicode: 'T_OPEN_DOOR' }, client: clientOf() });
    expect(unknown.status).toBe(3);
  });
});
