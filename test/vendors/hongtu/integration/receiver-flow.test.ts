import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type AccessEvent } from '../../../../shared/contract/index.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: HongtuSimulator;
let core: Core;
let backendId: number;

beforeEach(async () => {
  sim = await startHongtuSimulator();
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  const site = await call(core, 'sites.create', { name: 'Block 3' });
  backendId = (await call(core, 'backends.add', { siteId: site.id, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id;
});

afterEach(async () => {
  await core.close();
  await sim.close();
});

function nextEvents(): Promise<AccessEvent[]> {
  return new Promise((resolve) => {
    const stop = core.bus.listen((event, payload) => {
      if (event !== 'events.received') return;
      stop();
      resolve((payload as { events: AccessEvent[] }).events);
    });
  });
}

describe('Hongtu push receiver through the core', () => {
  it('registers with the platform, stores pushed records once, and unregisters', async () => {
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    const registered = (await call(core, 'backends.call', { id: backendId, endpoint: 'pubsub.recordQuery', params: {} })).data as { pushUrl: string; busiTypes: number[] };
    expect(registered).toMatchObject({ pushUrl: url, busiTypes: [5] });

    const arriving = nextEvents();
    const record = sim.emitPassRecord();
    const [event] = await arriving;
    expect(event).toMatchObject({ eventId: `ht:${record.id}` });
    expect(core.events.count(backendId)).toBe(1);

    sim.faults.duplicatePushes({ count: 1 });
    const again = nextEvents();
    sim.emitPassRecord();
    await again;
    await new Promise((r) => setTimeout(r, 300));
    expect(core.events.count(backendId)).toBe(2);
    const status = await call(core, 'receivers.status', { backendId });
    expect(status).toMatchObject({ running: true, url, stored: 2 });
    expect(status.stats?.duplicates).toBeGreaterThanOrEqual(1);

    expect(await call(core, 'receivers.stop', { backendId })).toEqual({ stopped: true });
    expect((await call(core, 'backends.call', { id: backendId, endpoint: 'pubsub.recordQuery', params: {} })).data).toBeNull();
  });

  it('refuses a receiver for a backend that does not push', async () => {
    const site = await call(core, 'sites.create', { name: 'Other' });
    const zk = await call(core, 'backends.add', { siteId: site.id, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 't' } });
    await expect(call(core, 'receivers.start', { backendId: zk.id })).rejects.toBeInstanceOf(ApiError);
  });
});
