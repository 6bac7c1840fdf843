import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../shared/contract/errors.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

/**
 * The URL an installer types into the K30 software must outlive Doorman (issue 14 item 5): a
 * receiver starts again at the same address, port and token — after a restart of the app too, where
 * the receivers that were running start by themselves — and one the installer stopped stays stopped.
 */
const tempDir = useTempDirs();
let sim: K30Simulator;
let dataDir: string;
let core: Core;
let backendId: number;
let siteId: number;

beforeEach(async () => {
  sim = await startK30Simulator();
  dataDir = tempDir();
  core = createCore({ dataDir, runtime: 'node' });
  siteId = (await call(core, 'sites.create', { name: 'Gate 2' })).id;
  backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
});

afterEach(async () => {
  await core.close();
  await sim.close();
});

async function reopen(): Promise<void> {
  await core.close();
  core = createCore({ dataDir, runtime: 'node' });
}

describe('the K30 callback URL is kept', () => {
  it('is the same after the app restarts, and the restarted app receives at it without being asked', async () => {
    const first = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    sim.callbacks.configure({ url: first.url });
    await reopen();
    expect((await call(core, 'receivers.status', { backendId })).running).toBe(false);
    await core.receivers.resume();
    const status = await call(core, 'receivers.status', { backendId });
    expect(status).toMatchObject({ running: true, url: first.url });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect((await call(core, 'receivers.status', { backendId })).stats?.events).toBe(1);
  });

  it('is running again when the restarted app starts its background work, and the event pipeline watches K30 by it', async () => {
    const first = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    // K30 has called this URL once (the installer typed it in): after a restart it is a real-time stream.
    sim.callbacks.configure({ url: first.url });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    await reopen();
    await call(core, 'sites.select', { id: siteId });
    await core.startBackground();
    expect(await call(core, 'receivers.status', { backendId })).toMatchObject({ running: true, url: first.url });
    // The stream's first read settles its channel: by the receiver that is already running again.
    await vi.waitFor(async () => {
      const { streams } = await call(core, 'events.streams', { siteId });
      expect(streams.find((stream) => stream.backendId === backendId)?.channel).toBe('push');
    }, 20_000);
  });

  it('is the same when stopped and started again; a stopped receiver does not start with the app', async () => {
    const first = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    await call(core, 'receivers.stop', { backendId });
    await reopen();
    await core.receivers.resume();
    expect((await call(core, 'receivers.status', { backendId })).running).toBe(false);
    const again = await call(core, 'receivers.start', { backendId });
    expect(again.url).toBe(first.url);
  });

  it('says what to do when its port is taken, and starts elsewhere only when told', async () => {
    const first = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    const port = Number(new URL(first.url).port);
    await call(core, 'receivers.stop', { backendId });
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const refused = await call(core, 'receivers.start', { backendId }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('receiver_address_unavailable');
      expect((refused as ApiError).details).toMatchObject({ host: '127.0.0.1', port });
      const moved = await call(core, 'receivers.start', { backendId, port: 0 });
      expect(new URL(moved.url).pathname).toBe(new URL(first.url).pathname);
      expect(Number(new URL(moved.url).port)).not.toBe(port);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
