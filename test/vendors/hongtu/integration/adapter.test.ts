import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HongtuAdapter } from '../../../../electron/drivers/hongtu/adapter.ts';
import { addDoor, bindPanel, createGroup, deletePanel, grantAuthority, importPanel, listDiscovered, listSchedules } from '../../../../electron/drivers/hongtu/commissioning.ts';
import type { EndpointCall } from '../../../../electron/drivers/step-reply.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { driverFailure } from '../../../support/driver-failure.ts';
import { makePng } from '../../../support/images.ts';

let sim: HongtuSimulator;
let adapter: HongtuAdapter;
/** The set-up steps (commissioning.ts) call endpoints through the adapter's client. */
const call: EndpointCall = (endpoint, params) => adapter.client.call(endpoint, params);

beforeEach(async () => {
  sim = await startHongtuSimulator();
  adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000 });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});

describe('Hongtu adapter against the simulator', () => {
  it('tests the connection: ok, with the counts of doors, devices and discovered panels', async () => {
    const result = await adapter.testConnection();
    expect(result.verdict).toBe('ok');
    expect(result.facts).toMatchObject({ product: 'Hongtu 2000', discoveredPanels: 2 });
    expect(result.clockSkewMs).toBe(0);
  });

  it('tells a wrong secret (signature) from a wrong clock (clock skew), both refused with 100008', async () => {
    const wrongSecret = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: 'not-the-secret' });
    const signature = await wrongSecret.testConnection();
    await wrongSecret.close();
    expect(signature).toMatchObject({ verdict: 'signature', cause: 'bad_credentials' });
    expect(signature.advice?.en).toMatch(/appKey|secret/i);

    const slowClock = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, now: () => Date.now() - 10 * 60_000 });
    const skewed = await slowClock.testConnection();
    await slowClock.close();
    expect(skewed.verdict).toBe('clock-skew');
    expect(Math.round((skewed.clockSkewMs ?? 0) / 60_000)).toBe(10);
    expect(skewed.advice?.['zh-CN']).toMatch(/时间|时钟/);
  });

  it('names an HTML page as "not Hongtu" and a dead port as unreachable', async () => {
    sim.faults.htmlPage();
    expect((await adapter.testConnection()).verdict).toBe('not-vendor');
    const port = sim.port;
    await sim.close();
    const dead = new HongtuAdapter({ baseUrl: `http://127.0.0.1:${port}`, appKey: 'appkey1', secretKey: 'x' });
    expect(await dead.testConnection()).toMatchObject({ verdict: 'unreachable', cause: 'refused' });
    await dead.close();
    sim = await startHongtuSimulator();
  });

  it('upserts a person by personnel number with the face uploaded first, and deletes by it', async () => {
    const before = sim.state.persons.size;
    await adapter.upsertPerson({ pin: 'W1001', name: '赵六', gender: 'M', photo: { bytes: makePng(480, 640) } });
    await adapter.upsertPerson({ pin: 'W1001', name: '赵六六', photo: { bytes: makePng(480, 640) } });
    expect(sim.state.persons.size).toBe(before + 1);
    const person = [...sim.state.persons.values()].find((p) => p.code === 'W1001');
    expect(person).toMatchObject({ name: '赵六六' });
    expect(person?.imageUri).toBeTruthy();
    await adapter.deletePerson('W1001');
    expect([...sim.state.persons.values()].some((p) => p.code === 'W1001')).toBe(false);
  });

  it('turns a face refusal on upload into re-capture advice', async () => {
    const image = makePng(481, 641);
    sim.setFaceVerdict({ bytes: image }, 121031);
    const result = await adapter.checkFacePhoto({ bytes: image });
    expect(result).toMatchObject({ ok: false, vendorCode: 121031 });
    expect(result.advice?.en).toBeTruthy();
    expect(await adapter.checkFacePhoto({ bytes: makePng(482, 642) })).toMatchObject({ ok: true });
  });

  it('commissions a discovered panel step by step and opens its door', async () => {
    const discovered = await listDiscovered(call);
    expect(discovered.map((d) => d.snCode).sort()).toEqual([SEED_IDS.panelASn, SEED_IDS.panelBSn].sort());
    const panel = [...sim.state.discovered.values()].find((d) => d.snCode === SEED_IDS.panelASn);
    if (!panel) throw new Error('no discovered panel');
    await importPanel(call, { panel: { uuid: panel.uuid, snCode: panel.snCode, discoveryMethod: 1 }, name: 'North gate', location: 'North', deviceModel: panel.deviceModel });
    const devices = await adapter.listDevices();
    const imported = devices.find((d) => d.serial === SEED_IDS.panelASn || d.name === 'North gate');
    if (!imported) throw new Error('panel not imported');
    expect(imported.kind).toBe('face-panel');
    expect((await listDiscovered(call)).map((d) => d.snCode)).toEqual([SEED_IDS.panelBSn]);

    await bindPanel(call, SEED_IDS.edgeServer, imported.id);
    await addDoor(call, imported.id);
    const doors = await adapter.listDoors();
    expect(doors.map((d) => d.id)).toContain(imported.id);

    await createGroup(call, 'Workers');
    const group = (await adapter.listAccessLevels()).find((l) => l.name === 'Workers');
    const schedule = (await listSchedules(call)).find((s) => s.name === '全天');
    if (!group || !schedule) throw new Error('no group or schedule');
    await grantAuthority(call, imported.id, group.id, schedule.uuid);

    await adapter.openDoor(imported.id, 5);
    const page = await adapter.events(null);
    expect(page.events.filter((e) => e.kind === 'remote-open' && e.doorId === imported.id)).toHaveLength(1);
    expect((await adapter.events(page.cursor)).events).toEqual([]);
    expect(adapter.capabilities.closeDoor).toBe(false);
    expect((await driverFailure(adapter.closeDoor())).code).toBe('unsupported');
  });

  it('adds and deletes a camera, reads and sets a door’s configuration, and adds a schedule', async () => {
    await adapter.addDevice({ name: 'Gate cam', location: 'North', deviceType: 4, deviceModel: 8, deviceMode: 4, ipAddress: '192.0.2.50' });
    const camera = (await adapter.listDevices()).find((d) => d.name === 'Gate cam');
    if (!camera) throw new Error('camera not added');
    expect(camera.kind).toBe('camera');
    await deletePanel(call, camera.id);
    expect((await adapter.listDevices()).some((d) => d.name === 'Gate cam')).toBe(false);

    const panel = [...sim.state.discovered.values()][0];
    if (!panel) throw new Error('no panel');
    await importPanel(call, { panel: { uuid: panel.uuid, snCode: panel.snCode, discoveryMethod: 1 }, name: 'South gate', location: 'South', deviceModel: panel.deviceModel });
    const imported = (await adapter.listDevices()).find((d) => d.name === 'South gate');
    if (!imported) throw new Error('not imported');
    await bindPanel(call, SEED_IDS.edgeServer, imported.id);
    await addDoor(call, imported.id);
    await adapter.configureDoor(imported.id, { customConfig: { openDuration: 7 } });
    expect(await adapter.doorConfig(imported.id)).toMatchObject({ uuid: imported.id, customConfig: { openDuration: 7 } });

    const workDay = [1, 2, 3, 4, 5].map((week) => ({ week, during: [{ from: '07:00', to: '19:00' }] }));
    await adapter.addSchedules([{ name: '白班', type: 1, workDay }]);
    expect((await listSchedules(call)).map((s) => s.name)).toContain('白班');
    // A refused item of a batch is an error, not a silent success.
    const refused = await driverFailure(adapter.addSchedules([{ name: 'Day shift!', type: 1, workDay }]));
    expect(refused).toMatchObject({ code: 'vendor_error', vendorCode: 103005 });
  });

  it('turns broken replies into typed errors', async () => {
    const call = () => adapter.client.call('device.list', { pageNum: 1, pageSize: 10 });
    sim.faults.malformedJson({ count: 1 });
    expect((await driverFailure(call())).code).toBe('truncated_json');
    sim.faults.httpError(502, { count: 1 });
    expect((await driverFailure(call())).code).toBe('http_status');
    sim.faults.reset({ count: 1 });
    expect((await driverFailure(call())).code).toBe('reset');
    expect(await call()).toMatchObject({ pageNum: 1 });
  });
});
