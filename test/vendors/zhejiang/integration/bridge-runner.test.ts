import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeState } from '../../../../shared/contract/index.ts';
import { BridgeRunner } from '../../../../electron/bridge/bridge-runner.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { call } from '../../../../electron/cli/call.ts';
import { workerPin } from '../../../../electron/bridge/worker-pin.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import { until } from '../../../support/until.ts';

/**
 * The bridge runner against the full platform simulator (issue 16 items 2 and 6): a device session
 * per device comes online; a task queued on the platform is fetched once (T_GET_TASKS with the
 * session's token) and, with no executor, answered status 3 once; a revocation shows in
 * `bridge.status` with the platform's reason. Waits are for conditions (20 s ceiling).
 */
const tempDir = useTempDirs();
const SN = 'ZJ-GATE-01';

let core: Core;
let sim: ZhejiangSimulator;
let runner: BridgeRunner | undefined;

beforeEach(async () => {
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  sim = await startZhejiangSimulator({ http: true, devices: [SN] });
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await sim.close();
  await core.close();
});

async function startRunner(): Promise<{ bridgeId: number; states: BridgeState[] }> {
  const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
  const { id: bridgeId } = (await call(core, 'bridge.add', {
    siteId,
    tcp: sim.tcpAddress,
    httpsUrl: sim.apiUrl,
    credentials: { accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret },
  })) as { id: number };
  await call(core, 'bridge.devices.add', { bridgeId, sn: SN });
  const states: BridgeState[] = [];
  core.bus.listen((name, payload) => {
    if (name === 'bridge.state') states.push(payload as BridgeState);
  });
  runner = new BridgeRunner(
    { bridges: core.bridges, bus: core.bus, people: new PeopleTable(core.db), sites: new SitesTable(core.db), log: core.log, tuning: { heartbeatMs: 50, backoffBaseMs: 50, backoffMaxMs: 200 } },
    bridgeId,
  );
  runner.start();
  return { bridgeId, states };
}

describe('Zhejiang bridge runner', () => {
  it('comes online, fetches a queued task once and reports status 3 once', async () => {
    const { bridgeId, states } = await startRunner();
    await until(() => runner!.state().devices[0]?.status === 'online', 'the device online');
    expect(states.some((s) => s.devices[0]?.status === 'online')).toBe(true);

    const task = sim.queueTask({ sn: SN, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    await until(() => sim.statuses.some((s) => s.taskid === task.taskid), 'the status report');
    // Several heartbeats later, still once each.
    const beats = sim.tcp.heartbeatParams.length;
    await until(() => sim.tcp.heartbeatParams.length >= beats + 5, 'more heartbeats');

    expect(sim.exchanges.filter((e) => e.apicode === 'T_GET_TASKS' && e.errorcode === undefined)).toHaveLength(1);
    const reports = sim.statuses.filter((s) => s.taskid === task.taskid);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ sn: SN, status: 3, unknownTask: false, duplicate: false });
    const history = (await call(core, 'bridge.tasks', { bridgeId })) as { tasks: { taskid: string; state: string; apicode: string | null }[] };
    expect(history.tasks).toEqual([expect.objectContaining({ taskid: task.taskid, state: 'reported', apicode: 'T_CLEAR_DEVICE_PERSON' })]);
    const device = runner!.state().devices[0]!;
    expect(device).toMatchObject({ sn: SN, status: 'online', openTasks: 0, queueDepth: 0, lastError: null });
    expect(device.lastHeartbeatAt).toBeGreaterThan(0);
    expect(device.tokenAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps a task while the platform’s HTTPS side fails and answers it once when it is back', async () => {
    const { bridgeId } = await startRunner();
    await until(() => runner!.state().devices[0]?.status === 'online', 'the device online');
    sim.faults.http5xx = true;
    const task = sim.queueTask({ sn: SN, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    await until(() => runner!.state().devices[0]?.openTasks === 1, 'the task received');
    const during = sim.tcp.heartbeatParams.length;
    await until(() => sim.tcp.heartbeatParams.length >= during + 5, 'heartbeats during the fault');
    expect(sim.statuses).toEqual([]);
    expect(runner!.state().devices[0]?.openTasks).toBe(1);
    sim.faults.http5xx = false;
    await until(() => sim.statuses.some((s) => s.taskid === task.taskid), 'the status report');
    const beats = sim.tcp.heartbeatParams.length;
    await until(() => sim.tcp.heartbeatParams.length >= beats + 5, 'more heartbeats');
    expect(sim.statuses.filter((s) => s.taskid === task.taskid).map((s) => s.status)).toEqual([3]);
    const history = (await call(core, 'bridge.tasks', { bridgeId })) as { tasks: { state: string }[] };
    expect(history.tasks.map((t) => t.state)).toEqual(['reported']);
  });

  it('runs the enabled bridges from core.startBackground, bridge.status shows them, core.close stops them', async () => {
    const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
    const credentials = { accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret };
    const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: sim.tcpAddress, httpsUrl: sim.apiUrl, credentials })) as { id: number };
    await call(core, 'bridge.devices.add', { bridgeId, sn: SN });
    const { id: offId } = (await call(core, 'bridge.add', { siteId, tcp: sim.tcpAddress, httpsUrl: sim.apiUrl, credentials, enabled: false })) as { id: number };
    await call(core, 'bridge.devices.add', { bridgeId: offId, sn: 'ZJ-OFF' });
    const before = (await call(core, 'bridge.status', { bridgeId })) as BridgeState;
    expect(before).toMatchObject({ running: false, devices: [{ sn: SN, status: 'stopped' }] });

    await core.startBackground();
    let state = before;
    await until(() => {
      void core.dispatch('bridge.status', { bridgeId }).then((reply) => reply.ok && (state = reply.output as BridgeState));
      return state.devices[0]?.status === 'online';
    }, 'the device online');
    expect(state.running).toBe(true);
    expect((await call(core, 'bridge.status', { bridgeId: offId })) as BridgeState).toMatchObject({ running: false, devices: [{ sn: 'ZJ-OFF', status: 'stopped' }] });

    // A change reaches the sessions: disabled stops the runner, enabled starts it again.
    await call(core, 'bridge.update', { id: bridgeId, enabled: false });
    expect((await call(core, 'bridge.status', { bridgeId })) as BridgeState).toMatchObject({ running: false, devices: [{ sn: SN, status: 'stopped' }] });
    await call(core, 'bridge.update', { id: bridgeId, enabled: true });
    state = (await call(core, 'bridge.status', { bridgeId })) as BridgeState;
    expect(state.running).toBe(true);
    await until(() => {
      void core.dispatch('bridge.status', { bridgeId }).then((reply) => reply.ok && (state = reply.output as BridgeState));
      return state.devices[0]?.status === 'online';
    }, 'the device online again');
    await call(core, 'bridge.remove', { id: bridgeId });
    await core.close();
  });

  it('shows a revocation with the platform’s reason', async () => {
    await startRunner();
    await until(() => runner!.state().devices[0]?.status === 'online', 'the device online');
    sim.tcp.revoke();
    await until(() => runner!.state().devices[0]?.status === 'revoked', 'the device revoked');
    const device = runner!.state().devices[0]!;
    expect(device.lastError).toMatchObject({ vendorCode: '401_02' });
    expect(device.lastError?.advice?.en).toBeTruthy();
    expect(device.lastError?.advice?.['zh-CN']).toBeTruthy();
  });
});

