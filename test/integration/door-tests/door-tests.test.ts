import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoorTestResult } from '../../../shared/contract/door-tests.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { SEED_IDS } from '../../simulators/hongtu/seed.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let zk: ZkbioSimulator;
let core: Core;
let siteId: number;
let zkId: number;

beforeEach(async () => {
  zk = await startZkbioSimulator({ token: 'T' });
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
  zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
  await call(core, 'backends.inventory', { id: zkId, refresh: true });
});

afterEach(async () => {
  await core.close();
  await zk.close();
});

function run(backendId: number, doorId: string, extra: Record<string, unknown> = {}): Promise<DoorTestResult> {
  return call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId, test: 'open', installer: 'Li Gong', ...extra } as Parameters<typeof call<'doorTests.run'>>[2]);
}

describe('door tests through the core', () => {
  it('remote open on ZKBio: passes with the latency from command to the backend’s own event, with steps as evidence', async () => {
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const progress: string[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'doorTests.progress') progress.push((payload as { step: { key: string } }).step.key);
    });
    const result = await run(zkId, door.id);
    expect(result).toMatchObject({ verdict: 'pass', test: 'open', doorName: door.name, installer: 'Li Gong', vendor: 'zkbio' });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.evidence.event).toMatchObject({ kind: 'remote-open', doorId: door.id });
    expect(result.evidence.steps.map((s) => s.key)).toEqual(['sending', 'accepted', 'waiting', 'seen']);
    expect(progress).toEqual(['sending', 'accepted', 'waiting', 'seen']);
    expect((await call(core, 'doorTests.list', { siteId })).results.map((r) => r.id)).toEqual([result.id]);
  });

  it('times out with a clear verdict when the backend never reports the open', async () => {
    zk.faults.suppressDoorEvents();
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const result = await run(zkId, door.id, { timeoutSeconds: 2 });
    expect(result).toMatchObject({ verdict: 'timeout', latencyMs: null });
    expect(result.advice?.en).toContain('online');
    expect(result.advice?.['zh-CN']).toContain('在线');
  });

  it('is a timeout, never cancelled, when the backend never answers the open command', async () => {
    zk.faults.latency(120_000, { endpoint: 'door.remoteOpenById' });
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const result = await run(zkId, door.id, { timeoutSeconds: 1 });
    expect(result).toMatchObject({ verdict: 'timeout', latencyMs: null });
    expect(result.message).toMatch(/did not answer/);
    expect(result.advice?.['zh-CN']).toBeTruthy();
    const keys = result.evidence.steps.map((s) => s.key);
    expect(keys).not.toContain('cancelled');
    expect(keys.at(-1)).toBe('noAnswer');
  });

  it('is a timeout, never cancelled, when the backend answers nothing at all (not even the first event poll)', async () => {
    zk.faults.latency(120_000);
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const result = await run(zkId, door.id, { timeoutSeconds: 1 });
    expect(result.verdict).toBe('timeout');
    expect(result.evidence.steps.map((s) => s.key)).not.toContain('cancelled');
    const zh = await call(core, 'reports.siteHtml', { siteId, lang: 'zh-CN' });
    expect(zh.html).toContain('<td class="timeout">超时</td>');
    expect(zh.html).toContain('后台没有应答');
    expect(zh.html).not.toContain('class="cancelled"');
  });

  it('fails fast with the reason when the door’s device is offline', async () => {
    const door = zk.state.doors[0];
    const device = zk.state.devices.find((d) => d.id === door?.deviceId);
    if (!door || !device) throw new Error('no door');
    device.online = false;
    const started = Date.now();
    const result = await run(zkId, door.id, { timeoutSeconds: 30 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toMatchObject({ verdict: 'fail' });
    expect(result.advice?.en).toMatch(/offline/i);
  });

  it('says a door-mode test is not supported by ZKBio’s API, and why', async () => {
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const result = await run(zkId, door.id, { test: 'mode' });
    expect(result.verdict).toBe('unsupported');
    expect(result.message).toMatch(/normally-open/);
  });

  it('walk-through: passes when that person is recognised at that door', async () => {
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const pending = run(zkId, door.id, { test: 'walk', personPin: '1001', timeoutSeconds: 10 });
    setTimeout(() => zk.emitTransaction({ door: door.id, pin: '1002' }), 150);
    setTimeout(() => zk.emitTransaction({ door: door.id, pin: '1001', eventNo: 0, eventName: 'Normal Verify Open' }), 400);
    const result = await pending;
    expect(result).toMatchObject({ verdict: 'pass', personPin: '1001' });
    expect(result.evidence.event).toMatchObject({ personPin: '1001', kind: 'pass' });
  });

  it('can be cancelled while waiting', async () => {
    zk.faults.suppressDoorEvents();
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const runId = randomUUID();
    const pending = call(core, 'doorTests.run', { runId, backendId: zkId, doorId: door.id, test: 'open', timeoutSeconds: 60 });
    await new Promise((r) => setTimeout(r, 400));
    expect(await call(core, 'doorTests.cancel', { runId })).toEqual({ cancelled: true });
    expect((await pending).verdict).toBe('cancelled');
  });

  it('remote open on a Hongtu door commissioned from a discovered panel', async () => {
    const ht: HongtuSimulator = await startHongtuSimulator();
    try {
      const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
      const panel = [...ht.state.discovered.values()][0];
      if (!panel) throw new Error('no panel');
      const c = (endpoint: string, params: Record<string, unknown>) => call(core, 'backends.call', { id: htId, endpoint, params });
      await c('device.importDevice', { snCode: panel.snCode, name: 'North gate', location: 'N', deviceType: 2, deviceModel: panel.deviceModel, deviceMode: 1, discoveryMethod: 1 });
      const devices = ((await c('device.list', { pageNum: 1, pageSize: 50 })).data as { list: { uuid: string; name: string }[] }).list;
      const gate = devices.find((d) => d.name === 'North gate');
      if (!gate) throw new Error('not imported');
      await c('device.bind', { uuid: SEED_IDS.edgeServer, deviceUuids: [gate.uuid] });
      await c('door.add', { addDeviceUuids: [gate.uuid], removeDeviceUuids: [] });
      await call(core, 'backends.inventory', { id: htId, refresh: true });
      const result = await run(htId, gate.uuid, { timeoutSeconds: 10 });
      expect(result).toMatchObject({ verdict: 'pass', vendor: 'hongtu', doorName: 'North gate' });
      expect(result.latencyMs).toBeGreaterThan(0);
    } finally {
      await ht.close();
    }
  });

  it('reports every verdict in the user’s language', async () => {
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    await run(zkId, door.id);
    zk.faults.suppressDoorEvents();
    await run(zkId, door.id, { timeoutSeconds: 1 });
    const en = await call(core, 'reports.siteHtml', { siteId, lang: 'en' });
    expect(en.title).toBe('Commissioning report — Block 3');
    expect(en.html).toContain('<td class="pass">Pass</td>');
    expect(en.html).toContain('<td class="timeout">Timeout</td>');
    expect(en.html).toContain(door.name);
    expect(en.html).not.toMatch(/<script/i);
    const zh = await call(core, 'reports.siteHtml', { siteId, lang: 'zh-CN' });
    expect(zh.html).toContain('调试报告');
    expect(zh.html).toContain('<td class="pass">通过</td>');
    expect(zh.html).toContain('<td class="timeout">超时</td>');
    // Vendor words through the vendor's table, units in the language (issue 12 item 9).
    expect(en.html).toContain('(Remote opening)');
    expect(zh.html).toContain('(远程开门)');
    expect(zh.html).toMatch(/\d+毫秒/);
    expect(zh.html).not.toMatch(/\d ms\b/);
    expect(zh.html).not.toContain('remote opening');
  });
});
