import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { wallClock } from '../../../electron/visitors/site-clock.ts';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { ApiError } from '../../../shared/contract/errors.ts';
import { astronautJpeg } from '../../support/astronaut.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { DEFAULT_COMPANY_NO } from '../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const ZONE = 'Asia/Shanghai';

async function siteWithK30(): Promise<{ core: Core; sim: K30Simulator; siteId: number; backendId: number }> {
  const sim = await startK30Simulator();
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  cleanup.push(() => sim.close().catch(() => undefined), () => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Gate house', timeZone: ZONE })).id;
  const backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })).id;
  return { core, sim, siteId, backendId };
}

/** The error a call fails with (the test fails if it succeeds). */
const refusal = (pending: Promise<unknown>) => pending.then(() => expect.fail('the call succeeded'), (e: unknown) => e as ApiError);

const visitor = { name: '王五', hostPin: 'A0001', idType: 'passport' as const, idNumber: 'E12345678', phone: '13900000009', reason: '送货' };

function pass(pin: string, at: string, n: number): AccessEvent {
  return { eventId: `k30:v${n}`, occurredAt: at, kind: 'pass', doorId: 'D1', doorName: null, deviceSerial: null, readerName: null, personPin: pin, personName: '王五', verifyMode: null, description: '', photoUrl: null };
}

