import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpApicode } from '../../../../electron/drivers/zhejiang/endpoints.ts';
import { platformError } from '../../../../electron/drivers/zhejiang/errors.ts';
import { readFrames, writeFrame } from '../../../../electron/drivers/zhejiang/framed-socket.ts';
import { encodeVarint32 } from '../../../../electron/drivers/zhejiang/framing.ts';
import { LAYOUT_B, TcpCodec, type TcpResponse } from '../../../../electron/drivers/zhejiang/messages.ts';
import { authParam, heartbeatParam, signInParam, type AttendanceRecord } from '../../../../electron/drivers/zhejiang/params.ts';
import { signRequest } from '../../../../electron/drivers/zhejiang/sign.ts';
import { platformTimeStamp } from '../../../../electron/drivers/zhejiang/timestamp.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpOptions, type ZhejiangTcpSimulator } from '../../../simulators/zhejiang/tcp-server.ts';

/**
 * The TCP half of the Zhejiang platform simulator over loopback (issue 16 item 7, first half), driven
 * by a minimal device built from the driver's codec: frames, C_AUTH signs and timestamps, tokens,
 * heartbeats with taskids, sign-ins with duplicates flagged, and the document's error codes.
 */
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = '1388186';

let clock = Date.parse('2026-12-07T08:00:00Z');
const simulators: ZhejiangTcpSimulator[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const simulator of simulators.splice(0)) await simulator.close();
});

async function platform(options: Partial<ZhejiangTcpOptions> = {}): Promise<ZhejiangTcpSimulator> {
  const simulator = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN], now: () => clock, ...options });
  simulators.push(simulator);
  return simulator;
}

/** A device: one connection, one outstanding request (D9), replies read with the driver's codec. */
class Device {
  readonly socket: Socket;
  readonly codec: TcpCodec;
  private readonly replies: Buffer[] = [];
  private waiting: ((body: Buffer | undefined) => void) | undefined;
  closed = false;
  token = '';

  constructor(simulator: ZhejiangTcpSimulator, codec = new TcpCodec()) {
    this.codec = codec;
    this.socket = connect(simulator.port, simulator.host);
    sockets.push(this.socket);
    readFrames(this.socket, { onFrame: (body) => this.deliver(body), onError: () => undefined });
    this.socket.on('close', () => {
      this.closed = true;
      this.waiting?.(undefined);
    });
    this.socket.on('error', () => undefined);
  }

  private deliver(body: Buffer): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(body);
    } else this.replies.push(body);
  }

  next(): Promise<Buffer | undefined> {
    const ready = this.replies.shift();
    if (ready || this.closed) return Promise.resolve(ready);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async send(apicode: TcpApicode, param: unknown, tweak: { timeStamp?: string; sign?: string; accessKey?: string; token?: string; sn?: string } = {}): Promise<TcpResponse | undefined> {
    const fields = {
      version: 'v1.0.0',
      sn: tweak.sn ?? SN,
      apicode,
      timeStamp: tweak.timeStamp ?? platformTimeStamp(new Date(clock)),
      param,
      ...(apicode === 'C_AUTH' ? { accessId: CREDENTIALS.accessId, accessKey: tweak.accessKey ?? CREDENTIALS.accessKey } : { token: tweak.token ?? this.token }),
    };
    const signed = signRequest(fields, CREDENTIALS.accessSecret);
    writeFrame(this.socket, this.codec.encodeRequest({ ...fields, param: signed.paramText, sign: tweak.sign ?? signed.sign }));
    const body = await this.next();
    if (!body) return undefined;
    const decoded = this.codec.decodeResponse(body);
    return decoded.kind === 'known' ? decoded.message : this.codec.decodeResponseAs(body, apicode);
  }

  async auth(): Promise<TcpResponse | undefined> {
    const reply = await this.send('C_AUTH', authParam('v14.8.7LM.S2.e2-1.180.7.23'));
    if (reply?.success) this.token = (JSON.parse(reply.response ?? '{}') as { token: string }).token;
    return reply;
  }

  heartbeat(tweak = {}) {
    return this.send('C_HEARTBEAT', heartbeatParam('v14.8.7LM.S2.e2-1.180.7.23', '192.168.1.11'), tweak);
  }

  signIn(record: AttendanceRecord) {
    return this.send('C_SIGN_IN', signInParam(record));
  }
}

