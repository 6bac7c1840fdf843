import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { HongtuAdapter } from '../../../electron/drivers/hongtu/adapter.ts';
import { ZkbioAdapter } from '../../../electron/drivers/zkbio/adapter.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { driverFailure } from '../../support/driver-failure.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * Issue 11 item 3: a write is done only when the transport (a 2xx status) and the vendor's envelope
 * (ZKBio code ≥ 0, Hongtu code 0) both say so. The simulators' `false-success` fault answers HTTP
 * 4xx/5xx with the vendor's success body and does not run the endpoint, as a broken gateway would.
 */
const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const TOKEN = 'write-confirmation-token';

describe('a success body under an HTTP error status is not a success', () => {
  it('ZKBio: person/add answered HTTP 500 with {"code":0} fails as http_status, and the person is not there', async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
    cleanup.push(() => sim.close(), () => adapter.close());
    sim.faults.falseSuccess(500, { endpoint: 'person.add' });
    const error = await driverFailure(adapter.upsertPerson({ pin: 'F3001', name: 'Wang' }));
    expect(error).toMatchObject({ code: 'http_status', status: 500, endpoint: 'person.add' });
    expect(error.advice?.en).toMatch(/HTTP 500/);
    expect(error.advice?.['zh-CN']).toMatch(/HTTP 500/);
    expect(sim.state.persons.has('F3001')).toBe(false);
  });

  it('ZKBio: every endpoint, any 4xx/5xx: a remote open and a list read fail the same way', async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
    cleanup.push(() => sim.close(), () => adapter.close());
    const doorId = sim.state.doors[0]?.id ?? '';
    sim.faults.falseSuccess(503, { endpoint: 'door.remoteOpenById' });
    expect(await driverFailure(adapter.openDoor(doorId, 5))).toMatchObject({ code: 'http_status', status: 503 });
    sim.faults.falseSuccess(404, { endpoint: 'door.list.v2' });
    expect(await driverFailure(adapter.client.call('door.list.v2', { pageNo: 1, pageSize: 10 }))).toMatchObject({ code: 'http_status', status: 404 });
  });

  it('ZKBio: a failure envelope under an error status stays the vendor’s typed refusal', async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
    cleanup.push(() => sim.close(), () => adapter.close());
    sim.faults.echoUrl(500, { endpoint: 'person.add', count: 1 });
    expect(await driverFailure(adapter.upsertPerson({ pin: 'F3002', name: 'Li' }))).toMatchObject({ code: 'vendor_error', vendorCode: -1, status: 500 });
    const wrongToken = new ZkbioAdapter({ baseUrl: sim.url, token: 'wrong', timeoutMs: 5_000 });
    cleanup.push(() => wrongToken.close());
    expect(await driverFailure(wrongToken.upsertPerson({ pin: 'F3002', name: 'Li' }))).toMatchObject({ code: 'bad_credentials', status: 401 });
  });

  it('Hongtu: person/batchAdd answered HTTP 502 with {"code":0} fails as http_status, and nobody is added', async () => {
    const sim = await startHongtuSimulator();
    const adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000 });
    cleanup.push(() => sim.close(), () => adapter.close());
    const before = sim.state.persons.size;
    sim.faults.falseSuccess(502, { endpoint: 'person.batchAdd' });
    expect(await driverFailure(adapter.upsertPerson({ pin: 'F3003', name: '王五' }))).toMatchObject({ code: 'http_status', status: 502, endpoint: 'person.batchAdd' });
    expect(sim.state.persons.size).toBe(before);
  });

  it('the sync queue keeps such a write pending (retried later), never done', async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    cleanup.push(() => sim.close());
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: TOKEN } })).id;
    await call(core, 'people.enroll', { siteId, person: { pin: 'F3004', name: 'Zhao' }, targets: [{ backendId }] });
    sim.faults.falseSuccess(500, { endpoint: 'person.add', count: 1 });
    expect(await core.sync.runOnce()).toMatchObject({ pending: 1, done: 0 });
    const [entry] = (await call(core, 'outbox.list', { siteId })).entries;
    expect(entry).toMatchObject({ state: 'pending', lastError: { code: 'http_status' } });
    expect(entry?.nextTryAt).not.toBeNull();
    expect(sim.state.persons.has('F3004')).toBe(false);
  });
});