/** The visitors capability of the core against the simulators (issue 15 item 4). */
describe('visitors service', () => {
  it('registers today’s visitor with a face on K30 (valid from now to the day’s end, site time), lists them with arrived / left from their passes, checks out', async () => {
    const { core, sim, siteId, backendId } = await siteWithK30();
    const registered = await call(core, 'visitors.register', { backendId, visitor, face: { jpegBase64: astronautJpeg().toString('base64') } });
    const today = wallClock(new Date(), ZONE).slice(0, 10);
    expect(registered).toMatchObject({ state: 'registered', hasFace: true, name: '王五', error: null, arrivedAt: null, leftAt: null });
    expect(registered.validTo).toBe(`${today} 23:59:59`);
    expect(registered.validFrom.slice(0, 10)).toBe(today);
    expect(sim.state.visitors.get(registered.vendorRef ?? '')?.photo).toBeTruthy();

    const pin = registered.vendorPin ?? '';
    const at = (minutes: number) => wallClock(new Date(Date.now() + minutes * 60_000), ZONE);
    const [arrived, left, other] = [at(1), at(2), at(3)];
    core.events.add(backendId, 'push', [{ event: pass(pin, arrived, 1) }]);
    let [listed] = (await call(core, 'visitors.list', { siteId })).visitors;
    expect(listed).toMatchObject({ id: registered.id, arrivedAt: arrived, leftAt: null });
    core.events.add(backendId, 'push', [{ event: pass(pin, left, 2) }, { event: pass('someone-else', other, 3) }]);
    [listed] = (await call(core, 'visitors.list', { siteId, date: today })).visitors;
    expect(listed).toMatchObject({ arrivedAt: arrived, leftAt: left });
    expect((await call(core, 'visitors.list', { siteId, date: '2020-01-01' })).visitors).toEqual([]);

    const out = await call(core, 'visitors.checkOut', { id: registered.id });
    expect(out.state).toBe('checked-out');
    expect(sim.state.visitors.size).toBe(0);
  });

  it('a refusal (no phone for K30, an unknown host) registers nothing and says why; a backend out of reach keeps the visitor failed, to retry', async () => {
    const { core, sim, siteId, backendId } = await siteWithK30();
    const refused = await refusal(call(core, 'visitors.register', { backendId, visitor: { ...visitor, phone: undefined } }));
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.code).toBe('backend_invalid_params');
    expect(refused.details).toMatchObject({ field: 'phone' });
    const noHost = await refusal(call(core, 'visitors.register', { backendId, visitor: { ...visitor, hostPin: 'NOBODY' } }));
    expect(noHost.code).toBe('backend_invalid_params');
    const badFace = await refusal(call(core, 'visitors.register', { backendId, visitor, face: { jpegBase64: Buffer.alloc(200, 1).toString('base64') } }));
    expect(badFace.code).toBe('invalid_input');
    expect((await call(core, 'visitors.list', { siteId })).visitors).toEqual([]);

    await sim.close();
    const kept = await call(core, 'visitors.register', { backendId, visitor });
    expect(kept.state).toBe('failed');
    expect(kept.error?.code).toBe('backend_unreachable');
    expect((await call(core, 'visitors.list', { siteId })).visitors.map((v) => v.state)).toEqual(['failed']);
    // Never registered: check-out ends it here only.
    expect((await call(core, 'visitors.checkOut', { id: kept.id })).state).toBe('checked-out');
  });

  it('retries a failed visitor once the backend is back', async () => {
    const { core, backendId } = await siteWithK30();
    const sim2 = await startK30Simulator();
    const port = new URL(sim2.url).port;
    await sim2.close();
    await call(core, 'backends.update', { id: backendId, baseUrl: `http://127.0.0.1:${port}` });
    const kept = await call(core, 'visitors.register', { backendId, visitor });
    expect(kept.state).toBe('failed');
    const back = await startK30Simulator({ port: Number(port) });
    cleanup.push(() => back.close());
    const retried = await call(core, 'visitors.retry', { id: kept.id });
    expect(retried).toMatchObject({ state: 'registered', error: null });
    expect(back.state.visitors.size).toBe(1);
  });

  it('ZKBio registers today’s visitor by ID document, books a later day’s as a reservation (visReservation), cancels it by deleting it', async () => {
    const zk = await startZkbioSimulator({ token: 'T' });
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => zk.close(), () => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'Block 7', timeZone: ZONE })).id;
    const zkId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: zk.url, credentials: { token: 'T' } })).id;
    const onZk = await call(core, 'visitors.register', { backendId: zkId, visitor: { ...visitor, hostPin: '1001' } });
    expect(onZk).toMatchObject({ state: 'registered', vendorRef: '3:E12345678', reserved: false });
    expect(onZk.vendorPin).toMatch(/^8\d{7}$/);
    expect(zk.state.visitors[0]?.status).toBe('checked in');
    expect((await call(core, 'visitors.checkOut', { id: onZk.id })).state).toBe('checked-out');
    expect(zk.state.visitors[0]?.status).toBe('checked out');

    // Tomorrow (the site's calendar): a reservation, not a registration.
    const tomorrow = wallClock(new Date(Date.now() + 24 * 3600_000), ZONE).slice(0, 10);
    const later = { ...visitor, name: 'Mary', hostPin: '1001', idNumber: 'E7654321', validFrom: `${tomorrow} 09:00:00`, validTo: `${tomorrow} 17:00:00` };
    const booked = await call(core, 'visitors.register', { backendId: zkId, visitor: later });
    expect(booked).toMatchObject({ state: 'registered', reserved: true, vendorRef: `reservation:3:E7654321:${tomorrow} 09:00:00` });
    const reservation = zk.state.visitors.find((v) => v.certNumber === 'E7654321');
    expect(reservation).toMatchObject({ status: 'reserved', name: 'Mary', startTime: `${tomorrow} 09:00:00`, endTime: `${tomorrow} 17:00:00` });
    expect((await call(core, 'visitors.list', { siteId, date: tomorrow })).visitors.map((v) => v.id)).toEqual([booked.id]);
    // The same reservation twice: ZKBio's -244, with its advice; nothing kept.
    const again = await refusal(call(core, 'visitors.register', { backendId: zkId, visitor: later }));
    expect(again.code).toBe('backend_refused');
    expect(again.details).toMatchObject({ vendorCode: -244 });
    expect((await call(core, 'visitors.list', { siteId, date: tomorrow })).visitors).toHaveLength(1);
    // Cancel: visReservation.del by certificate and visit date.
    expect((await call(core, 'visitors.checkOut', { id: booked.id })).state).toBe('checked-out');
    expect(reservation?.status).toBe('cancelled');
  });

  it('Hongtu registers a visitor (person type 2) for a host of the site found on Hongtu, reads arrived / left from its zoned pass times', async () => {
    const ht = await startHongtuSimulator();
    const core = createCore({ dataDir: tempDir(), runtime: 'node' });
    cleanup.push(() => ht.close(), () => core.close());
    const siteId = (await call(core, 'sites.create', { name: 'Block 7', timeZone: ZONE })).id;
    const htId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: ht.url, credentials: { appKey: ht.appKey, secretKey: ht.secretKey } })).id;
    expect((await call(core, 'backends.capabilities', { id: htId })).visitors).toBe(true);
    const registered = await call(core, 'visitors.register', { backendId: htId, visitor: { name: 'Mary', hostPin: 'E1001', idType: 'national-id', reason: 'Delivery' }, face: { jpegBase64: astronautJpeg().toString('base64') } });
    expect(registered).toMatchObject({ state: 'registered', reserved: false });
    const person = ht.state.persons.get(registered.vendorRef ?? '');
    expect(person).toMatchObject({ type: 2, name: 'Mary', visitReason: 'Delivery' });
    expect(person?.imageUri).toBeTruthy();
    // The host's uuid is kept with the backend's person refs.
    const ref = core.db.prepare('SELECT ref FROM backend_person_refs WHERE backend_id = ? AND pin = ?').get(htId, 'E1001') as { ref: string } | undefined;
    expect(ref?.ref).toBe(person?.visitedUuid);
    // The visit runs from now to the day's end, site time (epoch ms on Hongtu).
    const today = wallClock(new Date(), ZONE).slice(0, 10);
    expect(person?.visitEndTimeStamp).toBe(Date.parse(`${today}T23:59:59+08:00`));

    // Hongtu's pass times are instants (ISO, UTC): read against the visit in the site's zone.
    const [arrived, left] = [1, 2].map((minutes) => new Date(Date.now() + minutes * 60_000).toISOString()) as [string, string];
    const htPass = (n: number, at: string): AccessEvent => ({ ...pass(registered.vendorPin ?? '', at, n), eventId: `ht:v${n}` });
    core.events.add(htId, 'push', [{ event: htPass(1, arrived) }]);
    expect((await call(core, 'visitors.list', { siteId })).visitors[0]).toMatchObject({ arrivedAt: arrived, leftAt: null });
    core.events.add(htId, 'push', [{ event: htPass(2, left) }]);
    expect((await call(core, 'visitors.list', { siteId })).visitors[0]).toMatchObject({ arrivedAt: arrived, leftAt: left });

    const before = Date.now();
    expect((await call(core, 'visitors.checkOut', { id: registered.id })).state).toBe('checked-out');
    expect(ht.state.persons.get(registered.vendorRef ?? '')?.visitEndTimeStamp).toBeGreaterThanOrEqual(before);
  });
});
