import { afterEach, describe, expect, it } from 'vitest';
import { DeviceSession, type DeviceSessionConfig, type DeviceSessionState, type DeviceSessionStatus } from '../../../../electron/drivers/zhejiang/device-session.ts';
import { encodeFrame, encodeVarint32 } from '../../../../electron/drivers/zhejiang/framing.ts';
import { LAYOUT_B, TcpCodec } from '../../../../electron/drivers/zhejiang/messages.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpSimulator } from '../../../simulators/zhejiang/tcp-server.ts';
import { until } from '../../../support/until.ts';

/**
 * One device's TCP session against the strict platform simulator over loopback (issue 16 item 2):
 * auth, heartbeats with taskids, a sign-in recorded once, token expiry and idleness, revocation,
 * drops, stalls, garbage and unsolicited frames, 400_05. Intervals are injected short; every wait
 * is for a condition (20 s ceiling), never a timed assertion. Every test also checks that the log
 * never holds accessKey, accessSecret or a token.
 */
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = '1388186';

let clock = Date.parse('2026-12-07T08:00:00Z');
let skewMs = 0;
const simulators: ZhejiangTcpSimulator[] = [];
const sessions: DeviceSession[] = [];
let logs: string[] = [];

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.stop();
  for (const simulator of simulators.splice(0)) await simulator.close();
  const text = logs.join('\n');
  expect(text).not.toContain(CREDENTIALS.accessKey);
  expect(text).not.toContain(CREDENTIALS.accessSecret);
  // The platform's tokens are 32 hex digits, like the key and the secret: none in the log at all.
  expect(text).not.toMatch(/[0-9a-f]{32}/);
  logs = [];
  skewMs = 0;
});

async function platform(): Promise<ZhejiangTcpSimulator> {
  const simulator = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], now: () => clock });
  simulators.push(simulator);
  return simulator;
}

interface Harness {
  readonly session: DeviceSession;
  readonly states: DeviceSessionState[];
  readonly taskIdCalls: (readonly string[])[];
}

function device(simulator: ZhejiangTcpSimulator, overrides: Partial<DeviceSessionConfig> = {}): Harness {
  const states: DeviceSessionState[] = [];
  const taskIdCalls: (readonly string[])[] = [];
  const capture = (data: object, message: string) => logs.push(`${message} ${JSON.stringify(data)}`);
  const session = new DeviceSession({
    host: simulator.host,
    port: simulator.port,
    sn: SN,
    ...CREDENTIALS,
    deviceVersion: 'v14.8.7LM.S2.e2-1.180.7.23',
    deviceIp: '192.168.1.11',
    requestTimeoutMs: 2_000,
    now: () => clock + skewMs,
    logger: { info: capture, warn: capture },
    onTaskIds: (ids) => taskIdCalls.push(ids),
    onState: (state) => states.push(state),
    tuning: { heartbeatMs: 40, backoffBaseMs: 20, backoffMaxMs: 200, random: () => 0.5 },
    ...overrides,
  });
  sessions.push(session);
  session.start();
  return { session, states, taskIdCalls };
}

const succeeded = (simulator: ZhejiangTcpSimulator, apicode: string) => simulator.exchanges.filter((e) => e.apicode === apicode && e.errorcode === undefined).length;
const refused = (simulator: ZhejiangTcpSimulator, errorcode: string) => simulator.exchanges.filter((e) => e.errorcode === errorcode).length;
const statusesOf = (states: readonly DeviceSessionState[]): DeviceSessionStatus[] => states.map((s) => s.status).filter((s, i, all) => i === 0 || all[i - 1] !== s);

