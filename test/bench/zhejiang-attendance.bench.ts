import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessEvent } from '../../shared/contract/backends.ts';
import { BridgeRunner } from '../../electron/bridge/bridge-runner.ts';
import { call } from '../../electron/cli/call.ts';
import { createCore, type Core } from '../../electron/core/create-core.ts';
import { silentLogger } from '../../electron/log/logger.ts';
import { PeopleTable } from '../../electron/store/people-table.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { SEED_IDS as HONGTU } from '../simulators/hongtu/seed.ts';
import { startHongtuSimulator } from '../simulators/hongtu/server.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpSimulator } from '../simulators/zhejiang/tcp-server.ts';
import type { BenchResult } from './stats.ts';

const RECORDS = Number(process.env['ZJ_DRAIN_RECORDS'] ?? 10_000);
const PASSES = Number(process.env['ZJ_PASSES'] ?? 200);
const PHOTO_BYTES = 30 * 1024;
/** How long reading a captured photo from the backend takes (0: at once; e.g. 10 for a LAN fetch). */
const PHOTO_FETCH_MS = Number(process.env['ZJ_PHOTO_MS'] ?? 0);
const WORKERS = 300;
const CREDENTIALS = { accessId: 'bench-id', accessKey: 'bench-key', accessSecret: 'bench-secret' };
const SN = 'BENCH-01';
const TUNING = { heartbeatMs: 30_000, backoffBaseMs: 20, backoffMaxMs: 200, random: () => 0.5 };

