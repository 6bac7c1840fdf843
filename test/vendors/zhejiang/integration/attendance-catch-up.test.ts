import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { BridgeRunner } from '../../../../electron/bridge/bridge-runner.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpSimulator } from '../../../simulators/zhejiang/tcp-server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { until } from '../../../support/until.ts';
import { workerPass } from '../worker-pass.ts';

/**
 * Attendance catch-up and the offline drain (issue 16 item 4), with the real bridge runner, a K30
 * backend's inventory (K30 simulator) and the strict TCP platform simulator:
 * - passes stored while the bridge was not running (before its first start; the app closed and
 *   opened again) are sent once each after the start, in time order; passes from before the bridge
 *   was added are not; a restart sends nothing twice;
 * - the platform unreachable (its simulator stopped) while 500 passes are stored; when it is back,
 *   all 500 arrive once, in recordTime order, and the queue empties.
 * Waits are for conditions (20 s ceiling).
 */
const tempDir = useTempDirs();
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = 'ZJ-GATE-01';
const WORKER = '4508004291609636864';

let k30: K30Simulator;
let platform: ZhejiangTcpSimulator;
let core: Core;
let runner: BridgeRunner | undefined;

beforeAll(async () => {
  k30 = await startK30Simulator();
});
afterAll(async () => {
  await k30.close();
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
  await platform.close();
  await core.close();
});

interface Setup {
  readonly backendId: number;
  readonly bridgeId: number;
  readonly deviceId: number;
  readonly door: string;
}

/** Site (Shanghai) and K30 backend; `before` runs before the bridge is added; then the bridge, its device for one door, worker 1001 mapped. */
async function setUp(before: (backendId: number, door: string) => void = () => undefined): Promise<Setup> {
  const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
  const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
  const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
  const door = inventory.doors.map((d) => d.id).sort()[0]!;
  before(backendId, door);
  const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: `${platform.host}:${platform.port}`, httpsUrl: 'http://127.0.0.1:9', credentials: CREDENTIALS })) as { id: number };
  const { id: deviceId } = (await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: door }] })) as { id: number };
  const now = new Date().toISOString();
  const worker = new PeopleTable(core.db).upsert(siteId, '1001', JSON.stringify({ name: '张三' }), null, null, now);
  core.bridges.tables.workers.put(deviceId, WORKER, worker.id, now);
  return { backendId, bridgeId, deviceId, door };
}

function startRunner(bridgeId: number): BridgeRunner {
  runner = new BridgeRunner(
    { bridges: core.bridges, bus: core.bus, people: new PeopleTable(core.db), sites: new SitesTable(core.db), log: core.log, tuning: { heartbeatMs: 200, backoffBaseMs: 20, backoffMaxMs: 200, random: () => 0.5 } },
    bridgeId,
  );
  runner.start();
  return runner;
}

let seq = 0;
function pass(door: string, time: string): AccessEvent {
  seq += 1;
  return workerPass(70_000 + seq, door, time);
}

