import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../../shared/contract/index.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { logFilePath } from '../../../../electron/log/logger.ts';
import { InventoryTable } from '../../../../electron/store/inventory-table.ts';
import { LAYOUT_A } from '../../../../electron/drivers/zhejiang/messages.ts';
import { DEFAULT_CODEC_OPTIONS } from '../../../../electron/drivers/zhejiang/options.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { call } from '../../../../electron/cli/call.ts';

const tempDir = useTempDirs();
const SECRETS = { accessId: 'AID-1', accessKey: 'AKEY-2', accessSecret: 'very-secret-3' };
let core: Core;

async function failure<M extends MethodName>(method: M, input: unknown) {
  const reply = await core.dispatch(method, input as MethodInput<M>);
  if (reply.ok) throw new Error(`${method} succeeded`);
  return reply.error;
}

beforeEach(() => {
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
});
afterEach(async () => {
  await core.close();
});

/** A site with one backend whose stored inventory has doors D1 and D2. */
async function site(): Promise<{ siteId: number; backendId: number }> {
  const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
  const backend = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: 'http://127.0.0.1:9', credentials: { companyNo: 'ABCDEFGHIJKLMNOP' } })) as { id: number };
  const door = (id: string, name: string) => ({ id, name, deviceId: null, number: null, state: null, notes: {} });
  new InventoryTable(core.db).save(backend.id, { doors: [door('D1', 'North gate'), door('D2', 'South gate')] }, new Date().toISOString());
  return { siteId, backendId: backend.id };
}