/** Polls every `everyMs` (the drain's depth query counts the queue: not too often, it would slow what it measures). */
async function until(condition: () => boolean, what: string, ms = 600_000, everyMs = 2): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const wall = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
const percentile = (sorted: readonly number[], p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;

/**
 * `zhejiang.drain` (issue 16): an offline day at a gate — 10,000 passes of 300 workers, each with a
 * 30 KB captured photo, stored while the platform is unreachable — caught up from the events table
 * into the attendance queue by the real bridge runner, then drained to the TCP platform simulator
 * (in this process; it keeps no params, so the peak RSS is Doorman's plus the simulator's sockets)
 * once it is back: catch-up time, drain time, records/s, peak RSS.
 */
async function drain(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-zj-drain-'));
  const core = createCore({ dataDir: dir, runtime: 'node', logger: silentLogger() });
  let platform: ZhejiangTcpSimulator | undefined = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], keepParams: false });
  const { port } = platform;
  await platform.close();
  platform = undefined;
  let runner: BridgeRunner | undefined;
  try {
    const { id: siteId } = await call(core, 'sites.create', { name: 'Bench', timeZone: 'Asia/Shanghai' });
    const { id: backendId } = await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: 'http://127.0.0.1:9', credentials: { companyNo: '1762766749844335' } });
    const { id: bridgeId } = await call(core, 'bridge.add', { siteId, tcp: `127.0.0.1:${port}`, httpsUrl: 'http://127.0.0.1:9', credentials: CREDENTIALS });
    const now = new Date().toISOString();
    const device = core.bridges.tables.devices.insert(bridgeId, SN, [{ backendId, doorId: 'D1' }], now);
    const people = new PeopleTable(core.db);
    for (let w = 0; w < WORKERS; w++) core.bridges.tables.workers.put(device.id, `P${w}`, people.upsert(siteId, `W${w}`, JSON.stringify({ name: `Worker ${w}` }), null, null, now).id, now);
    const photo = Buffer.alloc(PHOTO_BYTES, 7).toString('base64');
    const dayStart = Date.parse('2026-12-06T00:00:00+08:00');
    const step = Math.floor(86_400_000 / RECORDS / 1000) * 1000 || 1000;
    for (let i = 0; i < RECORDS; i += 500) {
      const batch: AccessEvent[] = [];
      for (let j = i; j < Math.min(RECORDS, i + 500); j++) {
        batch.push({ eventId: `k30:${j}`, occurredAt: wall(dayStart + j * step), kind: 'pass', doorId: 'D1', doorName: null, deviceSerial: null, readerName: null, personPin: `W${j % WORKERS}`, personName: null, verifyMode: '人脸', description: '', photoUrl: null, capturedPhotoUrl: `http://127.0.0.1:9/snap/${j}.jpg`, result: 'passed' });
      }
      core.events.store(backendId, 'poll', batch.map((event) => ({ event })));
    }

    // Like the event-photos service: recent reads kept, a read in flight shared (the pump reads ahead).
    const reads = new Map<string, Promise<{ mime: 'image/jpeg'; base64: string; problem: null }>>();
    const readPhoto = (_backendId: number, eventId: string) => {
      let read = reads.get(eventId);
      if (!read) {
        read = new Promise((resolve) => setTimeout(() => resolve({ mime: 'image/jpeg', base64: photo, problem: null }), PHOTO_FETCH_MS));
        reads.set(eventId, read);
        if (reads.size > 300) reads.delete(reads.keys().next().value!);
      }
      return read;
    };
    const caughtUpFrom = performance.now();
    runner = new BridgeRunner(
      { bridges: core.bridges, bus: core.bus, people, sites: new SitesTable(core.db), log: silentLogger(), tuning: TUNING, readPhoto },
      bridgeId,
    );
    runner.start();
    await until(() => core.bridges.tables.signins.depth(device.id).depth === RECORDS, 'the day queued', 600_000, 20);
    const catchUpMs = performance.now() - caughtUpFrom;

    const started = performance.now();
    const back = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], port, keepParams: false });
    platform = back;
    await until(() => core.bridges.tables.signins.depth(device.id).depth === 0, 'the queue drained', 600_000, 20);
    const drainMs = performance.now() - started;
    const firstAt = back.signIns[0]?.receivedAt ?? 0;
    const lastAt = back.signIns.at(-1)?.receivedAt ?? 0;
    return {
      name: 'zhejiang.drain',
      records: RECORDS,
      photoKb: PHOTO_BYTES / 1024,
      photoFetchMs: PHOTO_FETCH_MS,
      arrived: back.signIns.length,
      duplicates: back.signIns.filter((s) => s.duplicate).length,
      inOrder: back.signIns.every((s, i, all) => i === 0 || all[i - 1]!.recordTime <= s.recordTime),
      catchUpMs: Math.round(catchUpMs),
      totalMs: Math.round(drainMs),
      recordsPerSecond: Math.round((RECORDS / drainMs) * 1000),
      recordsPerSecondFirstToLast: lastAt > firstAt ? Math.round(((RECORDS - 1) / (lastAt - firstAt)) * 1000) : null,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await runner?.stop();
    await platform?.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `zhejiang.passToAck` (issue 16): a worker walks through a Hongtu gate (the Hongtu simulator's pass
 * record, pushed to the core's registered receiver), through the event pipeline (stored,
 * `events.received`) and the attendance queue, to the platform simulator's acknowledgement of the
 * C_SIGN_IN: p50/p95 over 200 passes, one at a time. (A K30 gate's callback is not used: K30's
 * UploadRecord carries no job number, so such a pass has no pin to find the worker by.)
 */
async function passToAck(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-zj-pass-'));
  const core: Core = createCore({ dataDir: dir, runtime: 'node', logger: silentLogger() });
  const hongtu = await startHongtuSimulator();
  const platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], keepParams: false });
  let runner: BridgeRunner | undefined;
  try {
    const { id: siteId } = await call(core, 'sites.create', { name: 'Bench', timeZone: 'Asia/Shanghai' });
    const { id: backendId } = await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } });
    await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    // Panel A imported and an access point, the staff group (张三, E1001) let through it all day.
    await call(core, 'backends.call', { id: backendId, endpoint: 'device.importDevice', params: { name: '1号门面板机', location: '1号门', deviceType: 2, deviceModel: 40, deviceMode: 1, snCode: HONGTU.panelASn, discoveryMethod: 1 } });
    await call(core, 'backends.call', { id: backendId, endpoint: 'door.add', params: { addDeviceUuids: [HONGTU.panelA], removeDeviceUuids: [] } });
    await call(core, 'backends.call', { id: backendId, endpoint: 'passAuthority.add', params: { deviceUuids: [HONGTU.panelA], groupUuids: [HONGTU.staffGroup], scheduleUuid: HONGTU.allDay } });
    const walk = (at?: number) => hongtu.emitPassRecord({ deviceUuid: HONGTU.panelA, personUuid: HONGTU.zhangSan, ...(at === undefined ? {} : { at }) });
    // One pass first: the door and the pin the pipeline gives are what the bridge device and worker stand for.
    walk();
    await until(() => core.events.count(backendId) === 1, 'the first pass stored', 20_000);
    const [first] = core.events.recent(backendId, 1);
    if (!first?.doorId || !first.personPin) throw new Error(`the pushed pass has no door or pin: ${JSON.stringify(first)}`);
    const { id: bridgeId } = await call(core, 'bridge.add', { siteId, tcp: `${platform.host}:${platform.port}`, httpsUrl: 'http://127.0.0.1:9', credentials: CREDENTIALS });
    const now = new Date().toISOString();
    const device = core.bridges.tables.devices.insert(bridgeId, SN, [{ backendId, doorId: first.doorId }], now);
    const people = new PeopleTable(core.db);
    core.bridges.tables.workers.put(device.id, 'P-1', people.upsert(siteId, first.personPin, JSON.stringify({ name: first.personName }), null, null, now).id, now);
    runner = new BridgeRunner({ bridges: core.bridges, bus: core.bus, people, sites: new SitesTable(core.db), log: silentLogger(), tuning: TUNING }, bridgeId);
    runner.start();
    await until(() => runner!.state().devices[0]?.status === 'online', 'the device online', 20_000);

    const latencies: number[] = [];
    for (let i = 0; i < PASSES; i++) {
      const before = platform.signIns.length;
      const at = performance.now();
      // Each pass a second apart in the gate's clock (times are whole seconds: each its own record time).
      walk(Date.now() - (PASSES - i) * 1_000);
      await until(() => platform.signIns.length > before, `pass ${i} acknowledged`, 20_000);
      latencies.push(performance.now() - at);
    }
    latencies.sort((a, b) => a - b);
    return {
      name: 'zhejiang.passToAck',
      passes: PASSES,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      maxMs: percentile(latencies, 1),
      duplicates: platform.signIns.filter((s) => s.duplicate).length,
    };
  } finally {
    await runner?.stop();
    await platform.close();
    await core.close();
    await hongtu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<BenchResult[]> {
  const drained = await drain();
  return [drained, await passToAck()];
}
