import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRecord } from '../../../../electron/backends/backend.ts';
import { ZkbioAdapter } from '../../../../electron/drivers/zkbio/adapter.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../../simulators/zkbio/server.ts';
import { driverFailure } from '../../../support/driver-failure.ts';
import { makeJpegHeader, makePng } from '../../../support/images.ts';
import { selfSignedCertificate } from '../../../support/tls-cert.ts';

const TOKEN = 'doorman-test-token';
let sim: ZkbioSimulator;
let adapter: ZkbioAdapter;

beforeEach(async () => {
  sim = await startZkbioSimulator({ token: TOKEN });
  adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000, minPollIntervalMs: 10_000 });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});


const photo = () => ({ bytes: makeJpegHeader(640, 480, 20_000) });

describe('ZKBio adapter against the simulator', () => {
  it('tests the connection: ok with server facts', async () => {
    const result = await adapter.testConnection();
    expect(result.verdict).toBe('ok');
    expect(result.facts).toMatchObject({ product: 'ZKBio CVSecurity', doors: sim.state.doors.length, accessDevices: sim.state.devices.filter((d) => d.module === 'acc').length });
    expect(result.clockSkewMs).not.toBeNull();
    expect(result.clockSkewMs).toBe(0);
  });

  it('over HTTPS with a self-signed certificate: a TLS verdict offering the fingerprint, then ok once pinned', async () => {
    const cert = selfSignedCertificate();
    const secure = await startZkbioSimulator({ token: TOKEN, tls: { key: cert.key, cert: cert.cert } });
    try {
      const strict = new ZkbioAdapter({ baseUrl: secure.url, token: TOKEN });
      const refused = await strict.testConnection();
      await strict.close();
      expect(refused).toMatchObject({ verdict: 'tls', facts: { certificateSha256: cert.fingerprint256, certificateSelfSigned: true } });
      const pinned = new ZkbioAdapter({ baseUrl: secure.url, token: TOKEN, tls: { mode: 'pinned', fingerprint256: cert.fingerprint256 } });
      expect((await pinned.testConnection()).verdict).toBe('ok');
      await pinned.close();
    } finally {
      await secure.close();
    }
  });

  it('names a wrong token, with where to get a right one', async () => {
    const wrong = new ZkbioAdapter({ baseUrl: sim.url, token: 'nope' });
    const result = await wrong.testConnection();
    await wrong.close();
    expect(result).toMatchObject({ verdict: 'bad-credentials', cause: 'bad_credentials' });
    expect(result.advice?.en).toContain('API Authorization');
    expect(result.advice?.['zh-CN']).toContain('API 授权');
  });

  it('names an HTML page where the API should be as "not ZKBio", and a dead port as unreachable', async () => {
    sim.faults.htmlLogin();
    expect(await adapter.testConnection()).toMatchObject({ verdict: 'not-vendor', cause: 'not_json' });
    const port = sim.port;
    await sim.close();
    const dead = new ZkbioAdapter({ baseUrl: `http://127.0.0.1:${port}`, token: TOKEN });
    expect(await dead.testConnection()).toMatchObject({ verdict: 'unreachable', cause: 'refused' });
    await dead.close();
    sim = await startZkbioSimulator({ token: TOKEN });
  });

  it('reads the inventory: devices, doors with state, readers, levels, departments', async () => {
    const devices = await adapter.listDevices();
    expect(devices.map((d) => d.serial).sort()).toEqual(sim.state.devices.filter((d) => d.module === 'acc').map((d) => d.sn).sort());
    const doors = await adapter.listDoors({ withState: true });
    expect(doors.map((d) => d.id).sort()).toEqual(sim.state.doors.map((d) => d.id).sort());
    expect(doors.every((d) => d.state !== null && d.state.online !== null)).toBe(true);
    expect((await adapter.listReaders()).length).toBe(sim.state.readers.length);
    expect((await adapter.listAccessLevels()).length).toBe(sim.state.levels.filter((l) => l.kind === 'acc').length);
    expect((await adapter.listDepartments()).map((d) => d.id).sort()).toEqual([...sim.state.departments.keys()].sort());
  });

  it('opens a door: the simulator records a remote opening that events and the monitor return once', async () => {
    const door = (await adapter.listDoors())[0];
    if (!door) throw new Error('no door');
    const seen: string[] = [];
    const watcher = adapter.watch({ intervalMs: 50, onEvent: (e) => seen.push(`${e.kind}|${e.doorId}|${e.eventId}`) });
    await new Promise((r) => setTimeout(r, 120));
    await adapter.openDoor(door.id, 3);
    const until = Date.now() + 3_000;
    while (!seen.some((s) => s.startsWith(`remote-open|${door.id}`)) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    watcher.stop();
    await watcher.done;
    expect(seen.filter((s) => s.startsWith(`remote-open|${door.id}`))).toHaveLength(1);
    const page = await adapter.events(null);
    const opened = page.events.filter((e) => e.kind === 'remote-open' && e.doorId === door.id);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.eventId).toMatch(/^zk:[0-9a-f]{32}$/);
    await adapter.closeDoor(door.id);
  });

  it('refuses an open time outside 1–254 s before sending, and says door modes are not in the API', async () => {
    const door = (await adapter.listDoors())[0];
    if (!door) throw new Error('no door');
    const before = sim.counters.get('door.remoteOpenById');
    expect((await driverFailure(adapter.openDoor(door.id, 255))).vendorCode).toBe(-45);
    expect(sim.counters.get('door.remoteOpenById')).toBe(before);
    expect(adapter.capabilities.doorModes).toEqual([]);
    const unsupported = await driverFailure(adapter.setDoorMode(door.id, 'normally-open'));
    expect(unsupported.code).toBe('unsupported');
    expect(unsupported.advice?.['zh-CN']).toContain('常开');
  });

  it('upserts a person by pin: a second save updates, never duplicates', async () => {
    const before = sim.state.persons.size;
    await adapter.upsertPerson({ pin: 'T100', name: 'Zhang', cardNo: '99000001', photo: photo() });
    await adapter.upsertPerson({ pin: 'T100', name: 'Zhang Wei', cardNo: '99000001', photo: photo() });
    expect(sim.state.persons.size).toBe(before + 1);
    expect(sim.state.persons.get('T100')?.name).toBe('Zhang Wei');
    const levels = (await adapter.listAccessLevels()).map((l) => l.id);
    const department = (await adapter.listDepartments())[0]?.id;
    await adapter.upsertPerson({
      pin: 'T100',
      name: 'Zhang Wei',
      gender: 'M',
      departmentId: department,
      cardNo: '99000002',
      accessLevelIds: levels,
      validFrom: '2026-11-01 00:00:00',
      validTo: '2027-06-30 23:59:59',
    });
    expect(sim.state.persons.get('T100')).toMatchObject({
      gender: 'M',
      deptCode: department,
      cardNo: '99000002',
      accLevelIds: expect.arrayContaining(levels),
      accStartTime: '2026-11-01 00:00:00',
      accEndTime: '2027-06-30 23:59:59',
    });
    expect(sim.state.persons.get('T100')?.photo).not.toBeNull();
    await adapter.deletePerson('T100');
    expect(sim.state.persons.has('T100')).toBe(false);
    expect((await driverFailure(adapter.deletePerson('T100'))).vendorCode).toBe(-22);
  });

  it('refuses a photo that is not a JPEG/PNG or is below 80,000 pixels, before sending', async () => {
    const before = sim.counters.get('person.add');
    const notImage = await driverFailure(adapter.upsertPerson({ pin: 'T1', name: 'x', photo: { bytes: Buffer.from('GIF89a not a jpeg at all') } }));
    expect(notImage.code).toBe('invalid_params');
    expect(notImage.details).toMatchObject({ reason: 'format' });
    const small = await driverFailure(adapter.upsertPerson({ pin: 'T1', name: 'x', photo: { bytes: makePng(200, 200) } }));
    expect(small).toMatchObject({ code: 'invalid_params', vendorCode: -5001 });
    expect(sim.counters.get('person.add')).toBe(before);
  });

  it('bulk-upserts in batches and isolates the person the server refuses', async () => {
    const people: PersonRecord[] = Array.from({ length: 250 }, (_, i) => ({ pin: `B${i}`, name: `Worker ${i}` }));
    people[137] = { pin: 'B137', name: 'Bad department', departmentId: 'NO-SUCH-DEPT' };
    const progress: number[] = [];
    const result = await adapter.upsertPersons(people, { batchSize: 100, onProgress: (p) => progress.push(p.done) });
    expect(result.done).toBe(249);
    expect(result.failures).toEqual([{ pin: 'B137', code: '-13', message: expect.stringContaining('-13') }]);
    expect(sim.counters.get('person.addPersons.v2')).toBe(3);
    expect(progress.at(-1)).toBe(249);
    for (const pin of ['B0', 'B136', 'B138', 'B249']) expect(sim.state.persons.has(pin)).toBe(true);
    expect(sim.state.persons.has('B137')).toBe(false);
  });

  it('checks a face photo with detectFace and turns refusals into advice', async () => {
    expect(await adapter.checkFacePhoto({ bytes: makePng(400, 400) })).toEqual({ ok: true, vendorCode: null, advice: null });
    const noFace = makePng(401, 401);
    sim.setFaceVerdict({ personPhoto: noFace.toString('base64') }, -5002);
    const result = await adapter.checkFacePhoto({ bytes: noFace });
    expect(result).toMatchObject({ ok: false, vendorCode: -5002 });
    expect(result.advice?.en).toContain('No face');
  });

  it('pages through every event and continues from its cursor without repeats', async () => {
    const first = await adapter.events(null);
    // Listed transactions carry their id: 230 passes in the same second are still 230 events.
    for (let i = 0; i < 230; i++) sim.emitTransaction({ pin: '1001' });
    const second = await adapter.events(first.cursor);
    expect(second.events.length).toBe(230);
    expect(new Set(second.events.map((e) => e.eventId)).size).toBe(230);
    expect(sim.counters.get('transaction.list.v2')).toBeGreaterThanOrEqual(3);
    const third = await adapter.events(second.cursor);
    expect(third.events).toEqual([]);
    sim.emitTransaction({ pin: '1002', at: Date.now() });
    const fourth = await adapter.events(third.cursor);
    expect(fourth.events.map((e) => e.personPin)).toEqual(['1002']);
  });

  it('keeps to the 10 s polling limit for door state unless forced', async () => {
    await adapter.client.call('door.allDoorState', { timestamp: 1 });
    expect((await driverFailure(adapter.client.call('door.allDoorState', { timestamp: 1 }))).code).toBe('too_frequent');
    expect(sim.counters.get('door.allDoorState')).toBe(1);
    await adapter.client.call('door.allDoorState', { timestamp: 1 }, { force: true });
    expect(sim.counters.get('door.allDoorState')).toBe(2);
  });

  it('turns every broken reply into a typed error and carries on', async () => {
    const call = () => adapter.client.call('door.list.v2', { pageNo: 1, pageSize: 10 });
    sim.faults.malformedJson({ count: 1 });
    expect((await driverFailure(call())).code).toBe('truncated_json');
    sim.faults.wrongShape('data', { count: 1 });
    expect((await driverFailure(call())).code).toBe('schema_mismatch');
    sim.faults.httpError(502, { count: 1 });
    expect((await driverFailure(call())).code).toBe('http_status');
    sim.faults.reset({ count: 1 });
    expect((await driverFailure(call())).code).toBe('reset');
    sim.faults.htmlLogin({ count: 1 });
    expect((await driverFailure(call())).code).toBe('not_json');
    expect(await call()).toMatchObject({ total: sim.state.doors.length });
  });

  it('cancels a call in flight', async () => {
    sim.faults.latency(2_000, { count: 1 });
    const controller = new AbortController();
    const pending = adapter.listDevices({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await driverFailure(pending)).code).toBe('aborted');
  });

  it('names endpoints and parameters the table does not have, before sending', async () => {
    expect((await driverFailure(adapter.client.call('door.explode', {}))).code).toBe('invalid_params');
    const missing = await driverFailure(adapter.client.call('door.remoteOpenById', { doorId: 'x' }));
    expect(missing.code).toBe('invalid_params');
    expect(missing.message).toContain('interval');
  });
});
