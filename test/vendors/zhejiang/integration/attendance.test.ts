import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { startAttendance } from '../../../../electron/bridge/attendance.ts';
import { sessionStates, type CapturedPhotoReader, type SigninSession } from '../../../../electron/bridge/signin-pump.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { DeviceSession, type DeviceSessionState } from '../../../../electron/drivers/zhejiang/device-session.ts';
import type { AttendanceRecord } from '../../../../electron/drivers/zhejiang/params.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpSimulator } from '../../../simulators/zhejiang/tcp-server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { call } from '../../../../electron/cli/call.ts';
import { until } from '../../../support/until.ts';
import { workerPass } from '../worker-pass.ts';

/**
 * Attendance end to end in the core (issue 16 item 4): a K30 backend with its real inventory (the
 * K30 simulator), a bridge whose device stands for one of its doors, a worker mapped, the strict
 * TCP platform simulator and a real DeviceSession. Passes stored by the event pipeline become
 * C_SIGN_IN records, sent once each in time order, across a dropped connection; passes of an
 * unmapped person or at an unmapped door queue nothing. Waits are for conditions (20 s ceiling).
 */
const tempDir = useTempDirs();
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = 'ZJ-GATE-01';
const WORKER = '4508004291609636864';
/** A tiny JPEG's first bytes are enough: the platform stores img as it is. */
const SMALL_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');

let core: Core;
let k30: K30Simulator;
let platform: ZhejiangTcpSimulator;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  k30 = await startK30Simulator();
  platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
});
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
  await platform.close();
  await k30.close();
  await core.close();
});

interface Setup {
  readonly backendId: number;
  readonly bridgeId: number;
  readonly deviceId: number;
  readonly mappedDoor: string;
  readonly otherDoor: string;
}

/** Site (Shanghai), K30 backend + inventory, bridge → platform simulator, device for one door, worker 1001 mapped, 1002 not. */
async function setUp(): Promise<Setup> {
  const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
  const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
  const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
  const [mappedDoor, otherDoor] = inventory.doors.map((d) => d.id).sort() as [string, string];
  expect(otherDoor).toBeDefined();
  const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: `${platform.host}:${platform.port}`, httpsUrl: 'http://127.0.0.1:9', credentials: CREDENTIALS })) as { id: number };
  const { id: deviceId } = (await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: mappedDoor }] })) as { id: number };
  const people = new PeopleTable(core.db);
  const now = new Date().toISOString();
  const worker = people.upsert(siteId, '1001', JSON.stringify({ name: '张三' }), null, null, now);
  people.upsert(siteId, '1002', JSON.stringify({ name: '李四' }), null, null, now);
  core.bridges.tables.workers.put(deviceId, WORKER, worker.id, now);
  return { backendId, bridgeId, deviceId, mappedDoor, otherDoor };
}

/** The device's real session, its states fanned out to the pump; `beforeSignIn` runs before each record goes out. */
function session(bridgeId: number, beforeSignIn: (n: number, record: AttendanceRecord) => void = () => undefined): { session: DeviceSession; port: SigninSession } {
  const runtime = core.bridges.runtime(bridgeId);
  const states = sessionStates<DeviceSessionState>();
  const device = new DeviceSession({
    host: runtime.bridge.tcpHost,
    port: runtime.bridge.tcpPort,
    sn: SN,
    ...runtime.credentials,
    deviceVersion: 'doorman-test',
    deviceIp: '192.168.1.11',
    codecOptions: runtime.settings.codec,
    layout: runtime.settings.layout,
    maxFrameBytes: runtime.settings.maxFrameBytes,
    requestTimeoutMs: 5_000,
    onState: states.emit,
    tuning: { heartbeatMs: 1_000, backoffBaseMs: 20, backoffMaxMs: 200, random: () => 0.5 },
  });
  let calls = 0;
  const port: SigninSession = {
    state: () => device.state(),
    signIn: (record: AttendanceRecord) => {
      calls += 1;
      beforeSignIn(calls, record);
      return device.signIn(record);
    },
    onState: states.onState,
  };
  stops.push(() => device.stop());
  return { session: device, port };
}

