import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonRefs, VisitorRecord } from '../../../../electron/backends/backend.ts';
import { hasVisitorDesk } from '../../../../electron/backends/backend.ts';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { HongtuAdapter } from '../../../../electron/drivers/hongtu/adapter.ts';
import { toAccessEvent } from '../../../../electron/drivers/hongtu/mapping.ts';
import { callHongtu } from './hongtu-http.ts';
import { astronautJpeg } from '../../../support/astronaut.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../../simulators/hongtu/server.ts';

const HOUR = 3_600_000;
let sim: HongtuSimulator;
let adapter: HongtuAdapter;
let refs: Map<string, string>;

const memoryRefs = (map: Map<string, string>): PersonRefs => ({ get: (pin) => map.get(pin) ?? null, set: (pin, ref) => void map.set(pin, ref), forget: (pin) => void map.delete(pin) });

beforeEach(async () => {
  sim = await startHongtuSimulator();
  refs = new Map();
  adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000, personRefs: memoryRefs(refs) });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});

const visitor = (over: Partial<VisitorRecord> = {}): VisitorRecord => {
  const now = Date.now();
  return {
    name: 'Mary',
    hostPin: 'E1001',
    idType: 'national-id',
    idNumber: '11010519491231002X',
    phone: '13900000009',
    company: 'Acme',
    reason: 'Delivery',
    validFrom: 'local start',
    validTo: 'local end',
    starts: new Date(now - HOUR),
    ends: new Date(now + 4 * HOUR),
    laterDay: false,
    ...over,
  };
};

