import { afterEach, describe, expect, it } from 'vitest';
import { HongtuClient } from '../../../electron/drivers/hongtu/client.ts';
import { ZkbioClient } from '../../../electron/drivers/zkbio/client.ts';
import { ZkbioAdapter } from '../../../electron/drivers/zkbio/adapter.ts';
import { UNMATCHED } from '../../simulators/common/counters.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import type { GetSigning } from '../../simulators/hongtu/auth.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { driverFailure } from '../../support/driver-failure.ts';

/**
 * Issue 11 item 18: where a vendor document is silent and its digest names a fallback, the driver
 * tries it — once, after the documented form is refused as the digest says — and remembers what
 * worked. The simulators play the server that only knows the other variant (ZKBio `paths`: the
 * document's literal URL; Hongtu `getSigning`: the GET's body hash).
 */
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const TOKEN = 'fallbacks-token';

async function zkbioWith(paths: Record<string, string>, documentFallbacks = true) {
  const sim = await startZkbioSimulator({ token: TOKEN, paths });
  const client = new ZkbioClient({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000, documentFallbacks });
  cleanup.push(() => sim.close(), () => client.close());
  return { sim, client };
}

describe('ZKBio: the document’s literal URL when the server answers 404 (zkbio.md §8.1–8.3)', () => {
  const cases: readonly { id: string; literal: string; params: (sim: Awaited<ReturnType<typeof zkbioWith>>['sim']) => Record<string, unknown>; source: string }[] = [
    { id: 'door.remoteCloseById', literal: '/api/door/remotecloseById', params: (sim) => ({ doorId: sim.state.doors[0]?.id }), source: '§8.2 #6' },
    { id: 'door.remoteCloseByName', literal: '/api/door/remotecloseByName', params: (sim) => ({ doorName: sim.state.doors[0]?.name }), source: '§8.2 #6' },
    { id: 'floor.remoteCloseById', literal: '/api/floor/remotecloseById', params: (sim) => ({ floorId: sim.state.floors[0]?.id }), source: '§8.2 #6' },
    { id: 'psgDevice.list', literal: '/api/psgdDevice/list', params: () => ({ pageNo: 1, pageSize: 20 }), source: '§8.2 #7' },
    { id: 'attApply.uploadLeaveImage', literal: '/api/attApply/uploadLeavelImage', params: () => ({ base64Image: 'aGVsbG8=' }), source: '§8.2 #8' },
    { id: 'accAdvanced.getWhoIsInsideByZone', literal: '/api/accAdvanced/getWholsInsideByZone', params: () => ({ code: '1' }), source: '§8.1 #2' },
    { id: 'accAdvanced.getWhoIsInsideByZoneList', literal: '/api/accAdvanced/getWholsInsideByZoneList', params: () => ({ pageNo: 1, pageSize: 20 }), source: '§8.1 #2' },
  ];

  it.each(cases)('$id: tries $literal after a 404 ($source), then goes straight to it', async ({ id, literal, params }) => {
    const { sim, client } = await zkbioWith({ [id]: literal });
    await client.call(id, params(sim));
    expect(sim.counters.get(UNMATCHED)).toBe(1);
    expect(sim.counters.get(id)).toBe(1);
    await client.call(id, params(sim));
    expect(sim.counters.get(UNMATCHED)).toBe(1);
    expect(sim.counters.get(id)).toBe(2);
  });

  it('psgTransaction.device.v3: the URL row’s /{deviceSn} first, then ?deviceSn= (§8.3 #18)', async () => {
    const { sim, client } = await zkbioWith({ 'psgTransaction.device.v3': '/api/v3/psgTransaction/device' });
    const deviceSn = sim.state.devices.find((d) => d.module === 'psg')?.sn ?? 'none';
    expect(await client.call('psgTransaction.device.v3', { deviceSn, pageNo: 1, pageSize: 10 })).toMatchObject({ total: expect.any(Number) });
    expect(sim.counters.snapshot()).toMatchObject({ [UNMATCHED]: 1, 'psgTransaction.device.v3': 1 });
  });

  it('a server that knows the documented spelling gets one request; the adapter closes a door either way', async () => {
    const plain = await zkbioWith({});
    await plain.client.call('door.remoteCloseById', { doorId: plain.sim.state.doors[0]?.id });
    expect(plain.sim.counters.snapshot()).toEqual({ 'door.remoteCloseById': 1 });

    const sim = await startZkbioSimulator({ token: TOKEN, paths: { 'door.remoteCloseById': '/api/door/remotecloseById' } });
    const adapter = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
    cleanup.push(() => sim.close(), () => adapter.close());
    await adapter.closeDoor(sim.state.doors[0]?.id ?? '');
    expect(sim.counters.get('door.remoteCloseById')).toBe(1);
  });

  it('with the fallbacks switched off, the 404 stands', async () => {
    const { sim, client } = await zkbioWith({ 'door.remoteCloseById': '/api/door/remotecloseById' }, false);
    expect(await driverFailure(client.call('door.remoteCloseById', { doorId: sim.state.doors[0]?.id }))).toMatchObject({ code: 'http_status', status: 404 });
    expect(sim.counters.get('door.remoteCloseById')).toBe(0);
  });

  it('a refusal that is not a 404 is not a reason to try another URL', async () => {
    const { sim, client } = await zkbioWith({ 'door.remoteCloseById': '/api/door/remotecloseById' });
    const error = await driverFailure(client.call('door.remoteCloseByName', { doorName: 'no such door' }));
    expect(error).toMatchObject({ code: 'vendor_error', vendorCode: -47 });
    expect(sim.counters.get(UNMATCHED)).toBe(0);
  });
});

