import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { makeJpegHeader } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A free port: a simulator takes one, closes, and the test reopens it later on the same port. */
async function freePorts(): Promise<{ zkPort: number; htPort: number }> {
  const zk = await startZkbioSimulator({ token: 'T' });
  const ht = await startHongtuSimulator();
  const ports = { zkPort: zk.port, htPort: ht.port };
  await zk.close();
  await ht.close();
  return ports;
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('offline-first enrollment', () => {
  it('keeps 20 people pending while both backends are down, then delivers each exactly once when they come back', async () => {
    const { zkPort, htPort } = await freePorts();
    const core: Core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
    const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: `http://127.0.0.1:${zkPort}`, credentials: { token: 'T' } })).id;
    const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: `http://127.0.0.1:${htPort}`, credentials: { appKey: 'appkey1', secretKey: 'sdfajk3242324fa!djq7' } })).id;

    const face = makeJpegHeader(480, 640, 30_000).toString('base64');
    for (let i = 0; i < 20; i++) {
      const { outbox } = await call(core, 'people.enroll', {
        siteId,
        person: { pin: `W${1000 + i}`, name: `工人${i}` },
        targets: [{ backendId: zkId }, { backendId: htId }],
        face: { jpegBase64: face },
      });
      expect(outbox.map((e) => e.state)).toEqual(['pending', 'pending']);
    }
    const counts = await core.sync.runOnce();
    expect(counts).toMatchObject({ pending: 40, done: 0, failed: 0 });
    const waiting = (await call(core, 'outbox.list', { siteId, state: 'pending' })).entries;
    expect(waiting).toHaveLength(40);
    expect(waiting.every((e) => e.lastError?.code === 'refused' && e.nextTryAt !== null)).toBe(true);

    // The backends come back; the running engine resumes by itself.
    const zk: ZkbioSimulator = await startZkbioSimulator({ token: 'T', port: zkPort });
    const ht: HongtuSimulator = await startHongtuSimulator({ port: htPort });
    cleanup.push(() => zk.close(), () => ht.close());
    core.sync.start();
    await until(() => core.outbox.counts().done === 40, 30_000);
    const pins = Array.from({ length: 20 }, (_, i) => `W${1000 + i}`);
    for (const pin of pins) {
      expect(zk.state.persons.get(pin)?.photo).toBeTruthy();
      expect([...ht.state.persons.values()].filter((p) => p.code === pin)).toHaveLength(1);
    }
    expect([...zk.state.persons.keys()].filter((pin) => pin.startsWith('W1'))).toHaveLength(20);
  });

  it('re-enrolling a person updates them everywhere and never adds a second', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    cleanup.push(() => zk.close());
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    await call(core, 'people.enroll', { siteId, person: { pin: 'A1', name: 'Li' }, targets: [{ backendId: zkId }] });
    // A second save before the first was sent supersedes it.
    await call(core, 'people.enroll', { siteId, person: { pin: 'A1', name: 'Li Lei', idNumber: '11010519491231002x' }, targets: [{ backendId: zkId }] });
    expect(await core.sync.runOnce()).toMatchObject({ done: 1, cancelled: 1, pending: 0 });
    expect(zk.state.persons.get('A1')?.name).toBe('Li Lei');
    expect((await call(core, 'people.list', { siteId })).people).toMatchObject([{ fields: { pin: 'A1', name: 'Li Lei', idNumber: '11010519491231002X' } }]);
    const { outbox } = await call(core, 'people.remove', { id: 1 });
    expect(outbox).toMatchObject([{ action: 'delete', state: 'pending' }]);
    await core.sync.runOnce();
    expect(zk.state.persons.has('A1')).toBe(false);
  });

  it('refuses a bad ID number and a face that is not a photo, naming the field', async () => {
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const bad = await core.dispatch('people.enroll', { siteId, person: { pin: 'A1', name: 'Li', idNumber: '110105194912310021' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { issues: [{ path: ['person', 'idNumber'], message: 'id_number_invalid' }] } } });
    const notPhoto = await core.dispatch('people.enroll', { siteId, person: { pin: 'A1', name: 'Li' }, face: { jpegBase64: Buffer.alloc(400, 1).toString('base64') } });
    expect(notPhoto).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call(core, 'people.list', { siteId })).people).toEqual([]);
  });
});

describe('the backend’s own face check', () => {
  it('asks ZKBio detectFace and turns a refusal into re-capture advice', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    cleanup.push(() => zk.close());
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'S' })).id;
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    const face = makeJpegHeader(480, 640, 30_000);
    expect(await call(core, 'people.checkFace', { backendId, jpegBase64: face.toString('base64') })).toEqual({ ok: true, vendorCode: null, advice: null });
    zk.setFaceVerdict({ personPhoto: face.toString('base64') }, -5003);
    const refused = await call(core, 'people.checkFace', { backendId, jpegBase64: face.toString('base64') });
    expect(refused).toMatchObject({ ok: false, vendorCode: -5003 });
    expect(refused.advice?.['zh-CN']).toContain('多张人脸');
  });
});