/** Hongtu visitors (person type 2, hongtu.md §6 person.batchAdd) over real HTTP against the strict simulator (issue 15 item 4). */
describe('Hongtu visitors', () => {
  it('registers a visitor as a person of type 2 with the visit times, the host’s uuid (read once, then stored) and the face', async () => {
    expect(hasVisitorDesk(adapter)).toBe(true);
    expect(adapter.capabilities.visitors).toBe(true);
    const v = visitor({ photo: { bytes: astronautJpeg() } });
    const registration = await adapter.visitors.register(v);
    const person = sim.state.persons.get(registration.ref);
    expect(person).toMatchObject({
      type: 2,
      name: 'Mary',
      visitStartTimeStamp: v.starts.getTime(),
      visitEndTimeStamp: v.ends.getTime(),
      visitedUuid: SEED_IDS.zhangSan,
      visitReason: 'Delivery',
      visitFirm: 'Acme',
      visitType: 1,
      phone: '13900000009',
      identifyNum: '11010519491231002X',
    });
    expect(person?.imageUri).toBeTruthy();
    expect(registration.pin).toBe(registration.ref);
    // The host's uuid is kept with the backend's person refs.
    expect(refs.get('E1001')).toBe(SEED_IDS.zhangSan);
    // A passport number is not a 身份证号: it is not sent as identifyNum.
    const passport = await adapter.visitors.register(visitor({ name: 'Tom', idType: 'passport', idNumber: 'E12345678' }));
    expect(sim.state.persons.get(passport.ref)?.identifyNum).toBeUndefined();
  });

  it('puts the visitor into the platform’s visitor groups, so their pass records name them by uuid', async () => {
    const group = (await adapter.client.call('passGroup.batchAdd', { groupList: [{ name: '访客组', type: 2 }] })) as { successes: { uuid: string }[] };
    const groupUuid = group.successes[0]?.uuid ?? '';
    const registration = await adapter.visitors.register(visitor());
    expect(sim.state.persons.get(registration.ref)?.groupList).toEqual([groupUuid]);
    const record = sim.emitPassRecord({ personUuid: registration.ref, passType: 1 });
    const { events } = await adapter.events(adapter.eventsCursorAt(new Date(record.passTimestamp - 1000)));
    const event = events.find((e) => e.eventId === `ht:${record.id}`);
    expect(event).toMatchObject({ personPin: registration.ref, personName: 'Mary', result: 'visitor', kind: 'pass' });
  });

  it('checks out by ending the visit now (person/update), which Hongtu then lists as invalid; a visit not begun is deleted', async () => {
    const registration = await adapter.visitors.register(visitor());
    const before = Date.now();
    await adapter.visitors.checkOut({ ...visitor(), ...registration });
    const ended = sim.state.persons.get(registration.ref)?.visitEndTimeStamp ?? 0;
    expect(ended).toBeGreaterThanOrEqual(before);
    expect(ended).toBeLessThanOrEqual(Date.now());
    const listed = await adapter.visitors.list();
    expect(listed.find((v) => v.pin === registration.ref)).toMatchObject({ name: 'Mary', status: 'invalid' });

    const tomorrow = visitor({ name: 'Ann', starts: new Date(Date.now() + 24 * HOUR), ends: new Date(Date.now() + 26 * HOUR), laterDay: true });
    const booked = await adapter.visitors.register(tomorrow);
    await adapter.visitors.checkOut({ ...tomorrow, ...booked });
    expect(sim.state.persons.has(booked.ref)).toBe(false);
  });

  it('refuses a host not on Hongtu, and fields Hongtu’s formats refuse, with advice in both languages and nothing added', async () => {
    const count = sim.state.persons.size;
    const noHost = await adapter.visitors.register(visitor({ hostPin: 'X404' })).catch((e: unknown) => e);
    expect(noHost).toBeInstanceOf(DriverError);
    expect((noHost as DriverError).details).toMatchObject({ field: 'visitedUuid' });
    expect((noHost as DriverError).advice?.['zh-CN']).toContain('被访人');
    const spaced = await adapter.visitors.register(visitor({ company: 'Acme Ltd.' })).catch((e: unknown) => e);
    expect((spaced as DriverError).details).toMatchObject({ field: 'visitFirm' });
    const plus = await adapter.visitors.register(visitor({ phone: '+8613900000009' })).catch((e: unknown) => e);
    expect((plus as DriverError).details).toMatchObject({ field: 'phone' });
    expect(sim.state.persons.size).toBe(count);
  });

  it('the simulator holds the document’s visitor rules: the visit times and the host are required, integers, start before end', async () => {
    // Raw signed HTTP: the driver's own parameter check would stop some of these before the simulator.
    const add = async (person: Record<string, unknown>) => {
      const reply = await callHongtu(sim.url, 'POST', '/v1/api/person/batchAdd', { appKey: sim.appKey, secretKey: sim.secretKey, body: { personList: [{ name: 'V', type: 2, ...person }] } });
      const json = (await reply.json()) as { code: number; msg: string; data: { failures: { code: number; msg: string }[]; successes: unknown[] } | null };
      // A type the catalog refuses fails the whole request; a rule of one person fails that item.
      return json.data ?? { failures: [{ code: json.code, msg: json.msg }], successes: [] };
    };
    const now = Date.now();
    const times = { visitStartTimeStamp: now, visitEndTimeStamp: now + HOUR, visitedUuid: SEED_IDS.zhangSan };
    expect((await add({ visitStartTimeStamp: now, visitEndTimeStamp: now + HOUR })).failures[0]?.msg).toContain('visitedUuid');
    expect((await add({ visitEndTimeStamp: now + HOUR, visitedUuid: SEED_IDS.zhangSan })).failures[0]?.msg).toContain('visitStartTimeStamp');
    expect((await add({ ...times, visitEndTimeStamp: now - HOUR })).failures[0]?.code).toBe(121040);
    expect((await add({ ...times, visitStartTimeStamp: 'tomorrow' })).failures[0]?.code).toBe(100003);
    expect((await add({ ...times, visitFirm: 'Acme Ltd' })).failures[0]?.code).toBe(100003);
    expect((await add({ ...times, visitedUuid: 'nobody' })).failures[0]?.code).toBe(100009);
    expect((await add(times)).successes).toHaveLength(1);
  });

  it('maps a visitor’s pass record (no employee code) to their uuid, an employee’s to their code', () => {
    expect(toAccessEvent({ uuid: 'r1', personUuid: 'u-visitor', personType: 2, passType: 1, recognitionType: 2, passTimestamp: 1 }).personPin).toBe('u-visitor');
    expect(toAccessEvent({ uuid: 'r2', personUuid: 'u-emp', personCode: 'E1001', personType: 1, passType: 1, passTimestamp: 1 }).personPin).toBe('E1001');
    expect(toAccessEvent({ uuid: 'r3', personUuid: 'u-key', personType: 3, passTimestamp: 1 }).personPin).toBeNull();
  });
});
