import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { K30Adapter } from '../../../../electron/drivers/k30/adapter.ts';
import type { K30ClientOptions } from '../../../../electron/drivers/k30/client.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import type { K30Simulator } from '../../../simulators/k30/server.ts';


/** The K30 adapter over real HTTP against the simulator (issue 14 item 4, begun): connection test, inventory, door calls, events. */
describe('K30 adapter', () => {
  let sim: K30Simulator;
  /** How far the simulator's clock is ahead (its HTTP Date header stays the real time). */
  let simAhead = 0;
  const adapters: K30Adapter[] = [];
  const adapter = (options: Partial<K30ClientOptions> = {}) => {
    const made = new K30Adapter({ baseUrl: sim.url, companyNo: DEFAULT_COMPANY_NO, ...options });
    adapters.push(made);
    return made;
  };

  beforeAll(async () => {
    sim = await startK30Simulator({ clock: () => new Date(Date.now() + simAhead) });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
    simAhead = 0;
  });
  afterEach(async () => {
    await Promise.all(adapters.splice(0).map((a) => a.close()));
  });

  it('ok: K30 named, devices, departments and regions counted', async () => {
    const test = await adapter().testConnection();
    expect(test).toMatchObject({ verdict: 'ok', cause: null, advice: null, facts: { product: 'K30', devices: 3, departments: 1, regions: 2 } });
    expect(test.facts['replySignVerified']).toBeUndefined();
  });

  it('a company number K30 does not have: bad-credentials, saying what to do in both languages', async () => {
    const test = await adapter({ companyNo: '1700000000000099' }).testConnection();
    expect(test).toMatchObject({ verdict: 'bad-credentials', cause: 'bad_credentials', facts: { product: 'K30' } });
    expect(test.advice?.en).toMatch(/company number/);
    expect(test.advice?.['zh-CN']).toMatch(/企业编号/);
  });

  it('a company number that is not 16 characters: bad-credentials naming the length', async () => {
    const test = await adapter({ companyNo: '12345' }).testConnection();
    expect(test.verdict).toBe('bad-credentials');
    expect(test.advice?.en).toMatch(/16/);
  });

  it('wrong-company and undecryptable data: bad-credentials (the company number)', async () => {
    sim.faults.wrongCompany({ endpoint: 'device.list', count: 1 });
    expect((await adapter().testConnection()).verdict).toBe('bad-credentials');
    sim.faults.undecryptableData({ endpoint: 'device.list', count: 1 });
    const test = await adapter().testConnection();
    expect(test.verdict).toBe('bad-credentials');
    expect(test.advice?.['zh-CN']).toMatch(/企业编号/);
  });

  it('clock: K30 refuses the timestamp → clock-skew with what to do', async () => {
    simAhead = 10 * 60_000;
    const test = await adapter().testConnection();
    expect(test).toMatchObject({ verdict: 'clock-skew', facts: { product: 'K30' } });
    expect(test.advice?.en).toMatch(/clock/);
    expect(test.advice?.['zh-CN']).toMatch(/时钟/);
  });

  it('a login page instead of the API: not-vendor, with K30’s address advice', async () => {
    sim.faults.htmlPage({ endpoint: 'device.list', count: 1 });
    const test = await adapter().testConnection();
    expect(test).toMatchObject({ verdict: 'not-vendor', cause: 'not_json' });
    expect(test.advice?.en).toMatch(/http:\/\/IP:Port/);
    expect(test.advice?.['zh-CN']).toMatch(/K30 开放接口/);
  });

  it('nothing listening: unreachable', async () => {
    const gone = await startK30Simulator({ clock: () => new Date(Date.now() + simAhead) });
    const url = gone.url;
    await gone.close();
    expect((await adapter({ baseUrl: url }).testConnection()).verdict).toBe('unreachable');
  });

  it('a reply sign that does not verify (warn): ok, and the facts say so', async () => {
    sim.faults.badReplySign({ endpoint: 'device.list', count: 1 });
    const test = await adapter().testConnection();
    expect(test).toMatchObject({ verdict: 'ok', facts: { replySignVerified: false } });
  });

  it('devices are the doors: online state, and each reader’s entry/exit direction', async () => {
    const a = adapter();
    const devices = await a.listDevices();
    expect(devices.find((d) => d.id === SEED_IDS.gateIn)).toEqual({
      id: SEED_IDS.gateIn, name: '大门入口', serial: null, ip: '192.0.2.41', model: null, kind: 'face-panel', online: true, notes: { serial: 'not-in-api', model: 'not-in-api' },
    });
    expect(devices.find((d) => d.id === SEED_IDS.office)?.online).toBe(false);
    const doors = await a.listDoors();
    expect(doors.find((d) => d.id === SEED_IDS.gateOut)).toMatchObject({ name: '大门出口', deviceId: SEED_IDS.gateOut, state: { online: true, text: '工地大门 / 大门' } });
    const readers = await a.listReaders();
    expect(readers.find((r) => r.id === SEED_IDS.gateIn)?.direction).toBe('in');
    expect(readers.find((r) => r.id === SEED_IDS.gateOut)?.direction).toBe('out');
  });

  it('departments, and regions as access levels with the devices in them', async () => {
    const a = adapter();
    expect(await a.listDepartments()).toEqual([{ id: SEED_IDS.department, name: '项目部', parentId: null }]);
    const levels = await a.listAccessLevels();
    expect(levels.find((l) => l.id === SEED_IDS.gateRegion)).toEqual({ id: SEED_IDS.gateRegion, name: '工地大门', doorIds: expect.arrayContaining([SEED_IDS.gateIn, SEED_IDS.gateOut]) as string[] });
    expect(levels.find((l) => l.id === SEED_IDS.defaultRegion)?.doorIds).toEqual([SEED_IDS.office]);
  });

  it('regions whose devices cannot be read: the doors are "not read", the regions still listed', async () => {
    sim.faults.malformedJson({ endpoint: 'device.list', count: 1 });
    const levels = await adapter().listAccessLevels();
    expect(levels).toHaveLength(2);
    expect(levels[0]).toMatchObject({ doorIds: null, notes: { doorIds: 'not-read' } });
  });

  it('open door: device.openDoor, and the pass record it leaves (mode 11) reads as a remote open', async () => {
    const a = adapter();
    const cursor = a.eventsCursorAt(new Date(Date.now() - 1_000));
    await a.openDoor(SEED_IDS.gateIn, 5);
    const page = await a.events(cursor);
    const opened = page.events.filter((e) => e.kind === 'remote-open');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ doorId: SEED_IDS.gateIn, verifyMode: '远程开门', description: '远程开门' });
    expect(opened[0]?.eventId).toMatch(/^k30:/);
    // Read again from the cursor it gave: nothing twice.
    expect((await a.events(page.cursor)).events).toEqual([]);
  });

  it('an offline device: vendor_error that says it is offline, in both languages', async () => {
    const error = await adapter().openDoor(SEED_IDS.office, 5).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'vendor_error', vendor: 'k30', endpoint: 'device.openDoor' });
    expect((error as { advice: { en: string; 'zh-CN': string } }).advice.en).toMatch(/offline/);
  });

  it('door modes: hold open (1) and hold closed (2); no way back to normal, and no remote close — said in capabilities', async () => {
    const a = adapter();
    await a.setDoorMode(SEED_IDS.gateIn, 'normally-open');
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(1);
    await a.setDoorMode(SEED_IDS.gateIn, 'normally-closed');
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(2);
    await expect(a.setDoorMode(SEED_IDS.gateIn, 'restore')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(a.closeDoor()).rejects.toMatchObject({ code: 'unsupported' });
    expect(a.capabilities.doorModes).toEqual(['normally-open', 'normally-closed']);
    expect(a.capabilities.notes['doorModes']?.['zh-CN']).toMatch(/没有恢复正常/);
  });

  it('events: passes and refusals by record number, the person by job number, each once', async () => {
    const a = adapter();
    const cursor = a.eventsCursorAt(new Date(Date.now() - 1_000));
    const passed = sim.emitPassRecord({ deviceno: SEED_IDS.gateIn, peopleno: SEED_IDS.zhangSan });
    const stranger = sim.emitPassRecord({ deviceno: SEED_IDS.gateOut, stranger: true });
    const page = await a.events(cursor);
    expect(page.events.find((e) => e.eventId === `k30:${passed.no}`)).toMatchObject({ kind: 'pass', personPin: 'A0001', personName: '张三', doorId: SEED_IDS.gateIn, verifyMode: '智能识别' });
    expect(page.events.find((e) => e.eventId === `k30:${stranger.no}`)).toMatchObject({ kind: 'denied', personPin: null });
    expect(new Set(page.events.map((e) => e.eventId)).size).toBe(page.events.length);
  });

  it('people: listed by job number (Doorman’s pin), found by it', async () => {
    const a = adapter();
    expect(await a.listPeople()).toContainEqual({ pin: 'A0001', name: '张三' });
    expect(await a.findPerson('A0001')).toEqual({ pin: 'A0001', name: '张三' });
    expect(await a.findPerson('NOPE')).toBeNull();
  });
});
