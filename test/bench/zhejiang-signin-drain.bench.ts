import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionStates, SigninPump } from '../../electron/bridge/signin-pump.ts';
import { DeviceSession, type DeviceSessionState } from '../../electron/drivers/zhejiang/device-session.ts';
import { silentLogger } from '../../electron/log/logger.ts';
import { BackendsTable } from '../../electron/store/backends-table.ts';
import { BridgeConfigsTable } from '../../electron/store/bridge-configs-table.ts';
import { BridgeDevicesTable } from '../../electron/store/bridge-devices-table.ts';
import { BridgeSigninsTable } from '../../electron/store/bridge-signins-table.ts';
import { openStore } from '../../electron/store/database.ts';
import { SitesTable } from '../../electron/store/sites-table.ts';
import { startZhejiangTcpSimulator } from '../simulators/zhejiang/tcp-server.ts';
import type { BenchResult } from './stats.ts';

/** An offline stretch's backlog (scaled down from the 10,000: the simulator keeps every param, photo included, in memory). */
const BACKLOG = 2_000;
const LIVE = 200;
const PHOTO_BYTES = 30 * 1024;
const CREDENTIALS = { accessId: 'bench-id', accessKey: 'bench-key', accessSecret: 'bench-secret' };
const SN = 'BENCH-01';

/**
 * The attendance queue (issue 16 item 4) against the platform simulator over loopback, in one
 * process: a backlog of records each with a 30 KB captured photo drained by the sign-in pump over a
 * real DeviceSession (records/s, peak RSS — the simulator's memory included), then single passes
 * while online, each timed from being queued to the platform's acknowledgement (p95).
 */
export default async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'doorman-bench-signin-'));
  const store = openStore(join(dir, 'doorman.db'));
  const platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
  const now = new Date().toISOString();
  new SitesTable(store.db).insert('Bench', now, 'Asia/Shanghai');
  new BackendsTable(store.db).insert({ siteId: 1, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, now);
  const bridge = new BridgeConfigsTable(store.db).insert(
    { siteId: 1, name: 'Bench', tcpHost: platform.host, tcpPort: platform.port, httpsUrl: 'http://127.0.0.1:9', tls: { mode: 'verify' }, credentialsSealed: 'x', settings: '{}', enabled: true },
    now,
  );
  const device = new BridgeDevicesTable(store.db).insert(bridge.id, SN, [{ backendId: 1, doorId: 'D1' }], now);
  const table = new BridgeSigninsTable(store.db);
  const photo = Buffer.alloc(PHOTO_BYTES, 7).toString('base64');
  const start = Date.parse('2026-12-06T00:00:00Z');
  for (let i = 0; i < BACKLOG; i++) table.enqueue({ deviceId: device.id, backendId: 1, eventId: `e${i}`, personId: `P${i % 300}`, recordTime: start + i * 40_000, type: '1', photoRef: `e${i}` }, Date.now());

  const states = sessionStates<DeviceSessionState>();
  const session = new DeviceSession({ host: platform.host, port: platform.port, sn: SN, ...CREDENTIALS, deviceVersion: 'bench', deviceIp: '127.0.0.1', onState: states.emit });
  const acked = new Map<number, number>();
  const pump = new SigninPump({
    deviceId: device.id,
    sn: SN,
    table,
    session: { state: () => session.state(), signIn: async (record) => {
      await session.signIn(record);
      acked.set(record.recordTime, performance.now());
    }, onState: states.onState },
    readPhoto: () => Promise.resolve({ mime: 'image/jpeg', base64: photo, problem: null }),
    maxFrameBytes: 4 * 1024 * 1024,
    log: silentLogger(),
    idleMs: 5,
  });
  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 600_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('the queue did not drain');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  try {
    pump.start();
    const started = performance.now();
    session.start();
    await until(() => table.depth(device.id).depth === 0);
    const drainMs = performance.now() - started;

    const latencies: number[] = [];
    for (let i = 0; i < LIVE; i++) {
      const recordTime = start + 86_400_000 + i * 1000;
      const queuedAt = performance.now();
      table.enqueue({ deviceId: device.id, backendId: 1, eventId: `live${i}`, personId: 'P1', recordTime, type: '1', photoRef: `live${i}` }, Date.now());
      pump.wake();
      await until(() => acked.has(recordTime));
      latencies.push((acked.get(recordTime) ?? queuedAt) - queuedAt);
    }
    latencies.sort((a, b) => a - b);
    const duplicates = platform.signIns.filter((s) => s.duplicate).length;
    return [
      {
        name: 'zhejiang.signin.drain',
        records: BACKLOG,
        photoKb: PHOTO_BYTES / 1024,
        duplicates,
        totalMs: Math.round(drainMs),
        recordsPerSecond: Math.round((BACKLOG / drainMs) * 1000),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      {
        name: 'zhejiang.signin.queued-to-ack',
        passes: LIVE,
        p50Ms: Math.round((latencies[Math.floor(LIVE * 0.5)] ?? 0) * 10) / 10,
        p95Ms: Math.round((latencies[Math.floor(LIVE * 0.95)] ?? 0) * 10) / 10,
      },
    ];
  } finally {
    await pump.stop();
    await session.stop();
    await platform.close();
    store.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
