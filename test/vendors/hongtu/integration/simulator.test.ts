import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_BODY_MD5, signedHeaders } from '../../../../electron/drivers/hongtu/sign.ts';
import { selfSignedCertificate } from '../../../support/tls-cert.ts';
import { NONCE_REUSED_MESSAGE, SIGNATURE_REJECTION, SKEW_MARKER } from '../../../simulators/hongtu/auth.ts';
import { CATALOG } from '../../../simulators/hongtu/catalog.ts';
import { startSimulatorFromArgs } from '../../../simulators/hongtu/cli.ts';
import { DOCUMENTED_CODES, MESSAGES } from '../../../simulators/hongtu/codes.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { startHongtuSimulator } from '../../../simulators/hongtu/server.ts';
import type { HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { makeJpegHeader, makePng } from '../../../simulators/zkbio/image-fixtures.ts';
import { APPKEY1, callHongtu, catalogRequest, envelope } from './hongtu-http.ts';

const SIGNATURE_ERROR = { code: 100008, msg: '签名错误', data: null };

describe('Hongtu simulator over HTTP', () => {
  let sim: HongtuSimulator;
  const call = (method: string, path: string, init: Parameters<typeof callHongtu>[3] = {}) => callHongtu(sim.url, method, path, init);
  const post = async (path: string, body: unknown = {}) => envelope(await call('POST', path, { body }));

  beforeAll(async () => {
    sim = await startHongtuSimulator();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
  });

  describe('signature', () => {
    it('accepts a request signed as §2 says, with either spelling of cappkey', async () => {
      const res = await call('POST', '/v1/api/person/list', { body: { pageNum: 1, pageSize: 10 } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ code: 0, msg: '成功', data: { pageNum: 1, pageSize: 10, total: 3 } });
      const javaStyle = await call('POST', '/v1/api/person/list', { omit: ['cappkey'], headers: { cappKey: 'appkey1' } });
      expect((await envelope(javaStyle)).code).toBe(0);
      expect((await envelope(await call('POST', '/v1/api/person/list', { appKey: 'appkey2', secretKey: 'zxcv&jlkfd234adf#xi9' }))).code).toBe(0);
    });

    it('answers 100008 签名错误 with HTTP 200 for a wrong secret, an unknown appkey and each missing header', async () => {
      expect(SIGNATURE_REJECTION).toEqual({ status: 200, code: 100008, msg: '签名错误' });
      const cases = [
        { secretKey: 'not-the-secret' },
        { appKey: 'appkey3' },
        { omit: ['ctimestamp'] },
        { omit: ['cnonce'] },
        { omit: ['cappkey'] },
        { omit: ['csign'] },
        { headers: { csign: 'A'.repeat(32) } },
        { timestamp: 'yesterday' },
      ];
      for (const init of cases) {
        const res = await call('POST', '/v1/api/person/list', init);
        expect(res.status).toBe(200);
        expect({ init, body: await res.json() }).toEqual({ init, body: SIGNATURE_ERROR });
      }
    });

    it('tells a stale or future ctimestamp apart by its msg, which names the server time', async () => {
      for (const offset of [-6 * 60_000, 6 * 60_000]) {
        const before = Date.now();
        const body = await envelope(await call('POST', '/v1/api/person/list', { timestamp: String(Date.now() + offset) }));
        expect(body.code).toBe(100008);
        expect(body.msg).toContain(SKEW_MARKER);
        expect(body.msg).toMatch(/^签名错误: ctimestamp超出允许范围\(±300000ms\), 服务器时间\d+$/);
        expect(Number(/(\d+)$/.exec(body.msg)?.[1])).toBeGreaterThanOrEqual(before);
      }
      expect((await envelope(await call('POST', '/v1/api/person/list', { timestamp: String(Date.now() - 4 * 60_000) }))).code).toBe(0);
    });

    it('keeps its own clock, shown in the Date header', async () => {
      const ahead = await startHongtuSimulator({ clock: () => new Date(Date.now() + 10 * 60_000) });
      try {
        const res = await callHongtu(ahead.url, 'POST', '/v1/api/device/list');
        expect((await envelope(res)).msg).toContain(SKEW_MARKER);
        expect(Date.parse(res.headers.get('date') ?? '') - Date.now()).toBeGreaterThan(9 * 60_000);
        expect((await envelope(await callHongtu(ahead.url, 'POST', '/v1/api/device/list', { timestamp: String(Date.now() + 10 * 60_000) }))).code).toBe(0);
      } finally {
        await ahead.close();
      }
    });

    it('rejects a body changed after signing and a replayed request', async () => {
      const tampered = await call('POST', '/v1/api/person/list', { body: { pageNum: 1, pageSize: 10 }, tamper: (text) => text.replace('10', '11') });
      expect(await tampered.json()).toEqual(SIGNATURE_ERROR);
      const fixed = { timestamp: String(Date.now()), nonce: 'aB3dE6' };
      expect((await envelope(await call('POST', '/v1/api/person/list', fixed))).code).toBe(0);
      expect(await envelope(await call('POST', '/v1/api/person/list', fixed))).toEqual({ code: 100008, msg: NONCE_REUSED_MESSAGE, data: null });
      expect(NONCE_REUSED_MESSAGE).not.toContain(SKEW_MARKER);
    });

    it('signs the query as sent, uploads with an empty body slot, and the GET with MD5("{}") or ""', async () => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(Buffer.from('name,phone\n'))], { type: 'text/csv' }), 'people.csv');
      expect(await envelope(await call('POST', '/v1/api/misc/file/upload', { form, query: 'type=1' }))).toMatchObject({ code: 0, data: { uri: expect.any(String) } });
      const unsignedQuery = new FormData();
      unsignedQuery.set('file', new Blob([new Uint8Array([1])]), 'a.bin');
      const headers = signedHeaders({ uri: '/v1/api/misc/file/upload', method: 'POST', query: '', bodyMd5: '', ...APPKEY1 });
      const res = await fetch(`${sim.url}/v1/api/misc/file/upload?type=1`, { method: 'POST', body: unsignedQuery, headers: { ...headers } });
      expect(await res.json()).toEqual(SIGNATURE_ERROR);

      expect(await envelope(await call('GET', '/v1/api/device/info'))).toEqual({ code: 0, msg: '成功', data: { name: '鸿图2000', type: 'MegBox-B3R-1012', version: 'V1.0.1' } });
      expect((await envelope(await call('GET', '/v1/api/device/info', { bodyMd5: '' }))).code).toBe(0);
      const strict = await startHongtuSimulator({ getSigning: 'empty' });
      try {
        expect((await envelope(await callHongtu(strict.url, 'GET', '/v1/api/device/info'))).code).toBe(100008);
        expect((await envelope(await callHongtu(strict.url, 'GET', '/v1/api/device/info', { bodyMd5: '' }))).code).toBe(0);
      } finally {
        await strict.close();
      }
      expect(EMPTY_BODY_MD5).toBe('99914b932bd37a50b983c5e7c90ae93b');
    });

    it('checks the signature before routing, as a filter', async () => {
      const unsigned = await fetch(`${sim.url}/v1/api/no/such/thing`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(await unsigned.json()).toEqual(SIGNATURE_ERROR);
      const signed = await call('POST', '/v1/api/no/such/thing');
      expect(signed.status).toBe(404);
      expect(await signed.json()).toMatchObject({ status: 404, error: 'Not Found', path: '/v1/api/no/such/thing' });
    });
  });

  describe('routing and parameters', () => {
    it('answers a wrong method with Spring’s 405 and Allow, an unknown media type with 415', async () => {
      const res = await call('GET', '/v1/api/person/list');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await res.json()).toMatchObject({ status: 405, error: 'Method Not Allowed' });
      expect((await call('POST', '/v1/api/person/list', { raw: '{}', contentType: 'text/plain' })).status).toBe(415);
    });

    it('answers 100003 for a body that is not a JSON object, or a value of the wrong type', async () => {
      for (const raw of ['{"pageNum": 1', '', '[1,2]', '"text"']) {
        // An empty body's slot is "" (what the Java SDK's encryptMd5 leaves), so it passes the signature and fails as JSON.
        const body = await envelope(await call('POST', '/v1/api/person/list', { raw, ...(raw === '' ? { bodyMd5: '' } : {}) }));
        expect({ raw, code: body.code, data: body.data }).toEqual({ raw, code: 100003, data: null });
        expect(body.msg.startsWith(MESSAGES[100003]!)).toBe(true);
      }
      expect((await post('/v1/api/person/list', { pageNum: 'first' })).code).toBe(100003);
      expect((await post('/v1/api/person/uuid/list', { uuidList: 'abc' })).code).toBe(100003);
      expect((await post('/v1/api/person/list', { pageNum: '2', pageSize: 1 })).data).toMatchObject({ pageNum: 2, pageSize: 1 });
    });

    it('answers a missing required field with its module’s code', async () => {
      const cases: [string, unknown, number][] = [
        ['/v1/api/person/query', {}, 100003],
        ['/v1/api/person/batchAdd', { personList: [{ name: '缺类型' }] }, 100003],
        ['/v1/api/door/openDoor', {}, 103005],
        ['/v1/api/device/bind', { uuid: SEED_IDS.edgeServer }, 103005],
        ['/v1/api/pass/schedule/page', {}, 103005],
        ['/v1/api/pass/schedule/update', { uuid: SEED_IDS.allDay, name: '全天', workDay: [{ week: 1, during: [{ from: '08:00' }] }] }, 103005],
        ['/v1/api/attendance/group/query/details', {}, 104034],
        ['/v1/api/pubsub/busi/record/add', { busiTypes: [5] }, 100003],
      ];
      for (const [path, body, code] of cases) expect({ path, code: (await post(path, body)).code }).toEqual({ path, code });
      // door.add's lists are both 必须 but may be empty (§10 E31).
      expect((await post('/v1/api/door/add', { addDeviceUuids: [], removeDeviceUuids: [] })).code).toBe(0);
    });

    it('answers 121041 for pageNum or pageSize ≤ 0 on every paged endpoint', async () => {
      const paged = CATALOG.filter((entry) => entry.reply === 'page');
      expect(paged).toHaveLength(21);
      for (const entry of paged) {
        const base = (catalogRequest(entry).body ?? {}) as Record<string, unknown>;
        for (const paging of [{ pageNum: 0 }, { pageSize: -1 }]) {
          const body = await post(entry.path, { ...base, ...paging });
          expect({ id: entry.id, paging, body }).toEqual({ id: entry.id, paging, body: { code: 121041, msg: MESSAGES[121041], data: null } });
        }
      }
    });
  });

  describe('faces', () => {
    const upload = (bytes: Buffer, filename: string) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), filename);
      return call('POST', '/v1/api/person/uploadImage', { form }).then(envelope);
    };

    it('takes JPEG and PNG, refuses other bytes with 103000 and other names with 100003', async () => {
      expect(await upload(makePng(300, 300), 'face.PNG')).toMatchObject({ code: 0, data: { uri: expect.stringMatching(/^_ZzEwMF9mb3JldmVyQnVja2V0_[0-9a-f]{32}$/) } });
      expect((await upload(makeJpegHeader(640, 480), 'face.jpeg')).code).toBe(0);
      expect((await upload(Buffer.from('%PDF-1.4 not a face'), 'face.jpg')).code).toBe(103000);
      expect((await upload(makePng(300, 300), 'face.gif')).code).toBe(100003);
      expect((await call('POST', '/v1/api/person/uploadImage', { form: new FormData() }).then(envelope)).code).toBe(100003);
    });

    it('answers the face verdict a test sets, and a person may only use an uploaded face', async () => {
      const blurry = makePng(300, 300, { rgb: [90, 90, 91] });
      sim.setFaceVerdict({ bytes: blurry }, 121034);
      expect(await upload(blurry, 'blurry.png')).toEqual({ code: 121034, msg: MESSAGES[121034], data: null });
      expect(() => sim.setFaceVerdict({ bytes: blurry }, 100003)).toThrow();
      const { data } = await upload(makePng(320, 320), 'ok.png');
      const uri = (data as { uri: string }).uri;
      const added = await post('/v1/api/person/batchAdd', {
        personList: [
          { name: '赵六', type: 1, code: 'E2001', imageUri: uri, groupList: [SEED_IDS.staffGroup] },
          { name: '钱七', type: 1, imageUri: '_ZzEwMF9mb3JldmVyQnVja2V0_ffffffffffffffffffffffffffffffff' },
          { name: '孙八', type: 1, code: 'E2001' },
          { name: '周九', type: 2 },
        ],
      });
      const result = added.data as { successes: Record<string, unknown>[]; failures: Record<string, unknown>[] };
      expect(result.successes).toHaveLength(1);
      expect(result.successes[0]).toMatchObject({ name: '赵六', code: 0, staffCode: 'E2001', imageUri: uri });
      expect(result.failures.map((item) => item['code'])).toEqual([121021, 100003, 100003]);
      const image = await fetch(`${sim.url}/pub/${uri}`);
      expect(image.headers.get('content-type')).toBe('image/png');
    });
  });

  describe('faults', () => {
    const list = () => call('POST', '/v1/api/device/list');

    it('answers 5xx, resets, truncates JSON, shows an HTML page and swaps shapes', async () => {
      sim.faults.httpError(503, { endpoint: 'device.list', count: 1 });
      const failed = await list();
      expect(failed.status).toBe(503);
      expect(await failed.text()).toContain('503');
      expect((await list()).status).toBe(200);

      sim.faults.httpError(500, { count: 1 });
      expect(await (await list()).json()).toMatchObject({ status: 500, error: 'Internal Server Error' });

      sim.faults.reset({ count: 1 });
      await expect(list()).rejects.toThrow();

      sim.faults.malformedJson({ count: 1 });
      await expect((await list()).json()).rejects.toThrow();

      sim.faults.htmlPage({ count: 1 });
      const page = await list();
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('鸿图2000');

      sim.faults.wrongShape('data', { count: 1 });
      expect(Array.isArray((await envelope(await list())).data)).toBe(true);
      sim.faults.wrongShape('envelope', { count: 1 });
      expect(await (await list()).json()).not.toHaveProperty('code');
      sim.faults.wrongShape('data-string', { count: 1 });
      const stringData = await envelope(await list());
      expect(JSON.parse(stringData.data as string)).toMatchObject({ pageNum: 1, total: 2 });
      expect((await envelope(await list())).data).toMatchObject({ total: 2 });
    });

    it('delays answers', async () => {
      sim.faults.latency(150, { endpoint: 'device.list', count: 1 });
      const started = performance.now();
      await list();
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('takes faults over the admin route with the Bearer token, and shows state and counters', async () => {
      const admin = (method: string, path: string, body?: unknown, token = sim.adminToken) =>
        fetch(`${sim.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      expect(sim.adminToken).toBe(APPKEY1.secretKey);
      expect((await admin('POST', '/__sim/faults', { kind: 'http-error', status: 502 }, 'wrong')).status).toBe(401);
      expect((await admin('POST', '/__sim/faults', { kind: 'nonsense' })).status).toBe(400);
      expect((await admin('POST', '/__sim/faults', { kind: 'push-drop', endpoint: 'device.list' })).status).toBe(400);
      const added = (await (await admin('POST', '/__sim/faults', { kind: 'http-error', status: 502, endpoint: 'device.list' })).json()) as { id: number };
      expect((await list()).status).toBe(502);
      expect((await admin('DELETE', `/__sim/faults?id=${added.id}`)).status).toBe(200);
      expect((await list()).status).toBe(200);
      const state = (await (await admin('GET', '/__sim/state')).json()) as Record<string, unknown>;
      expect(state).toHaveProperty('devices');
      expect((state['counters'] as Record<string, number>)['device.list']).toBeGreaterThanOrEqual(2);
      expect(sim.counters.get('device.list')).toBeGreaterThanOrEqual(2);
    });
  });

  it('answers every endpoint of the document with code 0 or a documented code for a minimal valid request', async () => {
    const seen = new Set<string>();
    let succeeded = 0;
    for (const entry of CATALOG) {
      const res = await call(entry.method, entry.path, catalogRequest(entry));
      expect.soft({ id: entry.id, status: res.status }).toEqual({ id: entry.id, status: 200 });
      const body = await envelope(res);
      const documented = DOCUMENTED_CODES.has(body.code) && body.msg.startsWith(MESSAGES[body.code]!.replace(/%s.*$/, ''));
      expect.soft(documented, `${entry.id}: ${JSON.stringify(body)}`).toBe(true);
      if (body.code === 0) {
        succeeded += 1;
        if (entry.reply === 'page') expect.soft(body.data, entry.id).toMatchObject({ pageNum: 1, pageSize: entry.id === 'door.queryFeatureFailList' ? 10 : 20, total: expect.any(Number) });
        if (entry.reply === 'array') expect.soft(Array.isArray(body.data), entry.id).toBe(true);
        if (entry.reply === 'string') expect.soft(typeof body.data, entry.id).toBe('string');
        if (entry.reply === 'object') expect.soft(typeof body.data, entry.id).toBe('object');
      }
      seen.add(entry.id);
    }
    expect(seen.size).toBe(80);
    // The rest answer codes such as 100009 or 103012 for the deliberately missing uuids.
    expect(succeeded).toBeGreaterThan(70);
  });

  it('serves https with the given certificate', async () => {
    const cert = selfSignedCertificate();
    const secure = await startHongtuSimulator({ tls: cert });
    const dispatcher = new Agent({ connect: { ca: cert.cert } });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const headers = signedHeaders({ uri: '/v1/api/device/list', method: 'POST', query: '', bodyMd5: EMPTY_BODY_MD5, ...APPKEY1 });
      const res = await undiciFetch(`${secure.url}/v1/api/device/list`, { method: 'POST', body: '{}', headers: { ...headers, 'content-type': 'application/json' }, dispatcher });
      expect(await res.json()).toMatchObject({ code: 0, data: { total: 2 } });
    } finally {
      await dispatcher.close();
      await secure.close();
    }
  });

  it('starts from command-line arguments and prints one JSON line', async () => {
    const lines: string[] = [];
    const started = await startSimulatorFromArgs(['--host', '127.0.0.3', '--app-key', 'site-key', '--secret', 's3cret', '--empty'], (line) => lines.push(line));
    try {
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual({ url: started.url, appKey: 'site-key', secretKey: 's3cret', adminToken: 's3cret' });
      expect(started.url).toMatch(/^http:\/\/127\.0\.0\.3:\d+$/);
      const body = await envelope(await callHongtu(started.url, 'POST', '/v1/api/device/list', { appKey: 'site-key', secretKey: 's3cret' }));
      expect(body.data).toMatchObject({ total: 0 });
      expect((await envelope(await callHongtu(started.url, 'POST', '/v1/api/device/list'))).code).toBe(100008);
    } finally {
      await started.close();
    }
  });
});
