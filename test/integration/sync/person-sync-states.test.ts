import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A port nothing listens on: a simulator takes it, then closes. */
async function closedPort(): Promise<number> {
  const sim = await startZkbioSimulator({ token: 'T' });
  const port = sim.port;
  await sim.close();
  return port;
}

async function setUp(): Promise<{ core: Core; siteId: number; zkId: number; downId: number; zkbio: ZkbioSimulator }> {
  const zkbio = await startZkbioSimulator({ token: 'T' });
  cleanup.push(() => zkbio.close());
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Block 3' })).id;
  const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zkbio.url, credentials: { token: 'T' } })).id;
  const downId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: `http://127.0.0.1:${await closedPort()}`, credentials: { token: 'T' } })).id;
  return { core, siteId, zkId, downId, zkbio };
}

describe('per-person sync state and the sync queue’s times (issue 12 item 14)', () => {
  it('reads Synced, Failed (with the reason) and Waiting (with the next try) from each person’s newest entry', async () => {
    const { core, siteId, zkId, downId } = await setUp();
    await call(core, 'people.enroll', { siteId, person: { pin: 'S1', name: 'Synced' }, targets: [{ backendId: zkId }] });
    await call(core, 'people.enroll', { siteId, person: { pin: 'F1', name: 'Refused', department: 'NO-SUCH-DEPT' }, targets: [{ backendId: zkId }] });
    await call(core, 'people.enroll', { siteId, person: { pin: 'W1', name: 'Down' }, targets: [{ backendId: downId }] });
    await core.sync.runOnce();

    const { people } = await call(core, 'people.list', { siteId });
    const idOf = (pin: string) => people.find((p) => p.fields.pin === pin)?.id;
    const { states } = await call(core, 'people.syncStates', { siteId });
    const of = (pin: string) => states.find((s) => s.personId === idOf(pin));
    expect(of('S1')).toMatchObject({ backendId: zkId, state: 'synced', reason: null, nextTryAt: null });
    expect(of('F1')).toMatchObject({ backendId: zkId, state: 'failed' });
    expect(of('F1')?.reason?.code).toBe('-13');
    expect(of('W1')).toMatchObject({ backendId: downId, state: 'waiting' });
    expect(of('W1')?.reason).not.toBeNull();
    expect(Date.parse(of('W1')?.nextTryAt ?? '')).toBeGreaterThan(Date.now() - 60_000);

    // The queue gives each entry's times: queued, last try (once tried), next try (while waiting).
    const { entries } = await call(core, 'outbox.list', { siteId });
    for (const entry of entries) {
      expect(entry.attempts).toBe(1);
      expect(entry.lastTryAt).not.toBeNull();
      expect(Date.parse(entry.lastTryAt ?? '')).toBeGreaterThanOrEqual(Date.parse(entry.createdAt));
    }
  }, 60_000);

  it('tells a cancelled entry’s cause (you, or a newer change) and refuses to retry it with outbox_cancelled', async () => {
    const { core, siteId, downId } = await setUp();
    const first = (await call(core, 'people.enroll', { siteId, person: { pin: 'C1', name: 'Old' }, targets: [{ backendId: downId }] })).outbox[0];
    const second = (await call(core, 'people.enroll', { siteId, person: { pin: 'C1', name: 'New' }, targets: [{ backendId: downId }] })).outbox[0];
    const other = (await call(core, 'people.enroll', { siteId, person: { pin: 'C2', name: 'Mine' }, targets: [{ backendId: downId }] })).outbox[0];
    if (!first || !second || !other) throw new Error('nothing queued');
    const cancelled = await call(core, 'outbox.cancel', { id: other.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', cancelledBy: 'you', lastTryAt: null });

    const { entries } = await call(core, 'outbox.list', { siteId });
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get(first.id)).toMatchObject({ state: 'cancelled', cancelledBy: 'newer' });
    expect(byId.get(second.id)).toMatchObject({ state: 'pending', cancelledBy: null });
    expect(byId.get(other.id)).toMatchObject({ state: 'cancelled', cancelledBy: 'you' });

    // A newer change after a person's cancel does not turn it into "replaced" (a person acts at
    // least a millisecond later: the cause is read from the stamps, see outbox-table.ts).
    const cancelledAt = Date.parse(cancelled.updatedAt);
    while (Date.now() <= cancelledAt) await new Promise((resolve) => setImmediate(resolve));
    await call(core, 'people.enroll', { siteId, person: { pin: 'C2', name: 'Mine again' }, targets: [{ backendId: downId }] });
    expect((await call(core, 'outbox.list', { siteId })).entries.find((e) => e.id === other.id)?.cancelledBy).toBe('you');

    for (const id of [first.id, other.id]) {
      const error = await call(core, 'outbox.retry', { id }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('outbox_cancelled');
    }

    const { states } = await call(core, 'people.syncStates', { siteId });
    expect(states.map((s) => s.state).sort()).toEqual(['waiting', 'waiting']);
  }, 60_000);

  it('gives a small JPEG thumbnail of a person’s face, and none without a face', async () => {
    const { core, siteId } = await setUp();
    const withFace = (await call(core, 'people.enroll', { siteId, person: { pin: 'T1', name: 'Face' }, face: { jpegBase64: astronautJpeg().toString('base64') } })).person;
    const without = (await call(core, 'people.enroll', { siteId, person: { pin: 'T2', name: 'No face' } })).person;
    const { jpegBase64 } = await call(core, 'people.faceThumbnail', { id: withFace.id });
    const bytes = Buffer.from(jpegBase64 ?? '', 'base64');
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width, meta.height)).toBe(96);
    expect(bytes.length).toBeLessThan(20_000);
    expect((await call(core, 'people.faceThumbnail', { id: without.id })).jpegBase64).toBeNull();
  }, 60_000);
});
