import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let zk: ZkbioSimulator;
let core: Core;
let siteId: number;
let zkId: number;

beforeEach(async () => {
  zk = await startZkbioSimulator({ token: 'T' });
  core = createCore({ dataDir: tempDir(), runtime: 'node' });
  siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
  zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', name: 'Main gate', baseUrl: zk.url, credentials: { token: 'T' } })).id;
  await call(core, 'backends.inventory', { id: zkId, refresh: true });
});

afterEach(async () => {
  await core.close();
  await zk.close();
});

describe('the walk-through person (issue 12 item 13)', () => {
  it('lists the people the backend holds, by personnel number and name', async () => {
    const { people } = await call(core, 'backends.people', { id: zkId });
    expect(people.map((p) => p.pin).sort()).toEqual([...zk.state.persons.keys()].sort());
    const first = [...zk.state.persons.values()][0];
    expect(people.find((p) => p.pin === first?.pin)?.name).toContain(first?.name ?? '?');
  });

  it('refuses a personnel number the backend does not know before the test starts, and stores no verdict', async () => {
    const door = zk.state.doors[0];
    if (!door) throw new Error('no door');
    const opensBefore = zk.counters.get('transaction.list.v2') + zk.counters.get('transaction.monitor');
    const refused = await call(core, 'doorTests.run', { runId: randomUUID(), backendId: zkId, doorId: door.id, test: 'walk', personPin: '9999', installer: 'Li Gong' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'person_not_on_backend', details: { backend: 'Main gate', pin: '9999' } });
    expect((await call(core, 'doorTests.list', { siteId })).results).toEqual([]);
    // Nothing was watched: the test never started.
    expect(zk.counters.get('transaction.list.v2') + zk.counters.get('transaction.monitor')).toBe(opensBefore);
  });

  it('Hongtu: lists people by their code and refuses an unknown code', async () => {
    const ht = await startHongtuSimulator();
    try {
      const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
      const { people } = await call(core, 'backends.people', { id: htId });
      expect(people).toContainEqual({ pin: 'E1001', name: '张三' });
      const refused = await call(core, 'doorTests.run', { runId: randomUUID(), backendId: htId, doorId: 'any', test: 'walk', personPin: 'E9999' }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'person_not_on_backend', details: { pin: 'E9999' } });
    } finally {
      await ht.close();
    }
  });
});