async function hongtuWith(getSigning: GetSigning, documentFallbacks = true, secretKey?: string) {
  const sim = await startHongtuSimulator({ getSigning });
  const client = new HongtuClient({ baseUrl: sim.url, appKey: sim.appKey, secretKey: secretKey ?? sim.secretKey, timeoutMs: 5_000, documentFallbacks });
  cleanup.push(() => sim.close(), () => client.close());
  return { sim, client };
}

describe('Hongtu: GET /v1/api/device/info signs MD5("{}"), then "" on 100008 (hongtu.md §2.2, E6)', () => {
  it('a server that expects the empty body hash: one 100008, then the fallback, remembered', async () => {
    const { sim, client } = await hongtuWith('empty');
    expect(await client.call('device.info')).toMatchObject({ name: expect.any(String) });
    expect(sim.counters.get('device.info')).toBe(2);
    await client.call('device.info');
    expect(sim.counters.get('device.info')).toBe(3);
  });

  it('a server that expects MD5("{}"): one request', async () => {
    const { sim, client } = await hongtuWith('md5-of-braces');
    await client.call('device.info');
    await client.call('device.info');
    expect(sim.counters.get('device.info')).toBe(2);
  });

  it('with the fallbacks switched off, or a wrong secret, the signature error stands', async () => {
    const off = await hongtuWith('empty', false);
    expect(await driverFailure(off.client.call('device.info'))).toMatchObject({ code: 'bad_credentials', vendorCode: 100008 });
    expect(off.sim.counters.get('device.info')).toBe(1);

    const wrong = await hongtuWith('either', true, 'not-the-secret');
    expect(await driverFailure(wrong.client.call('device.info'))).toMatchObject({ code: 'bad_credentials', vendorCode: 100008 });
    expect(wrong.sim.counters.get('device.info')).toBe(2);
  });

  it('a clock-skew refusal is not retried with the other body hash', async () => {
    const sim = await startHongtuSimulator({ getSigning: 'empty' });
    const client = new HongtuClient({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000, now: () => Date.now() - 10 * 60_000 });
    cleanup.push(() => sim.close(), () => client.close());
    expect(await driverFailure(client.call('device.info'))).toMatchObject({ code: 'bad_credentials', vendorCode: 100008 });
    expect(sim.counters.get('device.info')).toBe(1);
  });
});