const store = (backendId: number, events: readonly AccessEvent[]) => core.events.store(backendId, 'poll', events.map((event) => ({ event })));
const shanghai = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);
const wall = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('Zhejiang attendance catch-up', () => {
  it('sends the passes stored while the bridge was not running once, in time order, after the start and after the app is opened again; not the history from before the bridge', async () => {
    const dataDir = tempDir();
    core = createCore({ dataDir, runtime: 'node' });
    platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
    const setup = await setUp((backendId, door) => store(backendId, [pass(door, '2026-12-07 06:00:00')]));

    // Stored before the bridge ever ran: nothing listens yet.
    store(setup.backendId, ['08:00:09', '08:00:01', '08:00:05'].map((t) => pass(setup.door, `2026-12-07 ${t}`)));
    store(setup.backendId, ['08:00:03', '08:00:07'].map((t) => pass(setup.door, `2026-12-07 ${t}`)));
    expect(core.bridges.tables.signins.depth(setup.deviceId).depth).toBe(0);

    startRunner(setup.bridgeId);
    await until(() => platform.signIns.length >= 5 && core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the five passes');
    expect(platform.signIns.map((s) => s.recordTime)).toEqual(['01', '03', '05', '07', '09'].map((s) => shanghai(`2026-12-07 08:00:${s}`)));
    expect(platform.signIns.every((s) => s.personId === WORKER && !s.duplicate)).toBe(true);
    // The live state counts what the platform acknowledged, the last one named as the Doorman person.
    await until(() => runner!.state().devices[0]?.acknowledged?.count === 5, 'five acknowledged');
    expect(runner!.state().devices[0]?.acknowledged?.last).toEqual({ personId: WORKER, personName: '张三', recordTime: shanghai('2026-12-07 08:00:09'), acknowledgedAt: expect.any(Number) });

    // The app closes; passes are stored by the next run of the app before its bridge starts.
    await runner!.stop();
    runner = undefined;
    await core.close();
    core = createCore({ dataDir, runtime: 'node' });
    store(setup.backendId, ['08:10:02', '08:10:01'].map((t) => pass(setup.door, `2026-12-07 ${t}`)));
    const r = startRunner(setup.bridgeId);
    await until(() => platform.signIns.length >= 7 && core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the two passes after the restart');
    // A live pass follows; several heartbeats later nothing else has come.
    store(setup.backendId, [pass(setup.door, '2026-12-07 08:11:00')]);
    await until(() => platform.signIns.length >= 8, 'the live pass');
    const beats = platform.heartbeatParams.length;
    await until(() => platform.heartbeatParams.length >= beats + 3, 'three more heartbeats');
    expect(r.state().devices[0]?.queueDepth).toBe(0);
    // Counted since this start: the three of this run, the live one last.
    expect(r.state().devices[0]?.acknowledged).toMatchObject({ count: 3, last: { personId: WORKER, personName: '张三', recordTime: shanghai('2026-12-07 08:11:00') } });
    expect(platform.signIns.map((s) => wall(s.recordTime).slice(11))).toEqual(['08:00:01', '08:00:03', '08:00:05', '08:00:07', '08:00:09', '08:10:01', '08:10:02', '08:11:00']);
    expect(platform.signIns.filter((s) => s.duplicate)).toEqual([]);
    // The pass from before the bridge was added is history: never sent.
    expect(platform.signIns.some((s) => s.recordTime === shanghai('2026-12-07 06:00:00'))).toBe(false);
  });
});

describe('Zhejiang attendance while the bridge is disabled', () => {
  it('passes stored while the bridge is disabled are sent once it is enabled again, after the ones before', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
    const setup = await setUp();
    // The app's background runners: enabling and disabling a bridge starts and stops it.
    core.bridgeRunners.startEnabled();
    store(setup.backendId, [pass(setup.door, '2026-12-07 09:00:00')]);
    await until(() => platform.signIns.length === 1, 'the pass while enabled');

    await call(core, 'bridge.update', { id: setup.bridgeId, enabled: false });
    await until(() => !core.bridgeRunners.status(setup.bridgeId).running, 'the bridge stopped');
    store(setup.backendId, ['09:05:02', '09:05:01'].map((t) => pass(setup.door, `2026-12-07 ${t}`)));
    expect(core.bridges.tables.signins.depth(setup.deviceId).depth).toBe(0);
    expect(platform.signIns).toHaveLength(1);

    await call(core, 'bridge.update', { id: setup.bridgeId, enabled: true });
    await until(() => platform.signIns.length === 3 && core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the passes while disabled');
    expect(platform.signIns.map((s) => wall(s.recordTime).slice(11))).toEqual(['09:00:00', '09:05:01', '09:05:02']);
    expect(platform.signIns.filter((s) => s.duplicate)).toEqual([]);
  });
});

describe('Zhejiang attendance offline and drain', () => {
  it('the platform unreachable while 500 passes are stored: when it is back all 500 arrive once, in recordTime order, and the queue empties', async () => {
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
    const setup = await setUp();
    startRunner(setup.bridgeId);
    await until(() => runner!.state().devices[0]?.status === 'online', 'the device online');

    // The platform goes away (its simulator stopped: connections refused).
    const { port } = platform;
    await platform.close();
    await until(() => runner!.state().devices[0]?.status !== 'online', 'the device offline');

    // Compressed: the ten minutes offline are 500 passes 1.2 s apart (whole seconds) in site time, stored
    // at once in batches of 10 the way a poll stores them (each batch newest first), while the
    // session keeps failing to reconnect (backoff capped at 200 ms instead of minutes).
    const first = shanghai('2026-12-07 12:00:00');
    const times = Array.from({ length: 500 }, (_, i) => first + Math.floor(i * 1.2) * 1_000); // whole seconds, as K30 gives them
    for (let batch = 0; batch < 50; batch++) {
      store(setup.backendId, times.slice(batch * 10, batch * 10 + 10).reverse().map((t) => pass(setup.door, wall(t))));
    }
    expect(core.bridges.tables.signins.depth(setup.deviceId).depth).toBe(500);

    // The platform is back on the same address.
    platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], port });
    await until(() => core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the queue drained');
    expect(platform.signIns).toHaveLength(500);
    expect(platform.signIns.map((s) => s.recordTime)).toEqual(times);
    expect(platform.signIns.filter((s) => s.duplicate)).toEqual([]);
  });
});
