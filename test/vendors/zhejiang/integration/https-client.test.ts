import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { ZhejiangHttpsClient, type ZhejiangHttpsConfig } from '../../../../electron/drivers/zhejiang/https-client.ts';
import { needsReauthentication, recoveryOfError } from '../../../../electron/drivers/zhejiang/https-errors.ts';
import { codecOptions } from '../../../../electron/drivers/zhejiang/options.ts';
import { responseSigns } from '../../../../electron/drivers/zhejiang/sign.ts';
import { startZhejiangSimulator, type ZhejiangSimulator, type ZhejiangSimulatorOptions } from '../../../simulators/zhejiang/server.ts';
import type { Worker } from '../../../simulators/zhejiang/tasks.ts';

/**
 * The HTTPS task client (issue 16 items 2–3) against the platform simulator over loopback: every
 * §3 call over HTTPS with the simulator's certificate pinned and over plain http, D14 paging through
 * five workers, D18 response signs (warn logs, strict refuses, a failure reply never held to its
 * sign), D12 (5xx and 500_01 retried with backoff, 401_01 → re-authenticate), a stall → timeout, the
 * reply size limit, and neither secret nor token in the log.
 */
const SN = '1388186';
let clock = Date.parse('2026-12-07T08:00:00Z');
const sims: ZhejiangSimulator[] = [];
const clients: ZhejiangHttpsClient[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const sim of sims.splice(0)) await sim.close();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

const WORKERS: Worker[] = [
  { personId: 'p1', name: '张三', photo: 'ok' },
  { personId: 'p2', name: '李四', photo: 'broken' },
  { personId: 'p3', name: '王五', photo: 'ok' },
  { personId: 'p4', name: 'Zoe', photo: 'none' },
  { personId: 'p5', name: '赵六', photo: 'ok' },
];

interface LogLine {
  readonly level: 'info' | 'warn';
  readonly data: object;
  readonly message: string;
}

async function platform(options: Partial<ZhejiangSimulatorOptions> = {}): Promise<ZhejiangSimulator> {
  const sim = await startZhejiangSimulator({ now: () => clock, pageSize: 2, ...options });
  sims.push(sim);
  return sim;
}

/** A client for the simulator's device, its token issued as C_AUTH would; the log kept. */
function clientOf(sim: ZhejiangSimulator, config: Partial<ZhejiangHttpsConfig> = {}) {
  const lines: LogLine[] = [];
  const session = { token: sim.tcp.issueToken(SN) as string | undefined };
  const pauses: number[] = [];
  const client = new ZhejiangHttpsClient({
    url: sim.apiUrl,
    tls: sim.fingerprint256 ? { mode: 'pinned', fingerprint256: sim.fingerprint256 } : undefined,
    sn: SN,
    token: () => session.token,
    accessSecret: sim.accessSecret,
    sleep: async (ms) => void pauses.push(ms),
    logger: { info: (data, message) => void lines.push({ level: 'info', data, message }), warn: (data, message) => void lines.push({ level: 'warn', data, message }) },
    ...config,
  });
  clients.push(client);
  return { client, lines, session, pauses };
}

async function failure(promise: Promise<unknown>): Promise<DriverError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DriverError);
  return error as DriverError;
}