describe('bridge.* (issue 16 items 2, 6)', () => {
  it('adds a bridge with sealed credentials shown only as set, flags http://, checks settings against the codec', async () => {
    const { siteId } = await site();
    const bridge = (await call(core, 'bridge.add', { siteId, tcp: '10.0.0.5:9000', httpsUrl: 'http://platform.test/api', credentials: SECRETS })) as Record<string, unknown>;
    expect(bridge).toMatchObject({ siteId, tcpHost: '10.0.0.5', tcpPort: 9000, plainHttp: true, tls: 'verify', credentialFields: ['accessId', 'accessKey', 'accessSecret'], enabled: true });
    expect(bridge['settings']).toMatchObject({ switches: DEFAULT_CODEC_OPTIONS, layout: 'A', responseSignCheck: 'warn', heartbeatSeconds: 30, maxFrameBytes: 4 * 1024 * 1024 });
    const text = JSON.stringify(await call(core, 'bridge.list', {}));
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    const row = core.db.prepare('SELECT credentials_sealed FROM bridges').get() as { credentials_sealed: string };
    expect(row.credentials_sealed).not.toContain('very-secret-3');
    expect(readFileSync(logFilePath(core.dataDir), 'utf8')).not.toContain('very-secret-3');

    const https = (await call(core, 'bridge.add', { siteId, tcp: '[::1]:9001', httpsUrl: 'https://platform.test', credentials: SECRETS, tls: { mode: 'accept-any' } })) as Record<string, unknown>;
    expect(https).toMatchObject({ tcpHost: '::1', plainHttp: false, tls: 'accept-any', name: 'platform.test' });

    // Only accessSecret changes; the others are kept.
    await call(core, 'bridge.update', { id: bridge['id'] as number, credentials: { accessSecret: 'rotated' }, settings: { switches: { httpsParamEncoding: 'string' }, fieldNumbers: { requests: { C_SIGN_IN: { sign: 15 } } } } });
    const runtime = core.bridges.runtime(bridge['id'] as number);
    expect(runtime.credentials).toEqual({ ...SECRETS, accessSecret: 'rotated' });
    expect(runtime.settings.codec.httpsParamEncoding).toBe('string');
    expect(runtime.settings.layout.requests.C_SIGN_IN).toEqual({ ...LAYOUT_A.requests.C_SIGN_IN, sign: 15 });
    expect(runtime.settings.heartbeatMs).toBe(30_000);
  });

  it('refuses bad addresses, secrets, switches and field numbers, naming each', async () => {
    const { siteId } = await site();
    const base = { siteId, tcp: '10.0.0.5:9000', httpsUrl: 'https://p.test', credentials: SECRETS };
    expect((await failure('bridge.add', { ...base, tcp: '10.0.0.5' })).details?.['issues']).toMatchObject([{ path: ['tcp'], message: 'bridgeTcpAddress' }]);
    expect((await failure('bridge.add', { ...base, tcp: 'h:70000' })).code).toBe('invalid_input');
    expect((await failure('bridge.add', { ...base, httpsUrl: 'ftp://p.test' })).details?.['issues']).toMatchObject([{ path: ['httpsUrl'], message: 'bridgeUrl' }]);
    expect((await failure('bridge.add', { ...base, credentials: { ...SECRETS, accessSecret: '' } })).code).toBe('invalid_input');
    expect((await failure('bridge.add', { ...base, credentials: { ...SECRETS, accessKey: 'k'.repeat(257) } })).code).toBe('invalid_input');
    expect((await failure('bridge.add', { ...base, settings: { heartbeatSeconds: 60 } })).code).toBe('invalid_input');
    expect((await failure('bridge.add', { ...base, settings: { fieldNumbers: { requests: { C_AUTH: { sign: 536_870_912 } } } } })).code).toBe('invalid_input');
    const clash = await failure('bridge.add', { ...base, settings: { fieldNumbers: { requests: { C_HEARTBEAT: { sign: 2 } } } } });
    expect(clash.code).toBe('bridge_settings_invalid');
    expect(clash.details?.['problems']).toContain('C_HEARTBEAT request: sn and sign both 2');
    const badSwitch = await failure('bridge.add', { ...base, settings: { switches: { imgSignMode: 'null' } } });
    expect(badSwitch.details?.['problems']).toContain('imgSignMode must be one of delete, empty-string, not null');
    const badField = await failure('bridge.add', { ...base, settings: { fieldNumbers: { responses: { C_AUTH: { token: 9 } } } } });
    expect(badField.details?.['problems']).toContain('responses.C_AUTH.token: not a field');
    expect((await failure('bridge.add', { ...base, siteId: 99 })).code).toBe('site_not_found');
    expect(await call(core, 'bridge.list', {})).toEqual({ bridges: [] });
  });

  it('maps devices to the site’s inventory doors: refuses an unknown door, a door already mapped, a taken sn; lists names', async () => {
    const { siteId, backendId } = await site();
    const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: 'p.test:9000', httpsUrl: 'https://p.test', credentials: SECRETS })) as { id: number };
    const device = (await call(core, 'bridge.devices.add', { bridgeId, sn: 'ZJ-0001', doors: [{ backendId, doorId: 'D1' }] })) as Record<string, unknown>;
    expect(device).toMatchObject({ sn: 'ZJ-0001', doors: [{ backendId, doorId: 'D1', doorName: 'North gate', backendName: expect.any(String) }] });

    const unknown = await failure('bridge.devices.add', { bridgeId, sn: 'ZJ-0002', doors: [{ backendId, doorId: 'D2' }, { backendId, doorId: 'D9' }] });
    expect(unknown).toMatchObject({ code: 'bridge_door_unknown', details: { backendId, doorId: 'D9', siteId } });
    const taken = await failure('bridge.devices.add', { bridgeId, sn: 'ZJ-0002', doors: [{ backendId, doorId: 'D1' }] });
    expect(taken).toMatchObject({ code: 'bridge_door_taken', details: { doorId: 'D1', sn: 'ZJ-0001' } });
    expect((await failure('bridge.devices.add', { bridgeId, sn: 'ZJ-0001' })).code).toBe('bridge_sn_taken');
    expect((await failure('bridge.devices.add', { bridgeId, sn: 'has space' })).details?.['issues']).toMatchObject([{ message: 'bridgeSn' }]);
    expect((await failure('bridge.devices.add', { bridgeId, sn: 'x'.repeat(65) })).code).toBe('invalid_input');

    const second = (await call(core, 'bridge.devices.add', { bridgeId, sn: 'ZJ-0002', doors: [{ backendId, doorId: 'D2' }] })) as { id: number };
    expect(core.bridges.devicesForDoor(backendId, 'D2')).toEqual([{ bridgeId, deviceId: second.id, sn: 'ZJ-0002' }]);
    expect(((await call(core, 'bridge.devices.list', { bridgeId })) as { devices: { sn: string }[] }).devices.map((d) => d.sn)).toEqual(['ZJ-0001', 'ZJ-0002']);
    await call(core, 'bridge.devices.remove', { bridgeId, deviceId: second.id });
    expect((await failure('bridge.devices.remove', { bridgeId, deviceId: second.id })).code).toBe('bridge_device_not_found');
    expect((await failure('bridge.devices.list', { bridgeId: 42 })).code).toBe('bridge_not_found');
  });

  it('shows the queue (depth, oldest, failures with errors, retry) and the task history', async () => {
    const { siteId, backendId } = await site();
    const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: 'p.test:9000', httpsUrl: 'https://p.test', credentials: SECRETS })) as { id: number };
    const { id: deviceId } = (await call(core, 'bridge.devices.add', { bridgeId, sn: 'ZJ-0001', doors: [{ backendId, doorId: 'D1' }] })) as { id: number };
    const { signins, tasks } = core.bridges.tables;
    const recordTime = Date.now() - 60_000;
    signins.enqueue({ deviceId, backendId, eventId: 'e1', personId: 'P1', recordTime, type: '1' }, Date.now());
    signins.enqueue({ deviceId, backendId, eventId: 'e2', personId: 'P2', recordTime: recordTime + 1, type: '1' }, Date.now());
    const claimed = signins.claim(deviceId, Date.now())!;
    signins.failed(claimed.id, '500_01 系统异常', Date.now());
    const queue = (await call(core, 'bridge.queue', { bridgeId })) as Record<string, unknown>;
    expect(queue).toMatchObject({ depth: 2, oldestRecordTime: recordTime, devices: [{ deviceId, sn: 'ZJ-0001', depth: 2 }], failed: [{ eventId: 'e1', attempts: 1, lastError: '500_01 系统异常', state: 'failed' }] });
    expect(queue['oldestAgeMs']).toBeGreaterThanOrEqual(60_000);
    expect(await call(core, 'bridge.queue.retry', { bridgeId })).toEqual({ retried: 1 });

    tasks.receive(deviceId, ['t1'], new Date().toISOString());
    const [task] = tasks.open(deviceId);
    tasks.fetched(task!.id, 'T_SEND_PERSON', { personIds: ['P1'] }, new Date().toISOString());
    const history = (await call(core, 'bridge.tasks', { bridgeId })) as { tasks: Record<string, unknown>[] };
    expect(history.tasks).toMatchObject([{ taskid: 't1', sn: 'ZJ-0001', apicode: 'T_SEND_PERSON', state: 'fetched' }]);
    expect(history.tasks[0]).not.toHaveProperty('param');

    await call(core, 'bridge.remove', { id: bridgeId });
    expect(signins.depth(deviceId).depth).toBe(0);
    expect((await failure('bridge.get', { id: bridgeId })).code).toBe('bridge_not_found');
  });
});

