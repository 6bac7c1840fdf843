import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { FAST, storedIds, until } from './harness.ts';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function coreAt(dataDir: string): Core {
  const core = createCore({ dataDir, runtime: 'node', events: { timings: FAST } });
  cleanups.push(() => core.close());
  return core;
}

function stream(core: Core, siteId: number): StreamState | undefined {
  return core.events.streams(siteId)[0];
}

/**
 * A receiver whose URL the installer types into the vendor's software (K30's third-party forwarding
 * URL) is a real-time stream only once the vendor calls it (issue 15): until then the stream says it
 * is polling, and why, in both languages.
 */
describe('a manually registered receiver tells the truth about its callbacks', () => {
  it('K30: receiver up, never called → polling with where to type the URL; one callback → connected; restarted at the same URL → connected', async () => {
    const sim = await startK30Simulator();
    cleanups.push(() => sim.close());
    const dataDir = tempDir();
    const first = coreAt(dataDir);
    const siteId = (await call(first, 'sites.create', { name: 'Gate house' })).id;
    await call(first, 'sites.select', { id: siteId });
    const backendId = (await call(first, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
    const { url } = await call(first, 'receivers.start', { backendId, host: '127.0.0.1' });
    await first.events.start();

    // The receiver runs, but nobody typed its URL into K30 yet.
    await until('a read with the receiver up', () => (stream(first, siteId)?.lastOkAt ?? null) !== null && stream(first, siteId)?.reason !== null);
    const waiting = (await call(first, 'events.streams', { siteId })).streams[0];
    expect(waiting).toMatchObject({ backendId, state: 'polling', channel: 'poll' });
    expect(waiting?.reason?.en).toContain('has not called it yet');
    expect(waiting?.reason?.en).toContain('third-party forwarding URL');
    expect(waiting?.reason?.['zh-CN']).toContain('转发第三方');
    expect(waiting?.reason?.['zh-CN']).toContain('轮询');
    expect((await call(first, 'receivers.status', { backendId })).firstCalledAt).toBeNull();
    // Polling stands in meanwhile: a record made now is read all the same.
    const polled = sim.emitPassRecord();
    await until('the polled record', () => storedIds(first, backendId).includes(`k30:${polled.no}`));

    // The installer types the URL into K30: its first callback makes the stream real-time.
    sim.callbacks.configure({ url });
    const pushed = sim.emitPassRecord();
    await until('the pushed record', () => storedIds(first, backendId).includes(`k30:${pushed.no}`));
    await until('connected', () => stream(first, siteId)?.state === 'connected');
    expect(stream(first, siteId)).toMatchObject({ channel: 'push', reason: null });
    const calledAt = (await call(first, 'receivers.status', { backendId })).firstCalledAt;
    expect(calledAt).not.toBeNull();

    // The app restarts: the receiver listens again at the same URL, which K30 still calls.
    await first.close();
    cleanups.pop();
    const second = coreAt(dataDir);
    await second.receivers.resume();
    expect((await call(second, 'receivers.status', { backendId })).url).toBe(url);
    await second.events.start();
    await until('connected after resume', () => stream(second, siteId)?.state === 'connected');
    expect((await call(second, 'receivers.status', { backendId })).firstCalledAt).toBe(calledAt);
  }, 60_000);

  it('K30: a receiver started at another URL must be called again before it counts as connected', async () => {
    const sim = await startK30Simulator();
    cleanups.push(() => sim.close());
    const core = coreAt(tempDir());
    const siteId = (await call(core, 'sites.create', { name: 'Gate house' })).id;
    await call(core, 'sites.select', { id: siteId });
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    sim.callbacks.configure({ url });
    const pushed = sim.emitPassRecord();
    await until('the pushed record', () => storedIds(core, backendId).includes(`k30:${pushed.no}`));
    expect((await call(core, 'receivers.status', { backendId })).firstCalledAt).not.toBeNull();
    await call(core, 'receivers.stop', { backendId });
    // Another port: another URL, not typed into K30 yet.
    const moved = await call(core, 'receivers.start', { backendId, host: '127.0.0.1', port: new URL(url).port === '47123' ? 47124 : 47123 });
    expect(moved.url).not.toBe(url);
    expect((await call(core, 'receivers.status', { backendId })).firstCalledAt).toBeNull();
  }, 60_000);
});