describe('Zhejiang HTTPS client: every §3 call (HTTPS, fingerprint pinned)', () => {
  it('fetches the tasks, pages five workers, deletes, clears, updates the version, uploads and reports', async () => {
    const sim = await platform();
    expect(sim.apiUrl.startsWith('https://')).toBe(true);
    const { client, lines, session } = clientOf(sim);
    const send = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const del = sim.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: ['p1', 'p2'], param: undefined });
    const clear = sim.queueTask({ sn: SN, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    const version = sim.queueTask({ sn: SN, apicode: 'T_UPDATE_DEVICE_VERSION', workers: [], personIds: [], param: { version: 'v2.1.0', size: 1024, downloadUrl: 'https://example.invalid/fw.bin' } });
    const post = sim.queueTask({ sn: SN, apicode: 'T_POST_DEVICE_PERSON', workers: [], personIds: [], param: { excludeFields: ['phone'] } });

    const tasks = await client.getTasks([send.taskid, del.taskid, clear.taskid, version.taskid, post.taskid]);
    expect(tasks.map((t) => [t.taskid, t.apicode])).toEqual([
      [send.taskid, 'T_SEND_PERSON'],
      [del.taskid, 'T_DEL_DEVICE_PERSON'],
      [clear.taskid, 'T_CLEAR_DEVICE_PERSON'],
      [version.taskid, 'T_UPDATE_DEVICE_VERSION'],
      [post.taskid, 'T_POST_DEVICE_PERSON'],
    ]);
    expect(tasks[3]!.param).toEqual({ version: 'v2.1.0', size: 1024, downloadUrl: 'https://example.invalid/fw.bin' });
    expect(tasks[4]!.param).toEqual({ excludeFields: ['phone'] });

    // D14: {currentPage:1,totalPage:1} first, then the totalPage of the last reply: 2 + 2 + 1.
    const pages = [];
    for await (const page of client.persons(send.taskid, 'T_SEND_PERSON')) pages.push(page);
    expect(pages.map((p) => [p.currentPage, p.totalPage, p.persons.map((w) => w.personId)])).toEqual([
      [1, 3, ['p1', 'p2']],
      [2, 3, ['p3', 'p4']],
      [3, 3, ['p5']],
    ]);
    expect(pages[0]!.persons[0]!.name).toBe('张三');
    expect(pages[0]!.persons[0]!.imgUrls).toEqual([`${sim.url}/photos/p1.jpg`]);
    expect(pages[1]!.persons[1]!.imgUrls).toEqual([]);

    expect(await client.deletePersons(del.taskid)).toEqual(['p1', 'p2']);
    await client.clear(clear.taskid);
    expect(await client.version(version.taskid)).toBeUndefined(); // D16: the reply carries none; the task's param does

    await client.postPersonsPage(post.taskid, 1, 1, [{ personId: 'p1', name: '张三', img: Buffer.from('jpeg bytes').toString('base64'), hasImg: 1 }]);
    expect(sim.uploads).toEqual([expect.objectContaining({ sn: SN, taskid: post.taskid, currentPage: 1, totalPage: 1, persons: [{ personId: 'p1', name: '张三', imgBytes: 10, hasImg: 1 }] })]);

    await client.reportStatus([{ taskid: send.taskid, status: 1, failedPersons: [], failedFaces: [{ personId: 'p2', errCode: '1' }] }, { taskid: clear.taskid, status: 1 }], 4, 3);
    expect(sim.statuses.map((s) => [s.taskid, s.status, s.personCount, s.faceCount, s.unknownTask])).toEqual([
      [send.taskid, 1, 4, 3, false],
      [clear.taskid, 1, 4, 3, false],
    ]);
    expect(sim.exchanges.every((e) => e.errorcode === undefined)).toBe(true);
    // D18 warn (the default): each reply's matching variant is logged.
    expect(lines.filter((l) => l.level === 'warn')).toEqual([]);
    expect(lines.some((l) => (l.data as { responseSign?: string }).responseSign === 'as-written')).toBe(true);
    // Neither the secret nor the token is ever logged.
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(sim.accessSecret);
    expect(logged).not.toContain(session.token);
  });

  it('pages the photo URLs printed as imgUrIs (E34) and the example style {currentPage, size} (E33)', async () => {
    const sim = await platform();
    sim.setImgUrlsKey('imgUrIs');
    const { client } = clientOf(sim, { pageStyle: 'size', pageSize: 3 });
    const task = sim.queueTask({ sn: SN, apicode: 'T_UPDATE_DEVICE_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const pages = [];
    for await (const page of client.persons(task.taskid, 'T_UPDATE_DEVICE_PERSON')) pages.push(page);
    expect(pages.map((p) => p.persons.map((w) => w.personId))).toEqual([
      ['p1', 'p2', 'p3'],
      ['p4', 'p5'],
    ]);
    expect(pages[0]!.persons[2]!.imgUrls).toEqual([`${sim.url}/photos/p3.jpg`]);
  });

  it('refuses a certificate that is not the pinned one', async () => {
    const sim = await platform();
    const { client } = clientOf(sim, { tls: { mode: 'pinned', fingerprint256: 'AA:'.repeat(31) + 'AA' } });
    const error = await failure(client.getTasks(['1']));
    expect(error.code).toBe('tls');
    expect(error.advice?.['zh-CN']).toBeTruthy();
  });
});

describe('Zhejiang HTTPS client over http:// with the switches', () => {
  it('sends param as a string (D3) and the status under taskId (D5)', async () => {
    const options = codecOptions({ httpsParamEncoding: 'string', taskStatusIdKey: 'taskId' });
    const sim = await platform({ http: true, codecOptions: options });
    expect(sim.apiUrl.startsWith('http://')).toBe(true);
    const { client } = clientOf(sim, { codecOptions: options });
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS.slice(0, 1), personIds: [], param: undefined });
    expect((await client.getTasks([task.taskid])).map((t) => t.taskid)).toEqual([task.taskid]);
    expect((await client.personsPage(task.taskid, 'T_SEND_PERSON', 1)).persons.map((p) => p.personId)).toEqual(['p1']);
    await client.reportStatus([{ taskid: task.taskid, status: 1 }], 1, 1);
    expect(sim.statuses.map((s) => [s.taskid, s.unknownTask])).toEqual([[task.taskid, false]]);
  });
});