describe('access levels of a bridge device’s workers (issue 16 item 3)', () => {
  it('defaults to the backend’s levels covering the device’s doors, takes levels set per backend, refuses unknown ones, and says when a backend has none', async () => {
    const { siteId, backendId } = await site();
    const door = (id: string, name: string) => ({ id, name, deviceId: null, number: null, state: null, notes: {} });
    const level = (id: string, doorIds: string[] | null) => ({ id, name: `Level ${id}`, doorIds, notes: {} });
    new InventoryTable(core.db).save(
      backendId,
      { doors: [door('D1', 'North gate'), door('D2', 'South gate'), door('D3', 'Yard')], accessLevels: [level('L1', ['D1']), level('L2', ['D1', 'D2']), level('L9', null), level('L3', ['D3'])] },
      new Date().toISOString(),
    );
    const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: '10.0.0.5:9000', httpsUrl: 'https://platform.test', credentials: SECRETS })) as { id: number };

    // None set: the levels whose doors include D1 (L9 lists no doors: not guessed at).
    const north = (await call(core, 'bridge.devices.add', { bridgeId, sn: 'ZJ-N', doors: [{ backendId, doorId: 'D1' }] })) as { id: number; levels: unknown[]; accessLevels: unknown[] };
    expect(north.accessLevels).toEqual([]);
    expect(north.levels).toEqual([{ backendId, backendName: expect.any(String), accessLevelIds: ['L1', 'L2'], from: 'doors' }]);
    expect([...core.bridges.workerLevels(north.id)]).toEqual([[backendId, ['L1', 'L2']]]);

    // Set per backend: those, and only those.
    const updated = (await call(core, 'bridge.devices.update', { bridgeId, deviceId: north.id, accessLevels: [{ backendId, accessLevelIds: ['L9'] }] })) as { levels: unknown[]; doors: unknown[] };
    expect(updated.levels).toEqual([{ backendId, backendName: expect.any(String), accessLevelIds: ['L9'], from: 'set' }]);
    expect(updated.doors).toHaveLength(1);
    expect(await failure('bridge.devices.update', { bridgeId, deviceId: north.id, accessLevels: [{ backendId, accessLevelIds: ['NOPE'] }] })).toMatchObject({ code: 'bridge_level_unknown', details: { backendId, accessLevelId: 'NOPE' } });
    expect(await failure('bridge.devices.add', { bridgeId, sn: 'ZJ-X', doors: [], accessLevels: [{ backendId, accessLevelIds: ['NOPE'] }] })).toMatchObject({ code: 'bridge_level_unknown' });

    // A door no level covers: the device's workers would get no access there — said in the device list and the status.
    const south = (await call(core, 'bridge.devices.add', { bridgeId, sn: 'ZJ-S', doors: [{ backendId, doorId: 'D3' }] })) as { id: number };
    await call(core, 'bridge.devices.update', { bridgeId, deviceId: south.id, doors: [{ backendId, doorId: 'D2' }] });
    new InventoryTable(core.db).save(backendId, { doors: [door('D1', 'North gate'), door('D2', 'South gate')], accessLevels: [level('L9', null)] }, new Date().toISOString());
    const { devices } = (await call(core, 'bridge.devices.list', { bridgeId })) as { devices: { sn: string; levels: { accessLevelIds: string[] }[] }[] };
    expect(devices.find((d) => d.sn === 'ZJ-S')?.levels).toEqual([expect.objectContaining({ accessLevelIds: [], from: 'doors' })]);
    const status = (await call(core, 'bridge.status', { bridgeId })) as { devices: { sn: string; backendsWithoutLevel: { backendId: number }[] }[] };
    expect(status.devices.find((d) => d.sn === 'ZJ-S')?.backendsWithoutLevel).toEqual([{ backendId, backendName: expect.any(String) }]);
    expect(status.devices.find((d) => d.sn === 'ZJ-N')?.backendsWithoutLevel).toEqual([]);
  });
});