function attend(setup: Setup, port: SigninSession, readPhoto?: CapturedPhotoReader): void {
  const stop = startAttendance(
    { bus: core.bus, bridges: core.bridges, people: new PeopleTable(core.db), sites: new SitesTable(core.db), sessions: new Map([[setup.deviceId, port]]), readPhoto, log: core.log, pump: { idleMs: 50, backoff: { firstMs: 20, maxMs: 200 } } },
    setup.bridgeId,
  );
  stops.push(stop);
}

let seq = 0;
function pass(door: string, time: string, overrides: Partial<AccessEvent> = {}): AccessEvent {
  seq += 1;
  return workerPass(9000 + seq, door, time, overrides);
}

const store = (backendId: number, events: readonly AccessEvent[]) => core.events.store(backendId, 'poll', events.map((event) => ({ event })));
const shanghai = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);

describe('Zhejiang attendance: passes → C_SIGN_IN', () => {
  it('sends the passes stored while offline once each, in time order, with type, time, temperature and the captured face; unmapped persons and doors queue nothing', async () => {
    const setup = await setUp();
    const { session: device, port } = session(setup.bridgeId);
    const photos: CapturedPhotoReader = (_backend, eventId) =>
      Promise.resolve(eventId === photoEvent.eventId ? { mime: 'image/jpeg', base64: SMALL_JPEG, problem: null } : eventId === hugeEvent.eventId ? { mime: 'image/jpeg', base64: 'A'.repeat(5 * 1024 * 1024), problem: null } : { mime: null, base64: null, problem: 'none' });
    const photoEvent = pass(setup.mappedDoor, '2026-12-07 08:00:03', { capturedPhotoUrl: 'http://oss.test/a.jpg', temperature: 36.7 });
    const hugeEvent = pass(setup.mappedDoor, '2026-12-07 08:00:04', { capturedPhotoUrl: 'http://oss.test/b.jpg', verifyMode: '刷卡' });
    attend(setup, port, photos);

    // Stored before the session is up: they wait in the queue.
    const events = [
      pass(setup.mappedDoor, '2026-12-07 08:00:09', { verifyMode: '身份证' }),
      photoEvent,
      pass(setup.mappedDoor, '2026-12-07 08:00:01'),
      hugeEvent,
      pass(setup.otherDoor, '2026-12-07 08:00:02'),
      pass(setup.mappedDoor, '2026-12-07 08:00:05', { personPin: '1002' }),
      pass(setup.mappedDoor, '2026-12-07 08:00:06', { personPin: '7777' }),
      pass(setup.mappedDoor, '2026-12-07 08:00:07', { kind: 'denied', result: 'denied' }),
    ];
    store(setup.backendId, events);
    expect(core.bridges.tables.signins.depth(setup.deviceId).depth).toBe(4);
    // The same batch again (a re-read): nothing new is stored or queued.
    store(setup.backendId, events);
    core.bus.emit('events.received', { backendId: setup.backendId, events });
    expect(core.bridges.tables.signins.depth(setup.deviceId).depth).toBe(4);

    device.start();
    await until(() => platform.signIns.length >= 4 && core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'four sign-ins');
    expect(platform.signIns.map((s) => s.recordTime)).toEqual(['08:00:01', '08:00:03', '08:00:04', '08:00:09'].map((t) => shanghai(`2026-12-07 ${t}`)));
    expect(platform.signIns.every((s) => s.sn === SN && s.personId === WORKER && !s.duplicate)).toBe(true);
    const params = platform.signIns.map((s) => JSON.parse(s.param) as Record<string, unknown>);
    expect(params.map((p) => p['type'])).toEqual(['1', '1', '2', '8']);
    expect(params[1]).toMatchObject({ img: SMALL_JPEG, temperature: 36.7 });
    expect(params[2]).not.toHaveProperty('img');
    expect(params[0]).not.toHaveProperty('img');
    expect(platform.exchanges.filter((e) => e.apicode === 'C_SIGN_IN' && e.errorcode !== undefined)).toEqual([]);

    // A pass while online goes out at once.
    store(setup.backendId, [pass(setup.mappedDoor, '2026-12-07 08:01:00')]);
    await until(() => platform.signIns.length === 5, 'the live pass');
    expect(platform.signIns.length).toBe(5);
  });

  it('the connection dropped mid-queue: the rest go after the reconnection, in order, none twice', async () => {
    const setup = await setUp();
    const tried: number[] = [];
    const { session: device, port } = session(setup.bridgeId, (n, record) => {
      tried.push(record.recordTime);
      if (n === 4) platform.dropConnections();
    });
    attend(setup, port);
    const times = Array.from({ length: 12 }, (_, i) => `2026-12-07 09:00:${String(59 - i * 4).padStart(2, '0')}`);
    store(
      setup.backendId,
      times.map((t) => pass(setup.mappedDoor, t)),
    );
    device.start();
    await until(() => core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the queue drained');
    expect(platform.exchanges.filter((e) => e.apicode === 'C_AUTH' && e.errorcode === undefined).length).toBeGreaterThanOrEqual(2);
    expect(platform.signIns.filter((s) => s.duplicate)).toEqual([]);
    expect(platform.signIns.map((s) => s.recordTime)).toEqual([...times].sort().map(shanghai));
    // The fourth went out on the dropped connection and was sent again first after the reconnection.
    expect(tried[4]).toBe(tried[3]);
  });

  it('a refusal of the record (400_02) keeps it failed with the advice until a retry from the page; the newer records go on', async () => {
    const setup = await setUp();
    const { session: device, port } = session(setup.bridgeId);
    attend(setup, port);
    platform.failWith('400_02', 'C_SIGN_IN');
    store(setup.backendId, [pass(setup.mappedDoor, '2026-12-07 10:00:00')]);
    device.start();
    await until(() => (core.bridges.tables.signins.failures(setup.bridgeId, 10)[0]?.attempts ?? 0) >= 1, 'the refusal');
    platform.failWith(undefined);
    store(setup.backendId, [pass(setup.mappedDoor, '2026-12-07 10:00:05')]);
    await until(() => platform.signIns.length === 1, 'the newer record');
    const [failed] = core.bridges.tables.signins.failures(setup.bridgeId, 10);
    expect(failed).toMatchObject({ attempts: 1, state: 'failed' });
    const error = JSON.parse(failed!.lastError!) as { vendorCode: string; advice: { en: string; 'zh-CN': string } };
    expect(error.vendorCode).toBe('400_02');
    expect(error.advice.en.length).toBeGreaterThan(0);
    expect(error.advice['zh-CN'].length).toBeGreaterThan(0);
    // Parked: only a retry from the page sends it again.
    expect(failed!.nextAttemptAt - Date.now()).toBeGreaterThan(30 * 86_400_000);
    expect(core.bridges.retryQueue(setup.bridgeId).retried).toBe(1);
    await until(() => platform.signIns.length === 2, 'the retried record');
    expect(platform.signIns[1]?.recordTime).toBe(shanghai('2026-12-07 10:00:00'));
    expect(platform.signIns[0]?.recordTime).toBe(shanghai('2026-12-07 10:00:05'));
  });
});

describe('Zhejiang attendance after a crash', () => {
  it('a record left in flight by a kill -9 is sent again on start (once), then the rest in order', async () => {
    const setup = await setUp();
    const stopFirst = startAttendance(
      { bus: core.bus, bridges: core.bridges, people: new PeopleTable(core.db), sites: new SitesTable(core.db), sessions: new Map(), log: core.log },
      setup.bridgeId,
    );
    store(setup.backendId, [pass(setup.mappedDoor, '2026-12-07 11:00:00'), pass(setup.mappedDoor, '2026-12-07 11:00:01')]);
    await stopFirst();
    // The crash: the oldest was claimed (sending) when the process died.
    expect(core.bridges.tables.signins.claim(setup.deviceId, Date.now())).toMatchObject({ state: 'sending' });
    const { session: device, port } = session(setup.bridgeId);
    attend(setup, port);
    device.start();
    await until(() => core.bridges.tables.signins.depth(setup.deviceId).depth === 0, 'the queue drained');
    expect(platform.signIns.map((s) => [s.recordTime, s.duplicate])).toEqual([
      [shanghai('2026-12-07 11:00:00'), false],
      [shanghai('2026-12-07 11:00:01'), false],
    ]);
  });
});