describe('Zhejiang bridge runner with the task executor (a K30 backend behind the door)', () => {
  it('loads the workers onto the backend, reports only once their writes are done or refused, with the backend’s photo refusal in failedFaces', async () => {
    await core.close();
    core = createCore({ dataDir: tempDir(), runtime: 'node', bridges: { tuning: { heartbeatMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 } } });
    const k30 = await startK30Simulator();
    try {
      const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
      const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
      const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
      const credentials = { accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret };
      const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: sim.tcpAddress, httpsUrl: sim.apiUrl, credentials })) as { id: number };
      await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: inventory.doors[0]!.id }] });
      const workers = [
        { personId: '4508004291609636864', name: '张三', photo: 'ok' as const },
        { personId: '4508004291609636865', name: '李四', photo: 'broken' as const },
        { personId: '4508004291609636866', name: '王五', photo: 'ok' as const },
      ];
      // Every write to the backend takes 1.5 s; K30 refuses the first worker's photo.
      k30.faults.latency(1500, { endpoint: 'people.create' });
      k30.state.photoRefusals.set(workerPin(workers[0]!.personId), '照片未检测到人脸');
      const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers, personIds: [], param: undefined });
      await core.startBackground();

      // The people are queued and on their way: the task waits (syncing), unreported.
      await until(() => {
        const row = core.bridges.tables.tasks.history(bridgeId, 5).find((t) => t.taskid === task.taskid);
        return row?.state === 'syncing' && core.outbox.list().some((e) => e.state === 'sending');
      }, 'the task syncing while a write is in flight');
      expect(sim.statuses.filter((s) => s.taskid === task.taskid)).toEqual([]);

      await until(() => sim.statuses.some((s) => s.taskid === task.taskid), 'the status report');
      const entries = core.outbox.list().filter((e) => e.backendId === backendId && e.action === 'upsert');
      expect(entries.map((e) => e.state).sort()).toEqual(['done', 'failed']);
      const refusedWorker = workers[0]!;
      expect(entries.find((e) => e.state === 'failed')?.pin).toBe(workerPin(refusedWorker.personId));
      const report = sim.statuses.filter((s) => s.taskid === task.taskid);
      expect(report).toHaveLength(1);
      expect(report[0]).toMatchObject({
        status: 1,
        failedPersons: [],
        failedFaces: [{ personId: workers[1]!.personId, errCode: '404_2' }, { personId: refusedWorker.personId, errCode: '404_2' }],
        // The worker whose write K30 refused is not on the device.
        personCount: 1,
        faceCount: 1,
        duplicate: false,
      });
      // The history keeps the backend's reason.
      await until(() => core.bridges.tables.tasks.history(bridgeId, 5).find((t) => t.taskid === task.taskid)?.state === 'reported', 'the task reported in its history');
      const history = (await call(core, 'bridge.tasks', { bridgeId })) as { tasks: { taskid: string; state: string; failedFaces: { reason?: string }[] }[] };
      const row = history.tasks.find((t) => t.taskid === task.taskid)!;
      expect(row.failedFaces[1]?.reason, JSON.stringify(row.failedFaces)).toMatch(new RegExp(`^backend ${backendId}: .*照片未检测到人脸`));
      // The other worker is on the backend, once.
      const onBackend = [...k30.state.people.values()].map((p) => p.jobnumber);
      const loaded = workers.find((w) => w !== refusedWorker && w.photo === 'ok')!;
      expect(onBackend).toContain(workerPin(loaded.personId));
      expect(onBackend).not.toContain(workerPin(refusedWorker.personId));
      expect(k30.state.personWrites.get(workerPin(loaded.personId))).toBe(1);
    } finally {
      await core.close();
      await k30.close();
    }
  });

  it('reports a T_DEL_DEVICE_PERSON only once K30 has the delete: waits while K30 is down, across a restart; a delete K30 refuses fails the task with the reason in failedPersons', async () => {
    await core.close();
    const dataDir = tempDir();
    const open = () => createCore({ dataDir, runtime: 'node', bridges: { tuning: { heartbeatMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 } } });
    core = open();
    const k30 = await startK30Simulator();
    try {
      const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
      const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
      const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
      const credentials = { accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret };
      const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: sim.tcpAddress, httpsUrl: sim.apiUrl, credentials })) as { id: number };
      await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: inventory.doors[0]!.id }] });
      const [leaving, refused] = [
        { personId: '4508004291609636870', name: '赵六', photo: 'ok' as const },
        { personId: '4508004291609636871', name: '钱七', photo: 'ok' as const },
      ];
      const onK30 = () => [...k30.state.people.values()].map((p) => p.jobnumber);
      const reports = (taskid: string) => sim.statuses.filter((s) => s.taskid === taskid);
      const taskRow = (taskid: string) => core.bridges.tables.tasks.history(bridgeId, 10).find((t) => t.taskid === taskid);
      const send = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: [leaving!, refused!], personIds: [], param: undefined });
      await core.startBackground();
      await until(() => reports(send.taskid).length === 1, 'the T_SEND_PERSON report');
      expect(onK30()).toEqual(expect.arrayContaining([workerPin(leaving!.personId), workerPin(refused!.personId)]));

      // K30 is down for deletes: the task waits (syncing), unreported, also across a restart.
      const down = k30.faults.httpError(500, { endpoint: 'people.delete' });
      const del = sim.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: [leaving!.personId], param: undefined });
      const deleteTried = () => core.outbox.list().some((e) => e.action === 'delete' && e.pin === workerPin(leaving!.personId) && e.attempts > 0 && e.state === 'pending');
      await until(() => taskRow(del.taskid)?.state === 'syncing' && deleteTried(), 'the DEL task syncing while K30 refuses with 500');
      expect(reports(del.taskid)).toEqual([]);
      await core.close();
      core = open();
      await core.startBackground();
      await until(() => taskRow(del.taskid)?.state === 'syncing' && deleteTried(), 'the DEL task still syncing after the restart');
      expect(reports(del.taskid)).toEqual([]);
      expect(onK30()).toContain(workerPin(leaving!.personId));
      k30.faults.clear(down);
      await until(() => reports(del.taskid).length === 1, 'the DEL report once K30 is back');
      expect(onK30()).not.toContain(workerPin(leaving!.personId));
      expect(reports(del.taskid)[0]).toMatchObject({ status: 1, personCount: 1, faceCount: 1 });

      // K30 refuses the other delete: the task fails, the worker in failedPersons with K30's reason.
      k30.state.deleteRefusals.set(workerPin(refused!.personId), '人员存在未处理记录，不能删除');
      const refusedDel = sim.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: [refused!.personId], param: undefined });
      await until(() => reports(refusedDel.taskid).length === 1, 'the refused DEL report');
      expect(reports(refusedDel.taskid)[0]).toMatchObject({ status: 2, personCount: 0, faceCount: 0 });
      expect(onK30()).toContain(workerPin(refused!.personId));
      await until(() => taskRow(refusedDel.taskid)?.state === 'reported', 'the refused DEL in the history');
      const history = (await call(core, 'bridge.tasks', { bridgeId })) as { tasks: { taskid: string; state: string; failedPersons: { personId: string; errCode: string; reason?: string }[] }[] };
      const row = history.tasks.find((t) => t.taskid === refusedDel.taskid)!;
      expect(row.failedPersons).toHaveLength(1);
      expect(row.failedPersons[0]).toMatchObject({ personId: refused!.personId, errCode: '404_1' });
      expect(row.failedPersons[0]!.reason).toMatch(new RegExp(`^backend ${backendId}: .*不能删除`));
      expect(reports(del.taskid)).toHaveLength(1);
    } finally {
      await core.close();
      await k30.close();
    }
  });
});
