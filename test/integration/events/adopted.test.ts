import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { FAST, recordBus, storedIds, until } from './harness.ts';

const tempDir = useTempDirs();
const TOKEN = 'events-adopted-token';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Source of each stored row of a backend, by event id. */
function sources(core: Core, backendId: number): Map<string, string> {
  const rows = core.db.prepare('SELECT event_id, source FROM events WHERE backend_id = ?').all(backendId) as { event_id: string; source: string }[];
  return new Map(rows.map((r) => [r.event_id, r.source]));
}

describe('ZKBio: the list adopting a monitored pass (issue 15 item 2)', () => {
  it('stores the pass once, under the list’s id, and announces the adoption (events.adopted) with the list’s data', async () => {
    const sim = await startZkbioSimulator({ token: TOKEN });
    cleanups.push(() => sim.close());
    const core = createCore({ dataDir: tempDir(), runtime: 'node', events: { timings: FAST } });
    cleanups.push(() => core.close());
    const bus = recordBus(core);
    const adopted: { backendId: number; from: string; to: string; event: { eventId: string } }[] = [];
    const stop = core.bus.listen((name, payload) => {
      if (name === 'events.adopted') adopted.push(payload as (typeof adopted)[number]);
    });
    cleanups.push(async () => stop());
    const site = await call(core, 'sites.create', { name: 'Gate' });
    await call(core, 'sites.select', { id: site.id });
    const { id: backendId } = await call(core, 'backends.add', { siteId: site.id, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: TOKEN } });
    await core.events.start();
    await until('connected by the monitor', () => bus.states.some((s) => s.backendId === backendId && s.state === 'connected' && s.channel === 'monitor'));

    // The list answers empty until the monitor (every 10 s, the document's limit) has stored the pass.
    const hidden = sim.faults.emptyList('array', { endpoint: 'transaction.list.v2' });
    const pass = sim.emitTransaction();
    await until('the monitored pass', () => [...sources(core, backendId).values()].includes('monitor'));
    const monitoredId = [...sources(core, backendId)].find(([, source]) => source === 'monitor')![0];
    expect(monitoredId).not.toBe(`zk:${pass.id}`);
    sim.faults.clear(hidden);

    await until('the list adopting it', () => adopted.length > 0);
    expect(adopted).toEqual([expect.objectContaining({ backendId, from: monitoredId, to: `zk:${pass.id}`, event: expect.objectContaining({ eventId: `zk:${pass.id}` }) })]);
    const stored = sources(core, backendId);
    expect(stored.get(`zk:${pass.id}`)).toBe('poll');
    expect(stored.has(monitoredId)).toBe(false);
    expect([...stored.values()]).not.toContain('monitor');
    expect(storedIds(core, backendId).filter((id) => id === `zk:${pass.id}`)).toHaveLength(1);
    // Announced once as it arrived (by the monitor); the list's id only as the adoption.
    expect(bus.announced.get(`${backendId}/${monitoredId}`)).toBe(1);
    expect(bus.announced.has(`${backendId}/zk:${pass.id}`)).toBe(false);
  }, 60_000);
});