describe('Zhejiang device session over loopback', () => {
  it('authenticates, heartbeats with taskids handed once per reply, and records a sign-in once', async () => {
    const simulator = await platform();
    simulator.queueTasks(SN, ['6543831380287827968', '6543831380300410880']);
    const { session, states, taskIdCalls } = device(simulator);
    await until(() => taskIdCalls.length >= 2, 'two heartbeats with taskids');

    expect(simulator.exchanges[0]).toEqual({ apicode: 'C_AUTH', sn: SN, errorcode: undefined });
    expect(simulator.exchanges.slice(1).every((e) => e.apicode === 'C_HEARTBEAT' && e.errorcode === undefined)).toBe(true);
    expect(taskIdCalls[0]).toEqual(['6543831380287827968', '6543831380300410880']);
    const state = session.state();
    expect(state.status).toBe('online');
    expect(state.lastHeartbeatAt).toBe(clock);
    expect(state.tokenAgeMs).toBe(0);
    expect(simulator.isOnline(SN)).toBe(true);
    expect(statusesOf(states).slice(0, 3)).toEqual(['connecting', 'authenticating', 'online']);

    await session.signIn({ personId: '4508004291609636864', type: 1, recordTime: 1_609_744_974_000, img: 'aGVsbG8=', temperature: 36.72 });
    expect(simulator.signIns).toHaveLength(1);
    expect(simulator.signIns[0]).toMatchObject({ sn: SN, personId: '4508004291609636864', recordTime: 1_609_744_974_000, duplicate: false });
    expect(JSON.parse(simulator.signIns[0]!.param)).toMatchObject({ type: '1', img: 'aGVsbG8=', temperature: 36.7 });

    // Each heartbeat reply is handed once: no more calls than answered heartbeats, none without ids.
    simulator.completeTasks(SN, ['6543831380287827968', '6543831380300410880']);
    const callsBefore = taskIdCalls.length;
    const heartbeatsBefore = succeeded(simulator, 'C_HEARTBEAT');
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= heartbeatsBefore + 3, 'heartbeats without tasks');
    await session.stop();
    expect(taskIdCalls.length).toBeLessThanOrEqual(callsBefore + 1);
    expect(taskIdCalls.length).toBeLessThanOrEqual(succeeded(simulator, 'C_HEARTBEAT'));
    expect(session.state().status).toBe('stopped');
  });

  it('sends the address it connects from as the heartbeat’s LAN IP when none is configured', async () => {
    const simulator = await platform();
    device(simulator, { deviceIp: undefined });
    await until(() => simulator.heartbeatParams.length >= 1, 'a heartbeat');
    expect(simulator.heartbeatParams[0]).toEqual({ sn: SN, param: { deviceVersion: 'v14.8.7LM.S2.e2-1.180.7.23', deviceIp: '127.0.0.1' } });
  });

  it('authenticates again when the platform forgot the token (401_01), without dropping the connection', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.forgetTokens();
    await until(() => refused(simulator, '401_01') >= 1 && succeeded(simulator, 'C_AUTH') >= 2, 'a second C_AUTH after 401_01');
    await until(() => simulator.exchanges.at(-1)?.apicode === 'C_HEARTBEAT' && simulator.exchanges.at(-1)?.errorcode === undefined, 'a heartbeat with the new token');
    const after401 = simulator.exchanges.slice(simulator.exchanges.findIndex((e) => e.errorcode === '401_01'));
    expect(after401.slice(0, 3).map((e) => `${e.apicode}:${e.errorcode ?? 'ok'}`)).toEqual(['C_HEARTBEAT:401_01', 'C_AUTH:ok', 'C_HEARTBEAT:ok']);
    expect(statusesOf(states)).toEqual(['connecting', 'authenticating', 'online']);
    expect(session.state().status).toBe('online');
  });

  it('authenticates before the next request once the token has been idle for half an hour', async () => {
    const simulator = await platform();
    // The clock jumps right after the first heartbeat's reply, while no request is on the wire.
    let jumped = false;
    const { session } = device(simulator, {
      onState: (state) => {
        if (!jumped && state.lastHeartbeatAt !== undefined) {
          jumped = true;
          clock += 31 * 60_000;
        }
      },
    });
    await until(() => jumped, 'the first heartbeat');
    await until(() => succeeded(simulator, 'C_AUTH') >= 2, 'C_AUTH after 31 idle minutes');
    await until(() => simulator.exchanges.at(-1)?.apicode === 'C_HEARTBEAT', 'the heartbeat after it');
    expect(refused(simulator, '401_01')).toBe(0);
    expect(session.state().status).toBe('online');
    expect(session.state().tokenAgeMs).toBeLessThan(31 * 60_000);
  });

  it('stops as revoked on 401_02 with the reason, and retries nothing', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.revoke();
    await session.done;
    const state = session.state();
    expect(state.status).toBe('revoked');
    expect(state.lastError).toMatchObject({ code: 'bad_credentials', vendorCode: '401_02' });
    expect(state.lastError?.advice?.en).toContain('new accessId');
    expect(state.lastError?.advice?.['zh-CN']).toContain('401_02');
    expect(statusesOf(states)).not.toContain('backoff');
    const exchanges = simulator.exchanges.length;
    expect(refused(simulator, '401_02')).toBe(1);
    await expect(session.signIn({ personId: 'p1', type: 1, recordTime: clock })).rejects.toMatchObject({ code: 'bad_credentials', vendorCode: '401_02' });
    expect(simulator.exchanges.length).toBe(exchanges);
  });

  it('reconnects and authenticates again when the platform drops the connection', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.dropConnections();
    await until(() => succeeded(simulator, 'C_AUTH') >= 2 && session.state().status === 'online', 'online again');
    const secondAuth = simulator.exchanges.findIndex((e, i) => i > 0 && e.apicode === 'C_AUTH');
    expect(simulator.exchanges[secondAuth - 1]?.apicode).toBe('C_HEARTBEAT');
    expect(statusesOf(states)).toEqual(['connecting', 'authenticating', 'online', 'backoff', 'connecting', 'authenticating', 'online']);
    expect(states.find((s) => s.status === 'backoff')?.lastError?.code).toBe('reset');
    expect(states.find((s) => s.status === 'backoff')?.nextRetryAt).toBeGreaterThanOrEqual(clock);
    await session.signIn({ personId: 'p1', type: 1, recordTime: clock });
    expect(simulator.signIns).toHaveLength(1);
  });

  it('closes and reopens the connection when the platform stalls past the reply timeout', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator, { requestTimeoutMs: 300 });
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.stall(true);
    await until(() => states.some((s) => s.lastError?.code === 'timeout'), 'the reply timeout');
    const timedOut = states.find((s) => s.lastError?.code === 'timeout')!;
    expect(timedOut.lastError?.advice?.en).toContain('did not answer C_HEARTBEAT');
    expect(timedOut.lastError?.advice?.['zh-CN']).toContain('C_HEARTBEAT');
    await expect(session.signIn({ personId: 'p1', type: 1, recordTime: clock })).rejects.toMatchObject({ code: 'unreachable' });
    simulator.stall(false);
    const auths = succeeded(simulator, 'C_AUTH');
    await until(() => succeeded(simulator, 'C_AUTH') > auths && session.state().status === 'online', 'online again after the stall');
    expect(simulator.signIns).toHaveLength(0);
  });

  it('closes on a garbage stream with a clear log and reconnects; an unsolicited frame is logged and tolerated', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');

    const push = new TcpCodec().encodeResponse({ version: 'v1.0.0', success: true, apicode: 'S_OPEN_DOOR', response: '{}' }, 'C_HEARTBEAT');
    simulator.inject(encodeFrame(push));
    const heartbeats = succeeded(simulator, 'C_HEARTBEAT');
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= heartbeats + 2, 'heartbeats after the unsolicited frame');
    expect(logs.some((line) => line.includes('answers no outstanding request'))).toBe(true);
    expect(succeeded(simulator, 'C_AUTH')).toBe(1);

    simulator.inject(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]));
    await until(() => succeeded(simulator, 'C_AUTH') >= 2 && session.state().status === 'online', 'online again after garbage');
    expect(states.some((s) => s.lastError?.code === 'schema_mismatch')).toBe(true);
    expect(logs.some((line) => line.includes('not frames') && line.includes('garbage length prefix'))).toBe(true);
  });

  it('closes on a frame announced past the maximum size and reconnects', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator, { maxFrameBytes: 1024 });
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.inject(encodeVarint32(2048));
    await until(() => succeeded(simulator, 'C_AUTH') >= 2 && session.state().status === 'online', 'online again after the oversized frame');
    const tooLarge = states.find((s) => s.lastError?.code === 'schema_mismatch');
    expect(tooLarge?.lastError?.advice?.en).toContain('2048 bytes, above the maximum of 1024');
  });

  it('backs off with a typed reason when nothing listens, and keeps trying', async () => {
    const simulator = await platform();
    const { host, port } = simulator;
    await simulator.close();
    simulators.splice(0);
    const { session, states } = device({ host, port } as ZhejiangTcpSimulator);
    await until(() => states.filter((s) => s.status === 'connecting').length >= 2, 'a second attempt');
    const state = states.find((s) => s.status === 'backoff')!;
    expect(state.lastError?.code).toBe('refused');
    expect(state.lastError?.advice?.en).toContain(`${host}:${port}`);
    expect(state.nextRetryAt).toBeDefined();
    await expect(session.signIn({ personId: 'p1', type: 1, recordTime: clock })).rejects.toMatchObject({ code: 'unreachable', details: { reason: 'offline' } });
  });

  it('on 400_05 retries once, then backs off; once the clock is right it comes online', async () => {
    const simulator = await platform();
    skewMs = 10 * 60_000;
    let staleAtFirstBackoff: number | undefined;
    const { session } = device(simulator, {
      onState: (state) => {
        if (state.status === 'backoff' && staleAtFirstBackoff === undefined) staleAtFirstBackoff = refused(simulator, '400_05');
      },
    });
    await until(() => staleAtFirstBackoff !== undefined, 'the first pause');
    expect(staleAtFirstBackoff).toBe(2);
    expect(session.state().lastError).toMatchObject({ code: 'bad_credentials', vendorCode: '400_05' });
    expect(logs.some((line) => line.includes('400_05') && line.includes('told none'))).toBe(true);
    skewMs = 0;
    await until(() => session.state().status === 'online', 'online with the right clock');
    expect(succeeded(simulator, 'C_AUTH')).toBe(1);
  });

  it('hands a refused sign-in back typed: 400_02 keeps the connection, 500_01 reconnects after a pause', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.failWith('400_02', 'C_SIGN_IN');
    const unreadable = await session.signIn({ personId: 'p1', type: 1, recordTime: clock }).catch((error: unknown) => error);
    expect(unreadable).toMatchObject({ code: 'invalid_params', vendorCode: '400_02' });
    expect((unreadable as { advice: { 'zh-CN': string } }).advice['zh-CN']).toContain('400_02');
    expect(refused(simulator, '400_02')).toBe(1);
    expect(session.state().status).toBe('online');

    simulator.failWith('500_01', 'C_SIGN_IN');
    await expect(session.signIn({ personId: 'p1', type: 1, recordTime: clock })).rejects.toMatchObject({ code: 'vendor_error', vendorCode: '500_01' });
    expect(refused(simulator, '500_01')).toBe(1);
    simulator.failWith(undefined);
    await until(() => succeeded(simulator, 'C_AUTH') >= 2 && session.state().status === 'online', 'online again after 500_01');
    expect(states.some((s) => s.status === 'backoff' && s.lastError?.vendorCode === '500_01')).toBe(true);
    await session.signIn({ personId: 'p1', type: 1, recordTime: clock });
    expect(simulator.signIns).toHaveLength(1);
  });

  it('backs off when a heartbeat meets 500_01, and when 400_04 persists after one new C_AUTH', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator);
    await until(() => succeeded(simulator, 'C_HEARTBEAT') >= 1, 'the first heartbeat');
    simulator.failWith('500_01', 'C_HEARTBEAT');
    await until(() => states.some((s) => s.status === 'backoff'), 'a pause after 500_01');
    expect(session.state().lastError?.vendorCode).toBe('500_01');
    expect(refused(simulator, '500_01')).toBeGreaterThanOrEqual(1);

    simulator.failWith('400_04', 'C_HEARTBEAT');
    const before = simulator.exchanges.length;
    await until(() => refused(simulator, '400_04') >= 2, 'a second 400_04');
    simulator.failWith(undefined);
    // One C_AUTH between the two refusals, then the pause and a new connection: C_AUTH again.
    const sequence = simulator.exchanges.slice(before).map((e) => `${e.apicode}:${e.errorcode ?? 'ok'}`);
    const first = sequence.indexOf('C_HEARTBEAT:400_04');
    expect(sequence.slice(first, first + 3)).toEqual(['C_HEARTBEAT:400_04', 'C_AUTH:ok', 'C_HEARTBEAT:400_04']);
    await until(() => session.state().status === 'online' && simulator.exchanges.at(-1)?.apicode === 'C_HEARTBEAT' && simulator.exchanges.at(-1)?.errorcode === undefined, 'online again');
    expect(states.filter((s, i) => s.status === 'backoff' && states[i - 1]?.status !== 'backoff').length).toBeGreaterThanOrEqual(2);
  });

  it('reads the platform’s 400_01 with no apicode as the answer to its C_AUTH when the field layouts differ, and backs off', async () => {
    const simulator = await platform();
    const { session, states } = device(simulator, { layout: LAYOUT_B });
    await until(() => states.some((s) => s.status === 'backoff'), 'a pause');
    expect(session.state().lastError).toMatchObject({ code: 'invalid_params', vendorCode: '400_01' });
    expect(session.state().lastError?.advice?.en).toContain('layout B');
    expect(refused(simulator, '400_01')).toBeGreaterThanOrEqual(1);
    expect(logs.some((line) => line.includes('answers no outstanding request'))).toBe(false);
  });

  it('refuses a heartbeat outside 5…55 seconds', () => {
    const config = { host: '127.0.0.1', port: 1, sn: SN, ...CREDENTIALS, deviceVersion: 'v1' };
    expect(() => new DeviceSession({ ...config, heartbeatSeconds: 60 })).toThrow(RangeError);
    expect(() => new DeviceSession({ ...config, heartbeatSeconds: 4 })).toThrow(/5…55/);
    expect(new DeviceSession({ ...config, heartbeatSeconds: 55 }).state().status).toBe('stopped');
  });
});
