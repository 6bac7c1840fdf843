import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { readFrames, writeFrame } from '../../../../electron/drivers/zhejiang/framed-socket.ts';
import { TcpCodec } from '../../../../electron/drivers/zhejiang/messages.ts';
import { codecOptions, type ZhejiangCodecOptions } from '../../../../electron/drivers/zhejiang/options.ts';
import { authParam, httpsRequestBody, personImageUrls, taskStatusParam } from '../../../../electron/drivers/zhejiang/params.ts';
import { readHttpsReply } from '../../../../electron/drivers/zhejiang/reply.ts';
import { signRequest, type RequestFields } from '../../../../electron/drivers/zhejiang/sign.ts';
import { platformTimeStamp } from '../../../../electron/drivers/zhejiang/timestamp.ts';
import { startZhejiangSimulator, type ZhejiangSimulator, type ZhejiangSimulatorOptions } from '../../../simulators/zhejiang/server.ts';
import type { Worker } from '../../../simulators/zhejiang/tasks.ts';

/**
 * The HTTPS half of the Zhejiang platform simulator (issue 16 item 7), driven with the driver's own
 * sign and body functions (params.ts, sign.ts) and reply reader (reply.ts, response signs strict):
 * every §3 apicode, tasks queued by the admin routes and named by heartbeats, workers paged with
 * their photos served, and the strict refusals of the document's codes.
 */
const SN = '1388186';
let clock = Date.parse('2026-12-07T08:00:00Z');
const sims: ZhejiangSimulator[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const sim of sims.splice(0)) await sim.close();
});

async function platform(options: Partial<ZhejiangSimulatorOptions> = {}): Promise<ZhejiangSimulator> {
  const sim = await startZhejiangSimulator({ http: true, now: () => clock, pageSize: 2, ...options });
  sims.push(sim);
  return sim;
}

const WORKERS: Worker[] = [
  { personId: 'p1', name: '张三', photo: 'ok' },
  { personId: 'p2', name: '李四', photo: 'broken' },
  { personId: 'p3', name: '王五', photo: 'ok' },
  { personId: 'p4', name: 'Zoe', photo: 'none' },
  { personId: 'p5', name: '赵六', photo: 'ok' },
];

/** One §3 call as the driver makes it: the body of params.ts, the reply read by reply.ts (response sign strict). */
async function call(sim: ZhejiangSimulator, token: string, apicode: string, rest: { taskid?: string; param?: unknown } = {}, options: Partial<ZhejiangCodecOptions> = {}) {
  const fields: RequestFields = { version: 'v1.0.0', sn: SN, token, apicode, ...rest };
  const body = httpsRequestBody(fields, sim.accessSecret, codecOptions(options));
  return post(sim, body, apicode, rest.taskid);
}

async function post(sim: ZhejiangSimulator, body: string, apicode: string, taskid?: string) {
  const res = await fetch(sim.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json;charset=UTF-8' }, body });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Record<string, unknown>, read: () => readHttpsReply(text, apicode, sim.accessSecret, { taskid, signCheck: 'strict' }) };
}

/** A device on the TCP half: C_AUTH done, one request at a time (D9). */
async function tcpDevice(sim: ZhejiangSimulator) {
  const codec = new TcpCodec();
  const socket = connect(sim.tcp.port, sim.tcp.host);
  sockets.push(socket);
  const frames: Buffer[] = [];
  const waiters: ((b: Buffer) => void)[] = [];
  readFrames(socket, { onFrame: (b) => (waiters.length ? waiters.shift()!(b) : frames.push(b)), onError: () => undefined });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => undefined);
  const next = () => (frames.length ? Promise.resolve(frames.shift()!) : new Promise<Buffer>((resolve) => waiters.push(resolve)));
  const send = async (fields: Omit<RequestFields, 'version'> & { apicode: 'C_AUTH' | 'C_HEARTBEAT' | 'C_SIGN_IN' }) => {
    const signed = signRequest({ version: 'v1.0.0', ...fields }, sim.accessSecret);
    writeFrame(socket, codec.encodeRequest({ version: 'v1.0.0', ...(fields as Record<string, string | undefined>), apicode: fields.apicode, param: signed.paramText, sign: signed.sign }));
    const reply = codec.decodeResponse(await next());
    if (reply.kind !== 'known') throw new Error('no reply');
    return reply.message;
  };
  const auth = await send({ sn: SN, apicode: 'C_AUTH', accessId: sim.accessId, accessKey: sim.accessKey, timeStamp: platformTimeStamp(new Date(clock)), param: authParam('v1') });
  const token = (JSON.parse(auth.response!) as { token: string }).token;
  return { token, send, closed };
}

