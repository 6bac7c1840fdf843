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
  // K30's clock a year behind: its records fall outside the days record.list is asked for (from the
  // test's start, by this computer's clock), so polling cannot see them; the callback still brings them.
  sim = await startK30Simulator({ clock: () => new Date(Date.now() - 366 * 24 * 3600 * 1000), maxSkewMs: 0 });
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  const siteId = (await call(core, 'sites.create', { name: 'Gate 2' })).id;
  backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
  await call(core, 'backends.inventory', { id: backendId, refresh: true });
});

afterEach(async () => {
  await core.close();
  await sim.close();
});

function run(doorId: string): Promise<DoorTestResult> {
  return call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId, test: 'open', installer: 'Li Gong', timeoutSeconds: 10 } as Parameters<typeof call<'doorTests.run'>>[2]);
}

/** A K30 door test seeing its remote open's record by callback (issue 14 item 5), when the receiver runs. */
describe('door tests on K30 with the callback receiver', () => {
  it('remote open passes on the UploadRecord callback, where polling record.list cannot see the record (record source push)', async () => {
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1', signCheck: 'strict' });
    sim.callbacks.configure({ url });
    const result = await run(SEED_IDS.gateIn);
    expect(result).toMatchObject({ verdict: 'pass', test: 'open', doorId: SEED_IDS.gateIn });
    expect(result.evidence.event).toMatchObject({ kind: 'remote-open', doorId: SEED_IDS.gateIn });
    const eventId = result.evidence.event?.eventId ?? '';
    const row = core.db.prepare('SELECT source FROM events WHERE backend_id = ? AND event_id = ?').get(backendId, eventId) as { source: string } | undefined;
    expect(row?.source).toBe('push');
    expect(sim.counters.total()).toBeGreaterThan(0);
  });

  it('without the receiver the same test times out: the record was only to be had by callback', async () => {
    const result = await call(core, 'doorTests.run', { runId: randomUUID(), backendId, doorId: SEED_IDS.gateIn, test: 'open', installer: 'Li Gong', timeoutSeconds: 2 } as Parameters<typeof call<'doorTests.run'>>[2]);
    expect(result.verdict).toBe('timeout');
  });
});