describe('Zhejiang HTTPS client: response signs (D18)', () => {
  it('warn: a wrong sign is logged and the reply used', async () => {
    const sim = await platform({ http: true });
    const { client, lines } = clientOf(sim, { responseSignCheck: 'warn' });
    const task = sim.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: ['p9'], param: undefined });
    sim.faults.wrongSign = true;
    expect(await client.deletePersons(task.taskid)).toEqual(['p9']);
    const warned = lines.filter((l) => l.level === 'warn');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.data).toMatchObject({ apicode: 'T_DEL_DEVICE_PERSON', taskid: task.taskid, responseSign: 'mismatch' });
  });

  it('strict: a wrong sign on a success reply is refused; a failure reply is never held to its sign', async () => {
    const sim = await platform({ http: true });
    const { client, session } = clientOf(sim, { responseSignCheck: 'strict' });
    sim.faults.wrongSign = true;
    const refused = await failure(client.getTasks(['1']));
    expect(refused.code).toBe('bad_credentials');
    expect(refused.details?.['reason']).toBe('bad-response-sign');
    expect(refused.advice?.['zh-CN']).toBeTruthy();

    session.token = 'not-a-token';
    const platformRefusal = await failure(client.getTasks(['1']));
    expect(platformRefusal.vendorCode).toBe('401_01');
  });
});

