import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { startSimProcess } from '../support/sim-process.ts';
import type { BenchResult } from './stats.ts';

const PEOPLE = 5_000;

/**
 * Draining the outbox after a bulk import: 5,000 people (no photo) queued for a ZKBio simulator in
 * its own process, then one `sync --once` pass (SyncEngine.runOnce, two writes in flight), timed.
 * What it shows is the cost of choosing the next writes (OutboxTable.due) while thousands wait,
 * beside the HTTP round trips.
 */
export default async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-drain-'));
  const zk = await startSimProcess('zkbio', ['--token', 'T']);
  const core = createCore({ dataDir, runtime: 'node' });
  try {
    const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: zk.token } })).id;
    const rows = Array.from({ length: PEOPLE }, (_, i) => ({ person: { pin: `D${i}`, name: `Worker ${i}` }, photoPath: null }));
    await core.people.importRows(siteId, [{ backendId, accessLevelIds: [] }], rows);
    const started = performance.now();
    const counts = await core.sync.runOnce();
    const totalMs = performance.now() - started;
    return {
      name: 'sync.drain.zkbio',
      entries: PEOPLE,
      done: counts.done,
      totalMs: Math.round(totalMs),
      entriesPerSecond: Math.round((counts.done / totalMs) * 1000),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await core.close();
    await zk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