const codeOf = (reply: TcpResponse | undefined) => (reply && !reply.success ? platformError(reply.error, reply.apicode).vendorCode : reply ? 'ok' : 'closed');

describe('Zhejiang platform simulator, TCP', () => {
  it('authenticates, answers heartbeats with the queued taskids until they are done, and records sign-ins (photo left out of the sign)', async () => {
    const sim = await platform();
    const device = new Device(sim);
    const auth = await device.auth();
    expect(auth).toMatchObject({ success: true, apicode: 'C_AUTH' });
    expect(device.token).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.isOnline(SN)).toBe(false);

    sim.queueTasks(SN, ['6543831380287827968', '6543831380300410880']);
    const beat = await device.heartbeat();
    expect(beat).toMatchObject({ success: true, apicode: 'C_HEARTBEAT' });
    expect(JSON.parse(beat!.response!)).toEqual({ taskids: ['6543831380287827968', '6543831380300410880'] });
    expect(sim.isOnline(SN)).toBe(true);
    sim.completeTasks(SN, ['6543831380287827968']);
    expect(JSON.parse((await device.heartbeat())!.response!)).toEqual({ taskids: ['6543831380300410880'] });

    const record = { personId: '4508004291609636864', type: 1, img: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD', recordTime: 1609744974000, temperature: 36.7 };
    expect(await device.signIn(record)).toEqual({ version: 'v1.0.0', success: true, apicode: 'C_SIGN_IN' });
    expect(await device.signIn(record)).toMatchObject({ success: true });
    expect(sim.signIns.map((s) => [s.personId, s.recordTime, s.duplicate])).toEqual([
      ['4508004291609636864', 1609744974000, false],
      ['4508004291609636864', 1609744974000, true],
    ]);
    expect(sim.signIns[0]?.param).toContain('"img":"/9j/');
  });

  it('refuses bad signs and keys (400_04), stale timestamps (400_05), unknown tokens (401_01), a param that is no JSON (400_02)', async () => {
    const sim = await platform();
    const device = new Device(sim);
    expect(codeOf(await device.send('C_AUTH', authParam('v1'), { accessKey: 'wrong' }))).toBe('400_04');
    expect(codeOf(await device.send('C_AUTH', authParam('v1'), { sign: '2764b4eb71b60c9898e388e1eb8ccc02' }))).toBe('400_04');
    expect(codeOf(await device.send('C_AUTH', authParam('v1'), { sn: '999' }))).toBe('400_04');
    expect(codeOf(await device.send('C_AUTH', authParam('v1'), { timeStamp: platformTimeStamp(new Date(clock - 10 * 60_000)) }))).toBe('400_05');
    expect(codeOf(await device.send('C_AUTH', authParam('v1'), { timeStamp: '2021-03-28 03:16:08' }))).toBe('400_05');
    expect(codeOf(await device.heartbeat({ token: 'f'.repeat(32) }))).toBe('401_01');
    expect(codeOf(await device.send('C_HEARTBEAT', '{deviceVersion:"v1"}'))).toBe('400_02');
    expect(codeOf(await device.auth())).toBe('ok');
    expect(codeOf(await device.heartbeat({ sign: '0'.repeat(32) }))).toBe('400_04');
    expect(sim.exchanges.map((e) => e.errorcode ?? 'ok')).toEqual(['400_04', '400_04', '400_04', '400_05', '400_05', '401_01', '400_02', 'ok', '400_04']);
  });

  it('forgets a token after 30 idle minutes (401_01), and marks a device offline 60 s after its last heartbeat', async () => {
    const sim = await platform();
    const device = new Device(sim);
    await device.auth();
    expect(codeOf(await device.heartbeat())).toBe('ok');
    clock += 59_000;
    expect(sim.isOnline(SN)).toBe(true);
    clock += 2_000;
    expect(sim.isOnline(SN)).toBe(false);
    clock += 28 * 60_000;
    expect(codeOf(await device.heartbeat())).toBe('ok');
    clock += 30 * 60_000 + 1;
    expect(codeOf(await device.heartbeat())).toBe('401_01');
    expect(codeOf(await device.auth())).toBe('ok');
    sim.forgetTokens();
    expect(codeOf(await device.heartbeat())).toBe('401_01');
  });

  it('answers 401_02 while the credentials are revoked', async () => {
    const sim = await platform();
    const device = new Device(sim);
    sim.revoke();
    const reply = await device.auth();
    expect(codeOf(reply)).toBe('401_02');
    expect(platformError(reply!.error, 'C_AUTH').details).toMatchObject({ recovery: 'stop' });
    sim.restore();
    expect(codeOf(await device.auth())).toBe('ok');
  });

  it('answers a frame of another field layout with 400_01 (no apicode read), and takes it in the layout it is configured for', async () => {
    const sim = await platform();
    const wrong = new Device(sim, new TcpCodec(LAYOUT_B));
    expect(codeOf(await wrong.auth())).toBe('400_01');
    const simB = await platform({ layout: LAYOUT_B });
    const right = new Device(simB, new TcpCodec(LAYOUT_B));
    expect(codeOf(await right.auth())).toBe('ok');
    expect(codeOf(await right.heartbeat())).toBe('ok');
  });

  it('reads frames split byte by byte and two in one write', async () => {
    const sim = await platform();
    const device = new Device(sim);
    await device.auth();
    const codec = new TcpCodec();
    const frame = (apicode: 'C_HEARTBEAT') => {
      const fields = { version: 'v1.0.0', sn: SN, token: device.token, apicode, timeStamp: platformTimeStamp(new Date(clock)), param: heartbeatParam('v1', '10.0.0.2') };
      const signed = signRequest(fields, CREDENTIALS.accessSecret);
      const body = codec.encodeRequest({ ...fields, param: signed.paramText, sign: signed.sign });
      return Buffer.concat([encodeVarint32(body.length), body]);
    };
    const one = frame('C_HEARTBEAT');
    for (const byte of one) device.socket.write(Buffer.from([byte]));
    expect(codeOf(codec.decodeResponseAs((await device.next())!, 'C_HEARTBEAT'))).toBe('ok');
    device.socket.write(Buffer.concat([frame('C_HEARTBEAT'), frame('C_HEARTBEAT')]));
    expect([await device.next(), await device.next()].map((b) => codeOf(codec.decodeResponseAs(b!, 'C_HEARTBEAT')))).toEqual(['ok', 'ok']);
  });

  it('closes the connection on garbage, answers an oversized frame with 400_02 and closes, and keeps serving new connections', async () => {
    const sim = await platform({ maxFrameBytes: 1024 });
    const garbage = new Device(sim);
    garbage.socket.write(Buffer.from('ffffffffffff', 'hex'));
    expect(await garbage.next()).toBeUndefined();
    expect(garbage.closed).toBe(true);

    const big = new Device(sim);
    big.socket.write(Buffer.concat([encodeVarint32(5000), Buffer.alloc(100)]));
    const refusal = await big.next();
    expect(codeOf(new TcpCodec().decodeResponseAs(refusal!, 'C_HEARTBEAT'))).toBe('400_02');
    expect(await big.next()).toBeUndefined();

    const fresh = new Device(sim);
    expect(codeOf(await fresh.auth())).toBe('ok');
    expect(sim.exchanges.map((e) => e.errorcode ?? 'ok')).toEqual(['garbage', '400_02', 'ok']);
  });

  it('faults on demand: drops every connection; stalls (reads, never answers)', async () => {
    const sim = await platform();
    const device = new Device(sim);
    await device.auth();
    sim.stall(true);
    const pending = device.heartbeat();
    sim.dropConnections();
    expect(await pending).toBeUndefined();
    sim.stall(false);
    const again = new Device(sim);
    expect(codeOf(await again.auth())).toBe('ok');
  });
});