describe('Zhejiang HTTPS client: failures (D12)', () => {
  it('a 5xx is retried with backoff, then given up as http_status (recovery backoff)', async () => {
    const sim = await platform({ http: true });
    const { client, pauses } = clientOf(sim, { retries: 2 });
    sim.faults.http5xx = true;
    const error = await failure(client.getTasks(['1']));
    expect(error.code).toBe('http_status');
    expect(error.status).toBe(503);
    expect(recoveryOfError(error)).toBe('backoff');
    expect(error.advice?.en).toContain('HTTP 503');
    expect(pauses).toHaveLength(2);
  });

  it('a passing 5xx and a 500_01 are retried and the call succeeds', async () => {
    const sim = await platform({ http: true });
    const { client, pauses } = clientOf(sim, { sleep: async (ms) => void (pauses.push(ms), sim.clearFaults()) });
    const task = sim.queueTask({ sn: SN, apicode: 'T_CLEAR_DEVICE_PERSON', workers: [], personIds: [], param: undefined });
    sim.faults.http5xx = true;
    await client.clear(task.taskid);
    sim.faults.systemError = true;
    expect((await client.getTasks([task.taskid])).map((t) => t.taskid)).toEqual([task.taskid]);
    expect(pauses).toHaveLength(2);
  });

  it('an expired token (401_01) says re-authenticate; given reauthenticate, the client gets a new token and retries', async () => {
    const sim = await platform({ http: true, tokenIdleMs: 60_000 });
    const { client } = clientOf(sim);
    clock += 61_000;
    const error = await failure(client.getTasks(['1']));
    expect(error.vendorCode).toBe('401_01');
    expect(needsReauthentication(error)).toBe(true);

    const reauthed = clientOf(sim, { reauthenticate: async () => void (reauthed.session.token = sim.tcp.issueToken(SN)) });
    const stale = reauthed.session.token;
    clock += 61_000;
    expect(await reauthed.client.getTasks(['1'])).toEqual([]);
    expect(reauthed.session.token).not.toBe(stale);
    expect(sim.exchanges.map((e) => e.errorcode)).toEqual(['401_01', '401_01', undefined]);
  });

  it('no token yet is the re-authenticate signal, sent nowhere', async () => {
    const sim = await platform({ http: true });
    const { client, session } = clientOf(sim);
    session.token = undefined;
    const error = await failure(client.clear('1'));
    expect(needsReauthentication(error)).toBe(true);
    expect(error.advice?.['zh-CN']).toContain(SN);
    expect(sim.exchanges).toEqual([]);
  });

  it('a stalled platform times out', async () => {
    const sim = await platform();
    const { client } = clientOf(sim, { timeoutMs: 500 });
    sim.stall(true);
    const error = await failure(client.getTasks(['1']));
    expect(error.code).toBe('timeout');
    expect(error.advice?.en).toContain('0.5 s');
    expect(error.advice?.['zh-CN']).toContain('0.5');
  });

  it('a stop (the signal aborted) ends the call in flight as aborted, without retry', async () => {
    const sim = await platform({ http: true });
    const stop = new AbortController();
    const { client, pauses } = clientOf(sim, { signal: stop.signal });
    sim.stall(true);
    const call = failure(client.getTasks(['1']));
    while (sim.stalledRequests() === 0) await new Promise((resolve) => setImmediate(resolve));
    stop.abort();
    expect((await call).code).toBe('aborted');
    expect(pauses).toEqual([]);
  });

  it('a reply above the size limit is not read', async () => {
    const sim = await platform({ http: true });
    const { client } = clientOf(sim, { maxBodyBytes: 256 });
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const error = await failure(client.personsPage(task.taskid, 'T_SEND_PERSON', 1));
    expect(error.details?.['reason']).toBe('too-large');
    expect(error.advice?.en).toContain('256');
  });
});

describe('Zhejiang HTTPS client: a platform that writes JSON as its document does (D19)', () => {
  it('reads a reply with unquoted keys leniently, checks its sign over the raw response, and logs the fallback', async () => {
    const secret = 'the-secret';
    const responseText = '{personIds:["p7","p8"]}';
    const [signed] = responseSigns('T_DEL_DEVICE_PERSON', { version: 'v1.0.0', success: true, taskid: 't1', response: responseText }, secret);
    const seen: { contentType: string | undefined; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ contentType: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{version:"v1.0.0",success:true,response:${responseText},sign:"${signed!.sign}"}`);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const lines: LogLine[] = [];
    const client = new ZhejiangHttpsClient({
      url: `http://127.0.0.1:${port}/api/device`,
      sn: SN,
      token: () => 'tok-123',
      accessSecret: secret,
      responseSignCheck: 'strict',
      logger: { info: (data, message) => void lines.push({ level: 'info', data, message }), warn: (data, message) => void lines.push({ level: 'warn', data, message }) },
    });
    clients.push(client);
    expect(await client.deletePersons('t1')).toEqual(['p7', 'p8']);
    expect(seen[0]!.contentType).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ version: 'v1.0.0', sn: SN, token: 'tok-123', apicode: 'T_DEL_DEVICE_PERSON', taskid: 't1' });
    expect(JSON.parse(seen[0]!.body)).not.toHaveProperty('param'); // D17: no param
    const lenient = lines.find((l) => (l.data as { quirks?: string[] }).quirks !== undefined);
    expect(lenient).toMatchObject({ level: 'warn', data: { quirks: ['unquoted-key'] } });
    expect(JSON.stringify(lines)).not.toContain('tok-123');
    expect(JSON.stringify(lines)).not.toContain(secret);
  });
});
