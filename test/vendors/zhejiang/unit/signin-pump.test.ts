import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionStates, SigninPump, type SigninSession } from '../../../../electron/bridge/signin-pump.ts';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import type { AttendanceRecord } from '../../../../electron/drivers/zhejiang/params.ts';
import { silentLogger } from '../../../../electron/log/logger.ts';
import { BackendsTable } from '../../../../electron/store/backends-table.ts';
import { BridgeConfigsTable } from '../../../../electron/store/bridge-configs-table.ts';
import { BridgeDevicesTable } from '../../../../electron/store/bridge-devices-table.ts';
import { BridgeSigninsTable } from '../../../../electron/store/bridge-signins-table.ts';
import { openStore } from '../../../../electron/store/database.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

/**
 * The sign-in pump against a session that is plain data (issue 16 item 4): nothing goes out while
 * the session is not online; the photo goes as img only when it fits in a frame; a refusal keeps
 * the typed error. The queue is the real table in a temp store. Waits are for conditions.
 */
const tempDir = useTempDirs();
const NOW = '2026-12-07T10:00:00.000Z';
const opened: Database[] = [];
const pumps: SigninPump[] = [];
afterEach(async () => {
  for (const pump of pumps.splice(0)) await pump.stop();
  for (const db of opened.splice(0)) db.close();
});

