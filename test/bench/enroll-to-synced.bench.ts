import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxEntry } from '../../shared/contract/people.ts';
import { call } from '../../electron/cli/call.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { makeJpegHeader } from '../support/images.ts';
import { startSimProcess } from '../support/sim-process.ts';
import { summarize, type BenchResult } from './stats.ts';

const PEOPLE = 100;

/**
 * Capture-to-synced: from `people.enroll` (the moment the enrollment station saves) to the outbox
 * entry being done on the backend, with the sync engine running — 100 people with a ~100 KB photo,
 * one at a time, to the ZKBio simulator in its own process.
 */
export default async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'doorman-bench-enroll-'));
  const zk = await startSimProcess('zkbio', ['--token', 'T']);
  const core = createCore({ dataDir, runtime: 'node' });
  try {
    const siteId = (await call(core, 'sites.create', { name: 'Bench' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: zk.token } })).id;
    core.sync.start();
    const face = makeJpegHeader(640, 480, 100 * 1024).toString('base64');
    const times: number[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const started = performance.now();
      const done = new Promise<void>((resolve) => {
        const stop = core.bus.listen((event, payload) => {
          const entry = payload as OutboxEntry;
          if (event === 'outbox.changed' && entry.pin === `E${i}` && entry.state === 'done') {
            stop();
            resolve();
          }
        });
      });
      await call(core, 'people.enroll', { siteId, person: { pin: `E${i}`, name: `Worker ${i}` }, targets: [{ backendId }], face: { jpegBase64: face } });
      await done;
      times.push(performance.now() - started);
    }
    return { name: 'enroll.toSynced.zkbio', people: PEOPLE, photoBytes: 100 * 1024, ...summarize(times) };
  } finally {
    await core.close();
    await zk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