const errorcode = (reply: { json: Record<string, unknown> }) => (reply.json['error'] as { errorcode?: string } | undefined)?.errorcode ?? 'ok';

describe('Zhejiang platform simulator, HTTPS', () => {
  it('issues the token over TCP (C_AUTH), names the queued task in heartbeats, and serves it by T_GET_TASKS', async () => {
    const sim = await platform();
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });

    const device = await tcpDevice(sim);
    const beatReply = await device.send({ sn: SN, token: device.token, apicode: 'C_HEARTBEAT', timeStamp: platformTimeStamp(new Date(clock)), param: { deviceVersion: 'v1', deviceIp: '192.168.1.11' } });
    expect(JSON.parse(beatReply.response!)).toEqual({ taskids: [task.taskid] });
    const token = device.token;

    const tasks = await call(sim, token, 'T_GET_TASKS', { param: { taskids: [task.taskid, '999'] } });
    expect(tasks.read().sign.variant).toBe('as-written');
    expect(tasks.read().response).toEqual({ tasks: [{ taskid: task.taskid, apicode: 'T_SEND_PERSON' }] });
  });

  it('pages a queued task’s workers (D14) with photo URLs: the astronaut as a JPEG, a broken one answering 404', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const task = sim.queueTask({ sn: SN, apicode: 'T_UPDATE_DEVICE_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const pages: unknown[] = [];
    let current = 1;
    let total = 1;
    do {
      const reply = await call(sim, token, 'T_UPDATE_DEVICE_PERSON', { taskid: task.taskid, param: { currentPage: current, totalPage: total } });
      const response = reply.read().response as { data: Record<string, unknown>[]; currentPage: number; totalPage: number };
      pages.push(...response.data);
      total = response.totalPage;
      current += 1;
    } while (current <= total);
    expect(total).toBe(3);
    expect(pages.map((p) => (p as { personId: string }).personId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    const urls = (pages as Record<string, unknown>[]).map(personImageUrls);
    expect(urls[3]).toEqual([]);
    const photo = await fetch(urls[0]![0]!);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await fetch(urls[1]![0]!)).status).toBe(404);

    // E34: the examples' `imgUrIs` on demand; the driver's reader takes either.
    sim.setImgUrlsKey('imgUrIs');
    const printed = await call(sim, token, 'T_UPDATE_DEVICE_PERSON', { taskid: task.taskid, param: { currentPage: 1, totalPage: 3 } });
    const first = (printed.read().response as { data: Record<string, unknown>[] }).data[0]!;
    expect(Object.keys(first)).toEqual(['personId', 'name', 'imgUrIs']);
    expect(personImageUrls(first)).toEqual(urls[0]);
  });

  it('answers T_DEL_DEVICE_PERSON with personIds, acks T_CLEAR_DEVICE_PERSON and T_UPDATE_DEVICE_VERSION (D16, no param), records T_POST_DEVICE_PERSON pages', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const del = sim.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: ['p1', 'p2'], param: undefined });
    expect((await call(sim, token, 'T_DEL_DEVICE_PERSON', { taskid: del.taskid })).read().response).toEqual({ personIds: ['p1', 'p2'] });

    const clear = sim.queueTask({ sn: SN, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    const cleared = await call(sim, token, 'T_CLEAR_DEVICE_PERSON', { taskid: clear.taskid });
    expect(cleared.json).toEqual({ version: 'v1.0.0', success: true, sign: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(cleared.read().sign.variant).toBe('as-written');

    const firmware = { version: 'v2.0.1', size: 1024, downloadUrl: 'http://127.0.0.1/fw.bin' };
    const update = sim.queueTask({ sn: SN, apicode: 'T_UPDATE_DEVICE_VERSION', workers: [], personIds: [], param: firmware });
    const fetched = await call(sim, token, 'T_GET_TASKS', { param: { taskids: [update.taskid] } });
    expect(JSON.parse((fetched.read().response as { tasks: { param: string }[] }).tasks[0]!.param)).toEqual(firmware);
    expect(errorcode(await call(sim, token, 'T_UPDATE_DEVICE_VERSION', { taskid: update.taskid }))).toBe('ok');

    const upload = sim.queueTask({ sn: SN, apicode: 'T_POST_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    const page = { currentPage: 1, totalPage: 1, data: [{ personId: 'p1', name: '张三', img: Buffer.from('jpeg-bytes').toString('base64'), hasImg: 1 }] };
    expect(errorcode(await call(sim, token, 'T_POST_DEVICE_PERSON', { taskid: upload.taskid, param: page }))).toBe('ok');
    // D4 empty-string mode signs `img` as "": a different sign, refused.
    expect(errorcode(await call(sim, token, 'T_POST_DEVICE_PERSON', { taskid: upload.taskid, param: page }, { imgSignMode: 'empty-string' }))).toBe('400_04');
    expect(sim.uploads).toEqual([{ sn: SN, taskid: upload.taskid, currentPage: 1, totalPage: 1, persons: [{ personId: 'p1', name: '张三', imgBytes: 10, hasImg: 1 }], receivedAt: clock }]);
  });

  it('records T_UPDATE_TASKS_STATUS per task, flags one reported twice, and heartbeats stop naming it', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const param = taskStatusParam([{ taskid: task.taskid, status: 1, failedFaces: [{ personId: 'p2', errCode: '404_2' }] }], 5, 3);
    expect(errorcode(await call(sim, token, 'T_UPDATE_TASKS_STATUS', { param }))).toBe('ok');
    expect(errorcode(await call(sim, token, 'T_UPDATE_TASKS_STATUS', { param: taskStatusParam([{ taskid: task.taskid, status: 2 }], 5, 3, codecOptions({ taskStatusIdKey: 'taskId' })) }))).toBe('ok');
    expect(sim.statuses.map((s) => [s.taskid, s.status, s.personCount, s.faceCount, s.failedFaces.length, s.duplicate, s.unknownTask])).toEqual([
      [task.taskid, 1, 5, 3, 1, false, false],
      [task.taskid, 2, 5, 3, 0, true, false],
    ]);
  });

  it('accepts param as a string (D3) and refuses what the document refuses, with its codes', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const param = { currentPage: 1, totalPage: 1 };
    expect(errorcode(await call(sim, token, 'T_SEND_PERSON', { taskid: task.taskid, param }, { httpsParamEncoding: 'string' }))).toBe('ok');

    const good = JSON.parse(httpsRequestBody({ version: 'v1.0.0', sn: SN, token, apicode: 'T_SEND_PERSON', taskid: task.taskid, param }, sim.accessSecret)) as Record<string, unknown>;
    const send = (body: unknown) => post(sim, typeof body === 'string' ? body : JSON.stringify(body), 'T_SEND_PERSON', task.taskid);
    expect(errorcode(await send({ ...good, apicode: undefined }))).toBe('400_01');
    expect(errorcode(await send({ ...good, apicode: 'C_AUTH' }))).toBe('400_01');
    // §1.2: JSON only; a form post is Spring's 415, no platform reply.
    expect((await fetch(sim.apiUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status).toBe(415);
    expect((await fetch(sim.apiUrl, { method: 'GET' })).status).toBe(405);
    expect(errorcode(await send('{not json'))).toBe('400_02');
    expect(errorcode(await send({ ...good, timeStamp: '20261207160000' }))).toBe('400_02');
    expect(errorcode(await send({ ...good, param: [1] }))).toBe('400_02');
    expect(errorcode(await send({ ...good, param: 'not json' }))).toBe('400_02');
    expect(errorcode(await send({ ...good, taskid: undefined }))).toBe('400_02');
    expect(errorcode(await send({ ...good, sign: '0'.repeat(32) }))).toBe('400_04');
    expect(errorcode(await send({ ...good, sn: '9999999' }))).toBe('400_04');
    expect(errorcode(await send({ ...good, token: 'f'.repeat(32) }))).toBe('401_01');
    const refused = await send({ ...good, sign: '0'.repeat(32) });
    // A refusal is signed too (version+success+taskid), though a client never holds it to it (D18).
    expect(() => refused.read()).toThrow();

    // 30 idle minutes and the token is gone (§1.1).
    clock += 30 * 60_000 + 1;
    expect(errorcode(await call(sim, token, 'T_SEND_PERSON', { taskid: task.taskid, param }))).toBe('401_01');
  });

  it('faults on demand: 5xx, 500_01, a wrong reply sign, revoked credentials', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const param = { taskids: [] };
    const admin = (path: string, method: string, body?: unknown) =>
      fetch(`${sim.url}/__sim/${path}`, { method, headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: '{}' })).status).toBe(401);

    await admin('faults', 'POST', { kind: 'http-5xx' });
    expect((await fetch(sim.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(503);
    await admin('faults', 'DELETE');
    await admin('faults', 'POST', { kind: 'system-error' });
    expect(errorcode(await call(sim, token, 'T_GET_TASKS', { param }))).toBe('500_01');
    await admin('faults', 'DELETE');
    await admin('faults', 'POST', { kind: 'wrong-sign' });
    await expect(call(sim, token, 'T_GET_TASKS', { param }).then((r) => r.read())).rejects.toThrow();
    await admin('faults', 'DELETE');
    await admin('faults', 'POST', { kind: 'revoke' });
    expect(errorcode(await call(sim, token, 'T_GET_TASKS', { param }))).toBe('401_02');
    await admin('faults', 'DELETE');
    expect((await call(sim, token, 'T_GET_TASKS', { param })).read().response).toEqual({ tasks: [] });

    // Stall: the request is held unanswered until the fault is cleared, then its connection drops.
    await admin('faults', 'POST', { kind: 'stall' });
    const held = call(sim, token, 'T_GET_TASKS', { param });
    await expect.poll(async () => ((await (await admin('faults', 'GET')).json()) as { stalledRequests: number }).stalledRequests).toBe(1);
    await admin('faults', 'DELETE');
    await expect(held).rejects.toThrow();

    // Drop TCP: the device's connection is closed by the platform.
    const device = await tcpDevice(sim);
    await admin('faults', 'POST', { kind: 'drop-tcp' });
    await device.closed;
  });

  it('queues a task through the admin routes and reports statuses, sign-ins and exchanges there', async () => {
    const sim = await platform();
    const token = sim.tcp.issueToken(SN);
    const admin = async (path: string, method = 'GET', body?: unknown) =>
      (await fetch(`${sim.url}/__sim/${path}`, { method, headers: { authorization: `Bearer ${sim.adminToken}` }, ...(body ? { body: JSON.stringify(body) } : {}) })).json() as Promise<unknown>;
    const queued = (await admin('tasks', 'POST', { sn: SN, apicode: 'T_SEND_PERSON', workers: [{ personId: 'w1', name: '钱七' }] })) as { taskid: string };
    expect(queued.taskid).toMatch(/^\d{19}$/);
    const page = await call(sim, token, 'T_SEND_PERSON', { taskid: queued.taskid, param: { currentPage: 1, totalPage: 1 } });
    expect(page.read().response).toMatchObject({ data: [{ personId: 'w1', name: '钱七' }], currentPage: 1, totalPage: 1 });
    await call(sim, token, 'T_UPDATE_TASKS_STATUS', { param: taskStatusParam([{ taskid: queued.taskid, status: 1 }], 1, 1) });
    expect(await admin('statuses')).toEqual([expect.objectContaining({ taskid: queued.taskid, status: 1, duplicate: false })]);
    expect(await admin('sign-ins')).toEqual([]);
    expect(((await admin('exchanges')) as { https: unknown[] }).https).toHaveLength(2);
    expect(await admin('tasks', 'POST', { sn: SN, apicode: 'C_AUTH' })).toEqual({ error: expect.stringContaining('apicode') });
  });

  it('serves HTTPS with the certificate made at start (its fingerprint printed for pinning)', async () => {
    const sim = await platform({ http: false });
    expect(sim.apiUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/device$/);
    const token = sim.tcp.issueToken(SN);
    const body = httpsRequestBody({ version: 'v1.0.0', sn: SN, token, apicode: 'T_GET_TASKS', param: { taskids: [] } }, sim.accessSecret);
    const { text, fingerprint } = await new Promise<{ text: string; fingerprint: string }>((resolve, reject) => {
      const req = httpsRequest(sim.apiUrl, { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json;charset=UTF-8' } }, (res) => {
        const chunks: Buffer[] = [];
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), fingerprint }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(fingerprint).toBe(sim.fingerprint256);
    expect(readHttpsReply(text, 'T_GET_TASKS', sim.accessSecret, { signCheck: 'strict' }).response).toEqual({ tasks: [] });
  });
});
