import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cli = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const syncChildEntry = fileURLToPath(new URL('../../support/sync-child.ts', import.meta.url));
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** `sync` (until stopped) or `sync --once` as its own process, as a user beside the app would run it. */
function syncProcess(dataDir: string, once: boolean): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, 'sync', ...(once ? ['--once'] : []), '--data-dir', dataDir], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The app: a core on `dataDir` with one ZKBio backend, and Li Lei enrolled there as "Rev one". */
async function appWithOneEdit(zk: ZkbioSimulator): Promise<{ app: Core; dataDir: string; siteId: number; backendId: number; first: number }> {
  const dataDir = tempDir();
  const app = createCore({ dataDir, runtime: 'node' });
  cleanup.push(() => app.close());
  const siteId = (await call(app, 'sites.create', { name: 'Block 3' })).id;
  const backendId = (await call(app, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
  // The app's engine has made its first pass (at start-up) before any of this.
  await app.sync.runOnce();
  const { outbox } = await call(app, 'people.enroll', { siteId, person: { pin: 'A1', name: 'Rev one' }, targets: [{ backendId }] });
  return { app, dataDir, siteId, backendId, first: outbox[0]?.id ?? 0 };
}

/**
 * A sync process (test/support/sync-child.ts), loaded and waiting: `go` starts its engine and
 * resolves when it takes its first entry (or after `patienceMs`, when it found none); `kill` is SIGKILL.
 */
async function syncChild(dataDir: string): Promise<{ go(patienceMs: number): Promise<void>; kill(): Promise<void> }> {
  const child = spawn(process.execPath, [syncChildEntry, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  cleanup.push(kill);
  const lines = createInterface({ input: child.stdout });
  const said = (wanted: string) => new Promise<void>((resolve) => lines.on('line', (line) => line === wanted && resolve()));
  const sending = said('sending');
  await Promise.race([said('ready'), exited.then(() => Promise.reject(new Error('sync-child exited before it was ready')))]);
  return {
    go: (patienceMs) => {
      child.stdin.write('go\n');
      return Promise.race([sending, new Promise<void>((r) => setTimeout(r, patienceMs))]);
    },
    kill,
  };
}

const stateOf = (app: Core, id: number) => app.outbox.get(id)?.entry.state;

describe('writes for one person on one backend reach it in order', () => {
  it('a write a killed sync left sending is never sent after a newer edit', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    cleanup.push(() => zk.close());
    // The first write hangs at ZKBio for 1.5 s, so the sync process dies in the middle of it.
    zk.faults.latency(1_500, { endpoint: 'person.add', count: 1 });
    const { app, dataDir, siteId, backendId, first } = await appWithOneEdit(zk);

    const cliSync = syncProcess(dataDir, false);
    await until('the CLI sync is sending Rev one', () => zk.counters.get('person.add') === 1);
    cliSync.child.kill('SIGKILL');
    await cliSync.exited;
    // The request had reached ZKBio before the kill: it lands there; Doorman never heard back.
    await until('ZKBio applied Rev one', () => zk.state.persons.get('A1')?.name === 'Rev one');
    expect(stateOf(app, first)).toBe('sending');

    // The person is edited and the app's engine syncs; then a sync is started again from the CLI.
    const { outbox } = await call(app, 'people.enroll', { siteId, person: { pin: 'A1', name: 'Rev two' }, targets: [{ backendId }] });
    const second = outbox[0]?.id ?? 0;
    await app.sync.runOnce();
    expect(zk.state.persons.get('A1')?.name).toBe('Rev two');
    expect(await syncProcess(dataDir, true).exited).toBe(0);

    expect(zk.state.persons.get('A1')?.name).toBe('Rev two');
    // The stale write was superseded, never sent again.
    expect(stateOf(app, first)).toBe('cancelled');
    expect(stateOf(app, second)).toBe('done');
    expect(zk.counters.get('person.add')).toBe(2);
  });

  it('a newer edit waits for the write another live process is sending, never overtakes it', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    cleanup.push(() => zk.close());
    zk.faults.latency(1_500, { endpoint: 'person.add', count: 1 });
    const { app, dataDir, siteId, backendId, first } = await appWithOneEdit(zk);

    // A CLI sync beside the app takes Rev one; ZKBio is slow to answer it.
    const cliSync = syncProcess(dataDir, false);
    await until('the CLI sync is sending Rev one', () => zk.counters.get('person.add') === 1);
    const { outbox } = await call(app, 'people.enroll', { siteId, person: { pin: 'A1', name: 'Rev two' }, targets: [{ backendId }] });
    const second = outbox[0]?.id ?? 0;

    // The app's engine must leave Rev two waiting while Rev one is on its way.
    expect(await app.sync.runOnce()).toMatchObject({ sending: 1, pending: 1 });
    expect(stateOf(app, first)).toBe('sending');
    expect(stateOf(app, second)).toBe('pending');
    expect(zk.counters.get('person.add')).toBe(1);

    // Rev one lands and is confirmed; then Rev two goes (the CLI or the app, whichever looks first).
    await until('Rev one is done', () => stateOf(app, first) === 'done');
    await app.sync.runOnce();
    await until('Rev two is done', () => stateOf(app, second) === 'done');
    cliSync.child.kill('SIGTERM');
    expect(await cliSync.exited).toBe(0);
    expect(zk.state.persons.get('A1')?.name).toBe('Rev two');
    expect(zk.counters.get('person.add')).toBe(2);
  });

  it('edits and syncs killed with SIGKILL at 20 random points: every backend ends at the latest edit, and no backend ever goes back to an older one', async () => {
    const seed = Number(process.env['DOORMAN_KILL_SEED'] ?? 20_251_107);
    let state = seed;
    const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const zk = await startZkbioSimulator({ token: 'T', keepPhotos: false });
    const ht = await startHongtuSimulator({ keepImages: false });
    cleanup.push(() => zk.close(), () => ht.close());
    // A little latency per request, so the kills land in the middle of writes.
    zk.faults.latency([0, 3]);
    ht.faults.latency([0, 3]);
    // Every revision ZKBio stores, per person, in the order it stored them.
    const history = new Map<string, number[]>();
    const persons = zk.state.persons;
    const set = persons.set.bind(persons);
    persons.set = (pin, person) => {
      history.set(pin, [...(history.get(pin) ?? []), Number(/^Rev (\d+)$/.exec(person.name ?? '')?.[1] ?? -1)]);
      return set(pin, person);
    };

    const dataDir = tempDir();
    const app = createCore({ dataDir, runtime: 'node' });
    cleanup.push(() => app.close());
    const siteId = (await call(app, 'sites.create', { name: 'Block 3' })).id;
    const zkId = (await call(app, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    const htId = (await call(app, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
    const targets = [{ backendId: zkId }, { backendId: htId }];
    const pins = Array.from({ length: 8 }, (_, i) => `P${i}`);
    let revision = 0;
    const edit = async (pin: string, face?: string) => {
      revision += 1;
      await call(app, 'people.enroll', { siteId, person: { pin, name: `Rev ${revision}` }, targets, ...(face ? { face: { jpegBase64: face } } : {}) });
    };
    const face = makeJpegHeader(480, 640, 8_000).toString('base64');
    for (const pin of pins) await edit(pin, face);

    const kills: number[] = [];
    let leftSending = 0;
    // A test that fails kills the loading processes (cleanup) before anyone awaits them.
    const prepare = () => {
      const loading = syncChild(dataDir);
      loading.catch(() => undefined);
      return loading;
    };
    // Three loaded ahead: start-up takes seconds on a busy machine, a round well under one.
    const loaded = [prepare(), prepare(), prepare()];
    for (let round = 0; round < 20; round++) {
      const current = await (loaded.shift() as ReturnType<typeof prepare>);
      loaded.push(prepare());
      // The app's engine and a sync process work side by side while the person is edited…
      app.sync.start();
      const writing = current.go(3_000);
      for (let n = 0; n < 5; n++) {
        await edit(pick(pins));
        await new Promise((r) => setTimeout(r, Math.floor(random() * 30)));
      }
      await writing;
      // …and the sync process is killed at a random point of its writes (the app's engine stops
      // first, so that it has nothing in flight: see below).
      const killAfter = Math.floor(random() * 100);
      kills.push(killAfter);
      await new Promise((r) => setTimeout(r, killAfter));
      await app.sync.stop();
      await current.kill();
      // What the dead process had already put on the wire still reaches the backends (≤ 3 ms late):
      // no client can call that back, so the next writes start after it.
      await new Promise((r) => setTimeout(r, 100));
      leftSending += app.outbox.counts().sending;
      for (let n = 0; n < 3; n++) await edit(pick(pins));
    }
    for (const rest of loaded) await (await rest).kill();
    console.info(JSON.stringify({ test: 'write-order kills', seed, kills, leftSending }));
    expect(leftSending).toBeGreaterThan(0);

    expect(await syncProcess(dataDir, true).exited).toBe(0);
    await app.sync.runOnce();
    expect(app.outbox.counts()).toMatchObject({ pending: 0, sending: 0, failed: 0 });
    for (const person of (await call(app, 'people.list', { siteId })).people) {
      const { pin, name } = person.fields;
      expect(zk.state.persons.get(pin)?.name, `ZKBio ${pin}`).toBe(name);
      const onHongtu = [...ht.state.persons.values()].filter((p) => p.code === pin);
      expect(onHongtu.map((p) => p.name), `Hongtu ${pin}`).toEqual([name]);
      const revisions = history.get(pin) ?? [];
      expect(revisions, `ZKBio's revisions of ${pin}`).toEqual([...revisions].sort((a, b) => a - b));
    }
    // 16 s on two cores at a load average of 4; 114 s at 15 (mostly process start-up).
  }, 240_000);
});
