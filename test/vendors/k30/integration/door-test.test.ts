import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: K30Simulator;
let core: Core;
let backendId: number;

beforeEach(async () => {
  sim = await startK30Simulator();
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  const siteId = (await call(core, 'sites.create', { name: 'Gate 2' })).id;
  backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
  await call(core, 'backends.inventory', { id: backendId, refresh: true });
});

afterEach(async () => {
  await core.close();
  await sim.close();
});

function run(doorId: string, extra: Record<string, unknown> = {}): Promise<DoorTestResult> {
  return call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId, test: 'open', installer: 'Li Gong', timeoutSeconds: 10, ...extra } as Parameters<typeof call<'doorTests.run'>>[2]);
}

/** Door tests on K30 devices (issue 14 item 6): in K30 the device is the door. */
describe('door tests on K30', () => {
  it('remote open passes on the pass record of that device with mode 11, found by polling, latency measured', async () => {
    const result = await run(SEED_IDS.gateIn);
    expect(result).toMatchObject({ verdict: 'pass', test: 'open', vendor: 'k30', doorId: SEED_IDS.gateIn });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.evidence.event).toMatchObject({ kind: 'remote-open', doorId: SEED_IDS.gateIn });
    expect(result.evidence.steps.map((s) => s.key)).toEqual(['sending', 'accepted', 'waiting', 'seen']);
  });

  it('another device’s remote open does not count: the pass record must be of this device', async () => {
    sim.faults.suppressDoorEvents({ endpoint: 'device.openDoor', count: 1 });
    const result = await run(SEED_IDS.gateIn, { timeoutSeconds: 3 });
    expect(result).toMatchObject({ verdict: 'timeout', latencyMs: null });
    expect(result.advice?.['zh-CN']).toContain('在线');
    await call(core, 'backends.call', { id: backendId, endpoint: 'device.openDoor', params: { deviceno: SEED_IDS.gateOut } });
    const again = await run(SEED_IDS.gateIn);
    expect(again).toMatchObject({ verdict: 'pass' });
    expect(again.evidence.event).toMatchObject({ doorId: SEED_IDS.gateIn, kind: 'remote-open' });
  });

  it('mode test: refused before the device is touched, as K30’s API has no way back to normal (a test never leaves a door held open)', async () => {
    const result = await run(SEED_IDS.gateIn, { test: 'mode' });
    expect(result).toMatchObject({ verdict: 'unsupported', test: 'mode' });
    expect(sim.state.devices.get(SEED_IDS.gateIn)?.holdMode).toBe(0);
    expect(result.message).toMatch(/K30 software/);
    expect(result.advice?.en).toMatch(/K30 software/);
    expect(result.advice?.['zh-CN']).toMatch(/K30 软件/);
    expect(result.evidence.steps.map((s) => s.key)).toEqual(['unsupported']);
  });
});
