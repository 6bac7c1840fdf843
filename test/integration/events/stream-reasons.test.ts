import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { DriverError } from '../../../electron/drivers/driver-error.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { FAST, until } from './harness.ts';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function offlineWith(add: (core: Core, siteId: number) => Promise<number>): Promise<{ core: Core; siteId: number; backendId: number }> {
  const core = createCore({ dataDir: tempDir(), runtime: 'node', events: { timings: { ...FAST, offlineAfterMs: 300 } } });
  cleanups.push(() => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Gate house' })).id;
  await call(core, 'sites.select', { id: siteId });
  const backendId = await add(core, siteId);
  return { core, siteId, backendId };
}

async function goOffline(core: Core, siteId: number) {
  await core.events.start();
  await until('offline', () => core.events.streams(siteId)[0]?.state === 'offline');
  await core.alarms.idle();
  const stream = core.events.streams(siteId)[0];
  const [alarm] = (await call(core, 'alarms.list', { siteId })).alarms;
  return { stream, alarm };
}

/**
 * The stream state and the "backend offline" alarm say what happened and what to do in the
 * driver's own words (issue 15): a backend that answers with a refusal is "failing", not "no answer".
 */
describe('stream reasons carry the driver’s typed error', () => {
  it('K30 refusing the company number: the stream and the offline alarm give K30’s own advice, in both languages', async () => {
    const sim = await startK30Simulator();
    cleanups.push(() => sim.close());
    const wrong = `${sim.companyNo.slice(0, -2)}99`;
    const { core, siteId, backendId } = await offlineWith(async (c, siteId) => (await call(c, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: wrong } })).id);
    // What the driver itself says about the refusal.
    const refusal = await (await core.backends.driverOf(backendId)).events(null).then(
      () => expect.fail('K30 accepted a wrong company number'),
      (e: unknown) => e as DriverError,
    );
    expect(refusal).toBeInstanceOf(DriverError);
    expect(refusal.code).toBe('bad_credentials');
    const advice = refusal.advice;
    if (!advice) throw new Error('no advice');

    const { stream, alarm } = await goOffline(core, siteId);
    expect(stream?.reason?.en).toMatch(/^Failing for \d+ min\. /);
    expect(stream?.reason?.en).toContain(advice.en);
    expect(stream?.reason?.['zh-CN']).toContain(advice['zh-CN']);
    expect(stream?.reason?.en).not.toContain('No answer');
    expect(alarm).toMatchObject({ alarmClass: 'backend-offline', backendId });
    expect(alarm?.reason.en).toContain(advice.en);
    expect(alarm?.reason['zh-CN']).toContain(advice['zh-CN']);
  }, 60_000);

  it('Hongtu answering HTTP 500: the stream says the backend answered with an error and which', async () => {
    const sim = await startHongtuSimulator();
    cleanups.push(() => sim.close());
    sim.faults.httpError(500);
    const { core, siteId } = await offlineWith(async (c, siteId) => (await call(c, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    const { stream, alarm } = await goOffline(core, siteId);
    expect(stream?.reason?.en).toMatch(/^Failing for \d+ min\. The backend answered with an error \(HTTP 500\)/);
    expect(stream?.reason?.['zh-CN']).toContain('后台返回了错误（HTTP 500）');
    expect(alarm?.reason.en).toContain('HTTP 500');
  }, 60_000);

  it('a backend that cuts the connection gave no answer: "No answer", with what to check', async () => {
    const sim = await startHongtuSimulator();
    cleanups.push(() => sim.close());
    sim.faults.reset();
    const { core, siteId } = await offlineWith(async (c, siteId) => (await call(c, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    const { stream } = await goOffline(core, siteId);
    expect(stream?.reason?.en).toMatch(/^No answer for \d+ min\. Cannot reach the backend/);
    expect(stream?.reason?.['zh-CN']).toMatch(/无应答。无法连接后台/);
  }, 60_000);
});
