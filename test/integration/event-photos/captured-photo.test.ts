import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { silentLogger } from '../../../electron/log/logger.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { snapshotJpeg } from '../../simulators/k30/snapshots.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function event(id: string, capturedPhotoUrl: string | null): AccessEvent {
  return { eventId: id, occurredAt: new Date().toISOString(), kind: 'pass', doorId: 'A', doorName: 'Gate', deviceSerial: null, readerName: null, personPin: '1', personName: null, verifyMode: null, description: 'Pass', photoUrl: null, capturedPhotoUrl };
}

/**
 * The captured photo handed to the page as bytes (issue 15 item 2): read by the core from the link
 * stored with the event — K30's pre-signed snapshot link as its simulator serves it (and refuses once
 * expired), an inline data: picture, none.
 */
describe('eventPhotos.captured', () => {
  let sim: K30Simulator;
  let now = Date.now();
  let core: Core;
  let backendId: number;

  beforeAll(async () => {
    sim = await startK30Simulator({ clock: () => new Date(now), snapshots: { ttlMs: 60_000 } });
    core = createCore({ dataDir: tempDir(), runtime: 'node', logger: silentLogger() });
    const site = await call(core, 'sites.create', { name: 'Photos' });
    backendId = (await call(core, 'backends.add', { siteId: site.id, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
  });

  afterAll(async () => {
    await core?.close();
    await sim?.close();
  });

  it('reads the snapshot link the backend gave (the K30 simulator’s pre-signed link) as JPEG bytes', async () => {
    const record = sim.emitPassRecord();
    const link = sim.snapshotUrl(record);
    expect(link).toMatch(/\/snapshots\/\d+\.jpg\?OSSAccessKeyId=.+&Expires=\d+&Signature=/);
    core.events.add(backendId, 'poll', [{ event: event('k30:1', link) }]);
    const photo = await call(core, 'eventPhotos.captured', { backendId, eventId: 'k30:1' });
    expect(photo).toEqual({ mime: 'image/jpeg', base64: snapshotJpeg().toString('base64'), problem: null });
  });

  it('says the link expired once the simulator’s Expires has passed (OSS answers 403)', async () => {
    const record = sim.emitPassRecord();
    core.events.add(backendId, 'poll', [{ event: event('k30:2', sim.snapshotUrl(record)) }]);
    now += 120_000;
    expect(await call(core, 'eventPhotos.captured', { backendId, eventId: 'k30:2' })).toEqual({ mime: null, base64: null, problem: 'expired' });
  });

  it('hands an inline data: picture over after checking it is one; none and unknown events are none; a dead host is unreachable', async () => {
    const jpeg = snapshotJpeg().toString('base64');
    core.events.add(backendId, 'poll', [
      { event: event('inline', `data:image/jpeg;base64,${jpeg}`) },
      { event: event('not-a-picture', `data:image/jpeg;base64,${Buffer.from('<html>').toString('base64')}`) },
      { event: event('no-photo', null) },
      { event: event('dead', 'http://127.0.0.1:9/snap.jpg') },
    ]);
    expect(await call(core, 'eventPhotos.captured', { backendId, eventId: 'inline' })).toEqual({ mime: 'image/jpeg', base64: jpeg, problem: null });
    expect((await call(core, 'eventPhotos.captured', { backendId, eventId: 'not-a-picture' })).problem).toBe('not-image');
    expect((await call(core, 'eventPhotos.captured', { backendId, eventId: 'no-photo' })).problem).toBe('none');
    expect((await call(core, 'eventPhotos.captured', { backendId, eventId: 'nothing-stored' })).problem).toBe('none');
    expect((await call(core, 'eventPhotos.captured', { backendId, eventId: 'dead' })).problem).toBe('unreachable');
  });
});
