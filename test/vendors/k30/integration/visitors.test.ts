import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorRecord } from '../../../../electron/backends/backend.ts';
import { hasVisitorDesk } from '../../../../electron/backends/backend.ts';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { K30Adapter } from '../../../../electron/drivers/k30/adapter.ts';
import { astronautJpeg } from '../../../support/astronaut.ts';
import { makePng } from '../../../simulators/common/image-fixtures.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';

const visitor = (over: Partial<VisitorRecord> = {}): VisitorRecord => ({
  name: '王五',
  hostPin: 'A0001',
  idType: 'national-id',
  idNumber: '11010519491231002X',
  phone: '13900000009',
  reason: '送货',
  validFrom: '2026-03-01 09:00:00',
  validTo: '2026-03-01 18:00:00',
  starts: new Date('2026-03-01T01:00:00Z'),
  ends: new Date('2026-03-01T10:00:00Z'),
  laterDay: false,
  ...over,
});

/** K30's visitor.create / sync / delete over real HTTP against the strict simulator (issue 15 item 4). */
describe('K30 visitors', () => {
  let sim: K30Simulator;
  let k30: K30Adapter;

  beforeAll(async () => {
    sim = await startK30Simulator();
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
    k30 = new K30Adapter({ baseUrl: sim.url, companyNo: DEFAULT_COMPANY_NO });
  });
  afterEach(async () => {
    await k30.close();
  });

  it('registers with a JPEG face: the host by K30’s own number, pushed to every online device; checkout deletes it', async () => {
    expect(hasVisitorDesk(k30)).toBe(true);
    expect(k30.capabilities.visitors).toBe(true);
    const registration = await k30.visitors.register(visitor({ photo: { bytes: astronautJpeg() } }));
    const stored = sim.state.visitors.get(registration.ref);
    expect(stored).toMatchObject({ name: '王五', phone: '13900000009', staffno: SEED_IDS.zhangSan, reason: '送货', begintime: '2026-03-01 09:00:00', endtime: '2026-03-01 18:00:00', idcard: '11010519491231002X' });
    expect(stored?.photo).toBeTruthy();
    expect([...(stored?.devices ?? [])].sort()).toEqual([...sim.state.devices.values()].filter((d) => d.online).map((d) => d.no).sort());
    expect(stored?.devices.length).toBeGreaterThan(0);
    expect(registration.pin).toBe(registration.ref);
    await k30.visitors.checkOut({ ...visitor(), ...registration });
    expect(sim.state.visitors.has(registration.ref)).toBe(false);
  });

  it('refuses before sending: no ID number, no phone, a host K30 does not have, a photo that is not a JPEG', async () => {
    const refused = async (record: VisitorRecord) => {
      const error = await k30.visitors.register(record).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DriverError);
      return error as DriverError;
    };
    expect((await refused(visitor({ idNumber: undefined }))).details).toMatchObject({ field: 'idcard' });
    expect((await refused(visitor({ phone: undefined }))).details).toMatchObject({ field: 'phone' });
    const noHost = await refused(visitor({ hostPin: 'NOPE1' }));
    expect(noHost.details).toMatchObject({ field: 'staffno' });
    expect(noHost.advice?.['zh-CN']).toContain('被访人');
    const png = await refused(visitor({ photo: { bytes: makePng(64, 64) } }));
    expect(png.code).toBe('invalid_params');
    expect(sim.state.visitors.size).toBe(0);
  });

  it('a checkout K30 refuses because a device is offline comes back as K30’s own refusal', async () => {
    const registration = await k30.visitors.register(visitor());
    const first = sim.state.devices.get(sim.state.visitors.get(registration.ref)?.devices[0] ?? '');
    if (first) first.online = false;
    const error = await k30.visitors.checkOut({ ...visitor(), ...registration }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriverError);
    expect((error as DriverError).code).toBe('vendor_error');
    if (first) first.online = true;
    await k30.visitors.checkOut({ ...visitor(), ...registration });
  });
});