function queue() {
  const db = openStore(join(tempDir(), 'doorman.db')).db;
  opened.push(db);
  new SitesTable(db).insert('Site', NOW, 'Asia/Shanghai');
  new BackendsTable(db).insert({ siteId: 1, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, NOW);
  const bridge = new BridgeConfigsTable(db).insert(
    { siteId: 1, name: 'Platform', tcpHost: '127.0.0.1', tcpPort: 9000, httpsUrl: 'https://p.example', tls: { mode: 'verify' }, credentialsSealed: 'sealed', settings: '{}', enabled: true },
    NOW,
  );
  const device = new BridgeDevicesTable(db).insert(bridge.id, 'SN-1', [{ backendId: 1, doorId: 'D1' }], NOW);
  return { table: new BridgeSigninsTable(db), deviceId: device.id };
}

/** A session whose status the test sets; sign-ins are recorded or answered by `answer`. */
function fakeSession(answer: (record: AttendanceRecord) => Promise<void> = () => Promise.resolve()) {
  const states = sessionStates<{ status: string }>();
  let status = 'connecting';
  const sent: AttendanceRecord[] = [];
  const session: SigninSession = {
    state: () => ({ status }),
    signIn: async (record) => {
      sent.push(record);
      await answer(record);
    },
    onState: states.onState,
  };
  return {
    session,
    sent,
    setStatus: (next: string) => {
      status = next;
      states.emit({ status });
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('SigninPump', () => {
  it('waits for the session to be online, then sends in record-time order; img only when it fits the frame', async () => {
    const { table, deviceId } = queue();
    const base = { deviceId, backendId: 1, personId: 'P1', type: '1' };
    table.enqueue({ ...base, eventId: 'big', recordTime: 3_000, photoRef: 'big' }, 0);
    table.enqueue({ ...base, eventId: 'small', recordTime: 2_000, photoRef: 'small', temperature: 36.5 }, 0);
    table.enqueue({ ...base, eventId: 'none', recordTime: 1_000, type: '8' }, 0);
    const fake = fakeSession();
    const pump = new SigninPump({
      deviceId,
      sn: 'SN-1',
      table,
      session: fake.session,
      maxFrameBytes: 64 * 1024,
      log: silentLogger(),
      idleMs: 20,
      readPhoto: (_backend, eventId) => Promise.resolve({ mime: 'image/jpeg', base64: eventId === 'small' ? 'AAAA' : 'B'.repeat(64 * 1024), problem: null }),
    });
    pumps.push(pump);
    pump.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.sent).toEqual([]);
    fake.setStatus('online');
    await until(() => table.depth(deviceId).depth === 0, 'the queue drained');
    expect(fake.sent).toEqual([
      { personId: 'P1', type: 8, recordTime: 1_000 },
      { personId: 'P1', type: 1, recordTime: 2_000, temperature: 36.5, img: 'AAAA' },
      { personId: 'P1', type: 1, recordTime: 3_000 },
    ]);
  });

  it('a platform error keeps the record failed with the typed error and a pause; the next one goes on', async () => {
    const { table, deviceId } = queue();
    table.enqueue({ deviceId, backendId: 1, eventId: 'e1', personId: 'P1', recordTime: 1_000, type: '1' }, 0);
    table.enqueue({ deviceId, backendId: 1, eventId: 'e2', personId: 'P2', recordTime: 2_000, type: '1' }, 0);
    const fake = fakeSession((record) =>
      record.personId === 'P1'
        ? Promise.reject(new DriverError('vendor_error', 'Zhejiang C_SIGN_IN: 500_01', { vendor: 'zhejiang', vendorCode: '500_01', advice: { en: 'Try later.', 'zh-CN': '稍后再试。' }, details: { recovery: 'backoff' } }))
        : Promise.resolve(),
    );
    fake.setStatus('online');
    const pump = new SigninPump({ deviceId, sn: 'SN-1', table, session: fake.session, maxFrameBytes: 65_536, log: silentLogger(), idleMs: 20, backoff: { firstMs: 60_000, maxMs: 600_000 } });
    pumps.push(pump);
    pump.start();
    await until(() => table.depth(deviceId).depth === 1 && fake.sent.length === 2, 'the second sent');
    const [failed] = table.failures(1, 10);
    expect(failed).toMatchObject({ eventId: 'e1', attempts: 1, state: 'failed' });
    expect(JSON.parse(failed!.lastError!)).toEqual({ code: 'vendor_error', vendorCode: '500_01', message: 'Zhejiang C_SIGN_IN: 500_01', advice: { en: 'Try later.', 'zh-CN': '稍后再试。' } });
    expect(failed!.nextAttemptAt).toBeGreaterThan(Date.now() + 30_000);
  });
  it('reads the next records\' photos ahead while the one in flight is sent', async () => {
    const { table, deviceId } = queue();
    for (let i = 1; i <= 6; i++) table.enqueue({ deviceId, backendId: 1, personId: 'P1', type: '1', eventId: `e${i}`, recordTime: i * 1_000, photoRef: `e${i}` }, 0);
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fake = fakeSession((record) => (record.recordTime === 1_000 ? held : Promise.resolve()));
    const pump = new SigninPump({
      deviceId,
      sn: 'SN-1',
      table,
      session: fake.session,
      maxFrameBytes: 64 * 1024,
      log: silentLogger(),
      idleMs: 20,
      readPhoto: (_backend, eventId) => {
        asked.push(eventId);
        return Promise.resolve({ mime: 'image/jpeg', base64: 'AAAA', problem: null });
      },
    });
    pumps.push(pump);
    pump.start();
    fake.setStatus('online');
    await until(() => fake.sent.length === 1, 'the first record in flight');
    // The first is held by the platform: the next four photos are already being read.
    expect(new Set(asked)).toEqual(new Set(['e1', 'e2', 'e3', 'e4', 'e5']));
    release();
    await until(() => fake.sent.length === 6, 'all six');
    expect(fake.sent.map((r) => r.img)).toEqual(Array(6).fill('AAAA'));
  });

  it('a backend whose photo host does not answer: its records go without the face for a minute, not one timeout each', async () => {
    const { table, deviceId } = queue();
    let clock = 1_000_000;
    for (let i = 1; i <= 5; i++) table.enqueue({ deviceId, backendId: 1, personId: 'P1', type: '1', eventId: `e${i}`, recordTime: i * 1_000, photoRef: `e${i}` }, 0);
    let reads = 0;
    let hostUp = false;
    const fake = fakeSession();
    const pump = new SigninPump({
      deviceId,
      sn: 'SN-1',
      table,
      session: fake.session,
      maxFrameBytes: 64 * 1024,
      log: silentLogger(),
      idleMs: 20,
      now: () => clock,
      readPhoto: () => {
        reads += 1;
        return Promise.resolve(hostUp ? { mime: 'image/jpeg', base64: 'AAAA', problem: null } : { mime: null, base64: null, problem: 'unreachable' });
      },
    });
    pumps.push(pump);
    pump.start();
    fake.setStatus('online');
    await until(() => fake.sent.length === 5, 'the five records');
    expect(fake.sent.every((r) => r.img === undefined)).toBe(true);
    // The first record's read and the four read ahead with it; none after the host was found down.
    expect(reads).toBeLessThanOrEqual(5);
    const readsWhileDown = reads;
    table.enqueue({ deviceId, backendId: 1, personId: 'P1', type: '1', eventId: 'e6', recordTime: 6_000, photoRef: 'e6' }, clock);
    pump.wake();
    await until(() => fake.sent.length === 6, 'the sixth, still in the pause');
    expect(fake.sent[5]?.img).toBeUndefined();
    expect(reads).toBe(readsWhileDown);
    // A minute later the host is back: photos are read again.
    clock += 61_000;
    hostUp = true;
    table.enqueue({ deviceId, backendId: 1, personId: 'P1', type: '1', eventId: 'e7', recordTime: 7_000, photoRef: 'e7' }, clock);
    pump.wake();
    await until(() => fake.sent.length === 7, 'the seventh');
    expect(fake.sent[6]?.img).toBe('AAAA');
  });
});
