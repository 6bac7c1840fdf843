import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cli = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/**
 * Runs `sync --once`; with `killAfterWritingMs`, kills it with SIGKILL that long after the backends
 * see its first write (`written` counts them), so the kill lands in its writes however long the
 * process takes to start on a busy machine.
 */
async function syncProcess(dataDir: string, kill: { readonly killAfterWritingMs: number; readonly written: () => number } | null): Promise<number | null> {
  const child = spawn(process.execPath, [cli, 'sync', '--once', '--data-dir', dataDir], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  if (kill) {
    const before = kill.written();
    while (kill.written() === before && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, kill.killAfterWritingMs));
    child.kill('SIGKILL');
  }
  return exited;
}

describe('sync survives being killed', () => {
  it('1,000 people to two backends, killed with SIGKILL 20 times at random points: nothing lost, nothing duplicated', async () => {
    const zk = await startZkbioSimulator({ token: 'T', keepPhotos: false });
    const ht = await startHongtuSimulator({ keepImages: false });
    cleanup.push(() => zk.close(), () => ht.close());
    // A little latency per request, so the kills land in the middle of writes.
    zk.faults.latency([0, 3]);
    ht.faults.latency([0, 3]);

    const dataDir = tempDir();
    const core = createCore({ dataDir, runtime: 'node' });
    const siteId = (await call(core, 'sites.create', { name: 'Big site' })).id;
    const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
    const face = makeJpegHeader(480, 640, 8_000).toString('base64');
    for (let i = 0; i < 1000; i++) {
      await call(core, 'people.enroll', { siteId, person: { pin: `K${i}`, name: `Worker ${i}` }, targets: [{ backendId: zkId }, { backendId: htId }], face: { jpegBase64: face } });
    }
    await core.close();

    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const leftSending: number[] = [];
    const written = () => zk.counters.get('person.add') + ht.counters.get('person.batchAdd') + ht.counters.get('person.update');
    for (let kill = 0; kill < 20; kill++) {
      await syncProcess(dataDir, { killAfterWritingMs: Math.floor(random() * 500), written });
      const db = new BetterSqlite3(join(dataDir, 'doorman.db'), { readonly: true });
      leftSending.push(db.prepare("SELECT count(*) FROM outbox WHERE state = 'sending'").pluck().get() as number);
      db.close();
    }
    // The kills landed in the middle of writes: entries were left 'sending', to be sent again.
    expect(leftSending.some((n) => n > 0)).toBe(true);
    expect(await syncProcess(dataDir, null)).toBe(0);

    const after = createCore({ dataDir, runtime: 'node' });
    cleanup.push(() => after.close());
    expect(after.outbox.counts()).toMatchObject({ done: 2000, pending: 0, sending: 0, failed: 0 });
    const zkPins = [...zk.state.persons.keys()].filter((pin) => pin.startsWith('K'));
    expect(zkPins).toHaveLength(1000);
    const htCodes = [...ht.state.persons.values()].map((p) => p.code).filter((code): code is string => typeof code === 'string' && code.startsWith('K'));
    expect(htCodes).toHaveLength(1000);
    expect(new Set(htCodes).size).toBe(1000);
  }, 300_000);
});
