import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../../support/tls-cert.ts';
import { TOKEN_REJECTION } from '../../../simulators/zkbio/auth.ts';
import { CATALOG } from '../../../simulators/zkbio/catalog.ts';
import { startSimulatorFromArgs } from '../../../simulators/zkbio/cli.ts';
import { DOCUMENTED_CODES, messageFor } from '../../../simulators/zkbio/codes.ts';
import { makeJpegHeader, makePng, toBase64 } from '../../../simulators/zkbio/image-fixtures.ts';
import { startZkbioSimulator } from '../../../simulators/zkbio/server.ts';
import type { ZkbioSimulator } from '../../../simulators/zkbio/server.ts';
import { callZkbio, catalogRequest, json } from './zkbio-http.ts';

const TOKEN = 'sim-token-1';

describe('ZKBio simulator over HTTP', () => {
  let sim: ZkbioSimulator;
  let nowMs = Date.parse('2025-06-02T09:00:00Z');
  const call = (method: string, path: string, init: Parameters<typeof callZkbio>[3] = {}) => callZkbio(sim.url, method, path, { token: TOKEN, ...init });
  const firstDoor = () => sim.state.doors[0]!;

  beforeAll(async () => {
    sim = await startZkbioSimulator({ token: TOKEN, clock: () => new Date(nowMs) });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
  });

  describe('token', () => {
    it('rejects a missing, wrong or misspelt access_token with HTTP 401 and the documented body', async () => {
      const queries: Record<string, string>[] = [{}, { access_token: 'nope' }, { access_token: '' }, { acc_token: TOKEN }];
      for (const query of queries) {
        const res = await callZkbio(sim.url, 'GET', '/api/door/list', { query: { pageNo: '1', pageSize: '10', ...query } });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual(TOKEN_REJECTION.body);
      }
    });

    it('takes the token on POST and DELETE too, as a query parameter', async () => {
      const res = await callZkbio(sim.url, 'POST', '/api/door/remoteCloseById', { query: { doorId: firstDoor().id }, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(401);
      expect((await json(await call('POST', '/api/door/remoteCloseById', { query: { doorId: firstDoor().id } })))['code']).toBe(0);
    });

    it('checks the token before routing, like a servlet filter', async () => {
      const res = await callZkbio(sim.url, 'GET', '/api/no/such/thing');
      expect(res.status).toBe(401);
    });
  });

  describe('routing', () => {
    it('answers a wrong method with Spring’s 405 and Allow', async () => {
      const res = await call('POST', '/api/door/list', { query: { pageNo: '1', pageSize: '10' } });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
      expect(await res.json()).toMatchObject({ status: 405, error: 'Method Not Allowed', path: '/api/door/list' });
    });

    it('tells DELETE person/delete/{pin} from POST person/delete/{pin}{templateNo}', async () => {
      const res = await call('GET', '/api/person/delete/10010');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')?.split(', ').sort()).toEqual(['DELETE', 'POST']);
      expect(await json(await call('POST', '/api/person/delete/10019'))).toMatchObject({ code: -34 });
    });

    it('answers an unknown path 404, as JSON or as the Whitelabel page', async () => {
      const res = await call('GET', '/api/door/List', { query: { pageNo: '1', pageSize: '10' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 404, error: 'Not Found' });
      const html = await call('GET', '/api/door/list/', { headers: { accept: 'text/html' } });
      expect(html.status).toBe(404);
      expect(await html.text()).toContain('Whitelabel Error Page');
    });

    it('can serve a document’s literal path instead of the normalised one', async () => {
      const literal = await startZkbioSimulator({ token: TOKEN, paths: { 'door.remoteCloseById': '/api/door/remotecloseById' } });
      try {
        const doorId = literal.state.doors[0]!.id;
        expect((await callZkbio(literal.url, 'POST', '/api/door/remoteCloseById', { token: TOKEN, query: { doorId } })).status).toBe(404);
        expect(await json(await callZkbio(literal.url, 'POST', '/api/door/remotecloseById', { token: TOKEN, query: { doorId } }))).toMatchObject({ code: 0 });
      } finally {
        await literal.close();
      }
    });
  });

  describe('parameters', () => {
    it('answers the appendix code for each missing or bad parameter', async () => {
      const door = firstDoor();
      const cases: [string, string, Record<string, string>, number][] = [
        ['POST', '/api/door/remoteOpenById', { interval: '5' }, -44],
        ['POST', '/api/door/remoteOpenById', { doorId: door.id }, -202],
        ['POST', '/api/door/remoteOpenById', { doorId: door.id, interval: '0' }, -203],
        ['POST', '/api/door/remoteOpenById', { doorId: door.id, interval: '255' }, -45],
        ['POST', '/api/door/remoteOpenById', { doorId: door.id, interval: 'soon' }, -45],
        ['POST', '/api/door/remoteOpenById', { doorId: 'ffffffffffffffffffffffffffffffff', interval: '5' }, -47],
        ['POST', '/api/door/remoteOpenByName', { interval: '5' }, -46],
        ['GET', '/api/door/doorStateBySn', { timestamp: '1' }, -48],
        ['GET', '/api/person/get', {}, -20],
        ['GET', '/api/person/get', { pin: '99999' }, -22],
        ['GET', '/api/v2/accLevel/getById', { id: 'nope' }, -24],
        ['POST', '/api/accLevel/syncLevel', {}, -43],
        ['GET', '/api/door/allDoorState', { timestamp: 'yesterday' }, -100],
      ];
      for (const [method, path, query, code] of cases) {
        const body = await json(await call(method, path, { query }));
        expect({ path, query, code: body['code'] }).toEqual({ path, query, code });
        expect(typeof body['message']).toBe('string');
      }
    });

    it('pages: -92 empty, -90 not above 0, -91 above 1000', async () => {
      for (const path of ['/api/v2/door/list', '/api/transaction/list']) {
        expect(await json(await call('GET', path, { query: { pageNo: '1' } }))).toEqual({ code: -92, message: 'PageSize and pageNo cannot be empty', data: null });
        expect((await json(await call('GET', path, { query: { pageNo: '0', pageSize: '10' } })))['code']).toBe(-90);
        expect((await json(await call('GET', path, { query: { pageNo: '1', pageSize: '-1' } })))['code']).toBe(-90);
        expect(await json(await call('GET', path, { query: { pageNo: '1', pageSize: '1001' } }))).toEqual({ code: -91, message: 'PageSize is greater than 1000', data: null });
        expect((await json(await call('GET', path, { query: { pageNo: '1', pageSize: '1000' } })))['code']).toBe(0);
      }
    });

    it('returns v1 lists as arrays and v2 lists as the paged object', async () => {
      const v1 = await json(await call('GET', '/api/door/list', { query: { pageNo: '1', pageSize: '2' } }));
      expect(Array.isArray(v1['data'])).toBe(true);
      const v2 = await json(await call('GET', '/api/v2/door/list', { query: { pageNo: '2', pageSize: '2' } }));
      expect(v2['data']).toMatchObject({ page: 1, size: 1, total: 3, offset: 2, lastPage: true });
    });

    it('answers -1 for a body that is not JSON and 415 for a body that is not declared JSON', async () => {
      expect(await json(await call('POST', '/api/person/add', { raw: '{"pin": "1', contentType: 'application/json' }))).toMatchObject({ code: -1, message: 'Program error' });
      expect(await json(await call('POST', '/api/person/add', { body: [{ pin: '1' }] }))).toMatchObject({ code: -1 });
      expect((await call('POST', '/api/person/add', { raw: '{"pin":"1"}', contentType: 'text/plain' })).status).toBe(415);
    });
  });

  describe('doors and events', () => {
    it('records a remote open that list, monitor and door state show, once per monitor timestamp', async () => {
      const door = firstDoor();
      const key = String(nowMs);
      expect((await json(await call('GET', '/api/transaction/monitor', { query: { timestamp: key } })))['data']).toEqual([]);
      expect(await json(await call('POST', '/api/door/remoteOpenById', { query: { doorId: door.id, interval: '3' } }))).toEqual({ code: 0, message: 'success', data: null });

      const list = await json(await call('GET', '/api/v2/transaction/list', { query: { pageNo: '1', pageSize: '10' } }));
      const newest = (list['data'] as { data: Record<string, unknown>[] }).data[0];
      expect(newest).toMatchObject({ eventNo: 8, eventName: 'remote opening', doorName: door.name, eventPointName: door.name });
      expect(newest?.['id']).toMatch(/^[0-9a-f]{32}$/);

      const first = (await json(await call('GET', '/api/transaction/monitor', { query: { timestamp: key } })))['data'] as Record<string, unknown>[];
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({ eventName: 'remote opening', eventPointName: door.name });
      expect(first[0]).not.toHaveProperty('id');
      expect((await json(await call('GET', '/api/transaction/monitor', { query: { timestamp: key } })))['data']).toEqual([]);
      // Another timestamp is another session: it gets the event too.
      expect((await json(await call('GET', '/api/transaction/monitor', { query: { timestamp: String(nowMs - 1) } })))['data']).toHaveLength(1);

      const state = () => call('GET', '/api/door/doorStateById', { query: { doorId: door.id, timestamp: String(nowMs) } }).then(json);
      expect((await state())['data']).toMatchObject({ id: door.id, connect: '1', relay: 'open' });
      nowMs += 3_001;
      expect((await state())['data']).toMatchObject({ relay: 'off' });
    });

    it('answers -103 for a door whose device is offline', async () => {
      const door = firstDoor();
      const device = sim.state.deviceById(door.deviceId)!;
      device.online = false;
      try {
        expect((await json(await call('POST', '/api/door/remoteOpenByName', { query: { doorName: door.name, interval: '5' } })))['code']).toBe(-103);
        const state = await json(await call('GET', '/api/door/allDoorState', { query: { timestamp: '1' } }));
        expect((state['data'] as Record<string, unknown>[])[0]).toMatchObject({ connect: '0', relay: 'unknown' });
      } finally {
        device.online = true;
      }
    });

    it('suppresses door events on demand: the open succeeds, no record appears', async () => {
      const before = sim.events.all().length;
      sim.faults.suppressDoorEvents({ count: 1 });
      expect((await json(await call('POST', '/api/door/remoteOpenById', { query: { doorId: firstDoor().id, interval: '5' } })))['code']).toBe(0);
      expect(sim.events.all().length).toBe(before);
      expect((await json(await call('POST', '/api/door/remoteOpenById', { query: { doorId: firstDoor().id, interval: '5' } })))['code']).toBe(0);
      expect(sim.events.all().length).toBe(before + 1);
    });

    it('emits a walk-through that the person’s transactions show', async () => {
      const record = sim.emitTransaction({ pin: '1002', door: firstDoor().name, reader: 'out' });
      const body = await json(await call('GET', '/api/v2/transaction/getById', { query: { id: record.id } }));
      expect(body['data']).toMatchObject({ pin: '1002', name: 'Na', eventNo: 0, eventName: 'Normal Verify Open', readerState: 1 });
      const mine = await json(await call('GET', '/api/v3/transaction/person', { query: { pin: '1002', pageNo: '1', pageSize: '10' } }));
      expect((mine['data'] as { data: { id: string }[] }).data.map((t) => t.id)).toContain(record.id);
    });
  });

  describe('faults', () => {
    it('answers 5xx, resets, truncates JSON, shows a login page and swaps shapes', async () => {
      const query = { pageNo: '1', pageSize: '10' };
      sim.faults.httpError(503, { endpoint: 'door.list.v2', count: 1 });
      const failed = await call('GET', '/api/v2/door/list', { query });
      expect(failed.status).toBe(503);
      expect(await failed.text()).toContain('503');
      expect((await call('GET', '/api/v2/door/list', { query })).status).toBe(200);

      sim.faults.httpError(500, { count: 1 });
      expect(await (await call('GET', '/api/v2/door/list', { query })).json()).toMatchObject({ status: 500, error: 'Internal Server Error' });

      sim.faults.reset({ count: 1 });
      await expect(call('GET', '/api/v2/door/list', { query })).rejects.toThrow();

      sim.faults.malformedJson({ count: 1 });
      const cut = await call('GET', '/api/v2/door/list', { query });
      expect(cut.headers.get('content-type')).toContain('application/json');
      await expect(cut.json()).rejects.toThrow();

      sim.faults.htmlLogin({ count: 1 });
      const login = await call('GET', '/api/v2/door/list', { query });
      expect(login.status).toBe(200);
      expect(login.headers.get('content-type')).toContain('text/html');
      expect(await login.text()).toContain('<form');

      sim.faults.wrongShape('data', { count: 1 });
      expect(Array.isArray((await json(await call('GET', '/api/v2/door/list', { query })))['data'])).toBe(true);
      sim.faults.wrongShape('envelope', { count: 1 });
      expect(await json(await call('GET', '/api/v2/door/list', { query }))).not.toHaveProperty('code');
      expect(await json(await call('GET', '/api/v2/door/list', { query }))).toMatchObject({ code: 0 });
    });

    it('delays answers', async () => {
      sim.faults.latency(150, { endpoint: 'door.list', count: 1 });
      const started = performance.now();
      await call('GET', '/api/door/list', { query: { pageNo: '1', pageSize: '10' } });
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('takes faults over the admin route with the Bearer token, and shows state and counters', async () => {
      const admin = (method: string, path: string, body?: unknown, token = TOKEN) =>
        fetch(`${sim.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
      expect((await admin('POST', '/__sim/faults', { kind: 'http-error', status: 502, count: 1 }, 'wrong')).status).toBe(401);
      expect((await admin('POST', '/__sim/faults', { kind: 'nonsense' })).status).toBe(400);
      const added = (await (await admin('POST', '/__sim/faults', { kind: 'http-error', status: 502, endpoint: 'device.accList' })).json()) as { id: number };
      expect((await call('GET', '/api/device/acclist', { query: { pageNo: '1', pageSize: '10' } })).status).toBe(502);
      expect((await call('GET', '/api/device/acclist', { query: { pageNo: '1', pageSize: '10' } })).status).toBe(502);
      expect((await admin('DELETE', `/__sim/faults?id=${added.id}`)).status).toBe(200);
      expect((await call('GET', '/api/device/acclist', { query: { pageNo: '1', pageSize: '10' } })).status).toBe(200);

      const state = (await (await admin('GET', '/__sim/state')).json()) as Record<string, unknown>;
      expect(state).toHaveProperty('doors');
      expect((state['counters'] as Record<string, number>)['device.accList']).toBeGreaterThanOrEqual(3);
      expect(sim.counters.get('device.accList')).toBeGreaterThanOrEqual(3);
    });
  });

  describe('persons and faces', () => {
    it('upserts addPersons by pin and never duplicates', async () => {
      const photo = toBase64(makePng(320, 320));
      const batch = [
        { pin: '2001', name: 'First', deptCode: '2', personPhoto: photo },
        { pin: '2002', name: 'Second' },
        { pin: '2001', name: 'Again' },
      ];
      expect(await json(await call('POST', '/api/v2/person/addPersons', { body: batch }))).toEqual({ code: 0, message: 'success', data: null });
      expect((await json(await call('POST', '/api/v2/person/addPersons', { body: [{ pin: '2001', lastName: 'Later' }] })))['code']).toBe(0);
      const list = await json(await call('POST', '/api/v2/person/getPersonList', { body: { pins: '2001,2002', pageNo: 1, pageSize: 10 } }));
      const page = list['data'] as { total: number; data: Record<string, unknown>[] };
      expect(page.total).toBe(2);
      expect(page.data.find((person) => person['pin'] === '2001')).toMatchObject({ name: 'Again', lastName: 'Later', deptCode: '2', vislightPhoto: photo });
      expect(sim.state.persons.get('2001')?.photo).toMatchObject({ format: 'png', width: 320, height: 320 });
    });

    it('writes nothing when one element of a batch fails', async () => {
      const body = await json(await call('POST', '/api/v2/person/addPersons', { body: [{ pin: '2101' }, { pin: '2102', personPhoto: 'bm90IGFuIGltYWdl' }] }));
      expect(body).toEqual({ code: -27, message: 'Invalid personnel photo', data: null });
      expect(sim.state.persons.has('2101')).toBe(false);
    });

    it('checks photos: -27 not an image, -5001 small, -5006 grey, a set verdict, else 0', async () => {
      const detect = async (personPhoto: string) => (await json(await call('POST', '/api/v2/person/detectFace', { body: { personPhoto } })))['code'];
      expect(await detect('not base64!')).toBe(-27);
      expect(await detect(`data:image/png;base64,${toBase64(makePng(400, 300))}`)).toBe(-27);
      expect(await detect(toBase64(makePng(200, 200)))).toBe(-5001);
      expect(await detect(toBase64(makeJpegHeader(282, 282)))).toBe(-5001);
      expect(await detect(toBase64(makePng(400, 300, { grey: true })))).toBe(-5006);
      expect(await detect(toBase64(makePng(400, 300)))).toBe(0);
      expect(await detect(toBase64(makeJpegHeader(640, 480)))).toBe(0);
      const noFace = toBase64(makePng(400, 300, { rgb: [10, 200, 10] }));
      sim.setFaceVerdict({ personPhoto: noFace }, -5002);
      expect(await json(await call('POST', '/api/v2/person/detectFace', { body: { personPhoto: noFace } }))).toEqual({ code: -5002, message: 'No face was detected', data: null });
      expect((await json(await call('POST', '/api/person/add', { body: { pin: '2201', personPhoto: 'AAAA' } })))['code']).toBe(-27);
    });

    it('answers -23 for a card someone else holds and -13 for an unknown department', async () => {
      expect((await json(await call('POST', '/api/person/add', { body: { pin: '2301', cardNo: '10001001' } })))['code']).toBe(-23);
      expect((await json(await call('POST', '/api/person/add', { body: { pin: '2301', deptCode: '77' } })))['code']).toBe(-13);
    });
  });

  it('answers every endpoint of the document with code 0 or a documented code for a minimal valid request', async () => {
    const seen = new Set<string>();
    let succeeded = 0;
    for (const entry of CATALOG) {
      const request = catalogRequest(entry, sim.state);
      const res = await call(entry.method, request.path, request);
      const body = await json(res);
      expect.soft({ id: entry.id, status: res.status }).toEqual({ id: entry.id, status: 200 });
      if (entry.reply === 'ret-envelope') expect.soft(['ok', 'fail'], entry.id).toContain(body['ret']);
      else {
        const code = body['code'] as number;
        expect.soft(code === 0 || (DOCUMENTED_CODES.has(code) && body['message'] === messageFor(code)), `${entry.id}: ${JSON.stringify(body)}`).toBe(true);
        if (code === 0) succeeded += 1;
      }
      seen.add(entry.id);
    }
    expect(seen.size).toBe(217);
    // Most minimal requests succeed; the rest answer codes such as -22 for what the loop deleted earlier.
    expect(succeeded).toBeGreaterThan(180);
  });

  it('serves https with the given certificate', async () => {
    const cert = selfSignedCertificate();
    const secure = await startZkbioSimulator({ token: TOKEN, tls: cert });
    const dispatcher = new Agent({ connect: { ca: cert.cert } });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const res = await undiciFetch(`${secure.url}/api/v2/accLevel/list?pageNo=1&pageSize=10&access_token=${TOKEN}`, { dispatcher });
      expect(await res.json()).toMatchObject({ code: 0, data: { total: 2 } });
    } finally {
      await dispatcher.close();
      await secure.close();
    }
  });

  it('starts from command-line arguments and prints one JSON line', async () => {
    const lines: string[] = [];
    const started = await startSimulatorFromArgs(['--host', '127.0.0.2', '--token', 'cli-token', '--empty'], (line) => lines.push(line));
    try {
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual({ url: started.url, token: 'cli-token' });
      const body = await json(await callZkbio(started.url, 'GET', '/api/v2/door/list', { token: 'cli-token', query: { pageNo: '1', pageSize: '10' } }));
      expect(body['data']).toMatchObject({ total: 0 });
    } finally {
      await started.close();
    }
  });
});
