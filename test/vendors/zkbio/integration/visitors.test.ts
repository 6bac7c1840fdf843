import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorRecord } from '../../../../electron/backends/backend.ts';
import { hasVisitorDesk } from '../../../../electron/backends/backend.ts';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { ZkbioAdapter } from '../../../../electron/drivers/zkbio/adapter.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../../simulators/zkbio/server.ts';

const TOKEN = 'doorman-test-token';
let sim: ZkbioSimulator;
let zk: ZkbioAdapter;

beforeEach(async () => {
  sim = await startZkbioSimulator({ token: TOKEN });
  zk = new ZkbioAdapter({ baseUrl: sim.url, token: TOKEN, timeoutMs: 5_000 });
});
afterEach(async () => {
  await zk.close();
  await sim.close();
});

const visitor = (over: Partial<VisitorRecord> = {}): VisitorRecord => ({
  name: 'Mary',
  hostPin: '1001',
  idType: 'passport',
  idNumber: 'E12345678',
  phone: '13900000009',
  company: 'Acme',
  reason: 'Delivery',
  validFrom: '2026-03-01 09:00:00',
  validTo: '2026-03-01 18:00:00',
  starts: new Date('2026-03-01T01:00:00Z'),
  ends: new Date('2026-03-01T10:00:00Z'),
  laterDay: false,
  ...over,
});

/** ZKBio's visitor registration (§2.18) over real HTTP against the strict simulator (issue 15 item 4). */
describe('ZKBio visitors', () => {
  it('registers (visRegistration.add, visEmpName, certType 3 for a passport), reads the visitor’s pin back, checks out', async () => {
    expect(hasVisitorDesk(zk)).toBe(true);
    expect(zk.visitors.photos).toBe(false);
    const registration = await zk.visitors.register(visitor());
    const stored = sim.state.visitors.find((v) => v.certNumber === 'E12345678');
    expect(stored).toMatchObject({ name: 'Mary', certType: '3', company: 'Acme', phone: '13900000009', hostPin: '1001', visitReason: 'Delivery', status: 'checked in', startTime: '2026-03-01 09:00:00', endTime: '2026-03-01 18:00:00' });
    expect(registration).toEqual({ ref: '3:E12345678', pin: stored?.pin });
    expect((await zk.visitors.list()).map((v) => v.pin)).toContain(stored?.pin);
    await zk.visitors.checkOut({ ...visitor(), ...registration });
    expect(stored?.status).toBe('checked out');
  });

  it('refuses a visitor without ID number or reason before sending, and passes on ZKBio’s refusals (unknown host, bad national ID)', async () => {
    const refusal = (record: VisitorRecord) => zk.visitors.register(record).then(
      () => expect.fail('registered'),
      (e: unknown) => e as DriverError,
    );
    expect((await refusal(visitor({ idNumber: undefined }))).details).toMatchObject({ field: 'certNum' });
    expect((await refusal(visitor({ reason: undefined }))).details).toMatchObject({ field: 'visitReason' });
    const host = await refusal(visitor({ hostPin: '99999' }));
    expect(host).toBeInstanceOf(DriverError);
    expect(host.vendorCode).toBe(-253);
    const national = await refusal(visitor({ idType: 'national-id', idNumber: '123' }));
    expect(national.vendorCode).toBe(-251);
    expect(sim.state.visitors).toHaveLength(0);
  });

  it('books a later day’s visit as a reservation (visReservation.add: visitEmpName, visitDate, visitEndDate) and cancels it with visReservation.del', async () => {
    const later = visitor({ validFrom: '2026-03-02 09:00:00', validTo: '2026-03-02 18:00:00', laterDay: true });
    const booked = await zk.visitors.register(later);
    const stored = sim.state.visitors.find((v) => v.certNumber === 'E12345678');
    expect(stored).toMatchObject({ name: 'Mary', certType: '3', hostPin: '1001', visitReason: 'Delivery', status: 'reserved', startTime: '2026-03-02 09:00:00', endTime: '2026-03-02 18:00:00' });
    expect(booked).toEqual({ ref: 'reservation:3:E12345678:2026-03-02 09:00:00', pin: stored?.pin, reserved: true });
    // The same day twice: -244, with advice in both languages.
    const twice = (await zk.visitors.register(later).catch((e: unknown) => e)) as DriverError;
    expect(twice.vendorCode).toBe(-244);
    expect(twice.advice?.['zh-CN']).toContain('预约');
    await zk.visitors.checkOut({ ...later, ...booked });
    expect(stored?.status).toBe('cancelled');
    // Nothing left to cancel: -248.
    expect(((await zk.visitors.checkOut({ ...later, ...booked }).catch((e: unknown) => e)) as DriverError).vendorCode).toBe(-248);
  });

  it('the simulator refuses a reservation for someone visiting now (-245) and one that ends before it starts (-252)', async () => {
    await zk.visitors.register(visitor());
    const during = (await zk.visitors.register(visitor({ validFrom: '2026-03-02 09:00:00', validTo: '2026-03-02 18:00:00', laterDay: true })).catch((e: unknown) => e)) as DriverError;
    expect(during.vendorCode).toBe(-245);
    const backwards = (await zk.visitors.register(visitor({ idNumber: 'E1', validFrom: '2026-03-02 18:00:00', validTo: '2026-03-02 09:00:00', laterDay: true })).catch((e: unknown) => e)) as DriverError;
    expect(backwards.vendorCode).toBe(-252);
  });
});
