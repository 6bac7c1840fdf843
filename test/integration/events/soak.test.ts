import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import type { PipelineClock } from '../../../electron/events/clock.ts';
import { silentLogger } from '../../../electron/log/logger.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { recordBus, storedIds, until } from './harness.ts';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Simulated time: every wait of the pipeline passes at once in virtual time (a hundredth of it, at
 * most 20 ms, really), so hours of polls, backoffs and offline spells run in seconds.
 */
function acceleratedClock(): PipelineClock & { virtualMs: () => number } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    virtualMs: () => offset,
    random: Math.random,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve();
        const real = Math.min(20, Math.ceil(ms / 100));
        const timer = setTimeout(() => {
          offset += ms - real;
          resolve();
        }, real);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      }),
  };
}

/** A deterministic sequence for the faults, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('accelerated soak of the event pipeline (issue 15 item 1)', () => {
  it('three backends going down and up for hours of simulated time: every simulator event stored exactly once, announced once', async () => {
    const hongtu = await startHongtuSimulator();
    const k30 = await startK30Simulator();
    const zkbio = await startZkbioSimulator({ token: 'soak-token' });
    cleanups.push(() => hongtu.close(), () => k30.close(), () => zkbio.close());
    const clock = acceleratedClock();
    const core: Core = createCore({ dataDir: tempDir(), runtime: 'node', logger: silentLogger(), events: { clock, timings: { pollMs: 5_000, gapPollMs: 60_000, offlineAfterMs: 60_000, maxBackoffMs: 60_000, monitor: true } } });
    cleanups.push(() => core.close());
    const bus = recordBus(core);
    const site = await call(core, 'sites.create', { name: 'Soak' });
    await call(core, 'sites.select', { id: site.id });
    const ht = (await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: hongtu.url, credentials: { appKey: hongtu.appKey, secretKey: hongtu.secretKey } })).id;
    const kt = (await call(core, 'backends.add', { siteId: site.id, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: k30.companyNo } })).id;
    const zk = (await call(core, 'backends.add', { siteId: site.id, vendor: 'zkbio', baseUrl: zkbio.url, credentials: { token: 'soak-token' } })).id;
    await call(core, 'receivers.start', { backendId: ht, host: '127.0.0.1' });
    await core.events.start();

    const random = seeded(15);
    const made = { [ht]: [] as string[], [kt]: [] as string[], [zk]: [] as string[] };
    const down = new Map<string, number>();
    const sims = { hongtu, k30, zkbio };
    for (let round = 0; round < 60; round++) {
      for (const [name, sim] of Object.entries(sims)) {
        const rule = down.get(name);
        if (rule === undefined && random() < 0.2) down.set(name, sim.faults.reset());
        else if (rule !== undefined && random() < 0.4) {
          sim.faults.clear(rule);
          down.delete(name);
        }
      }
      if (random() < 0.3) hongtu.faults.dropPushes({ count: 1 });
      if (random() < 0.3) hongtu.faults.duplicatePushes({ count: 1 });
      made[ht]!.push(`ht:${hongtu.emitPassRecord().id}`);
      made[kt]!.push(`k30:${k30.emitPassRecord().no}`);
      made[zk]!.push(`zk:${zkbio.emitTransaction().id}`);
      await new Promise((r) => setTimeout(r, 40));
    }
    for (const [name, rule] of down) sims[name as keyof typeof sims].faults.clear(rule);

    for (const [backendId, ids] of Object.entries(made)) {
      await until(`every event of backend ${backendId}`, () => {
        const stored = new Set(storedIds(core, Number(backendId)));
        return ids.every((id) => stored.has(id));
      });
    }
    for (const [backendId, ids] of Object.entries(made)) {
      const stored = storedIds(core, Number(backendId));
      expect(stored.length).toBe(new Set(stored).size);
      for (const id of ids) expect(bus.announced.get(`${backendId}/${id}`), id).toBe(1);
    }
    // Hours passed in simulated time, with stale and offline spells, and every stream back.
    expect(clock.virtualMs()).toBeGreaterThan(3600_000);
    expect(bus.states.some((s) => s.state === 'offline')).toBe(true);
    await until('every stream back', () => core.events.streams(site.id).every((s) => s.state === 'connected' || s.state === 'polling'));
  });
});
