import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { attendanceType, mapPass, type AttendanceLookups } from '../../../../electron/bridge/attendance-mapping.ts';
import { workerPass } from '../worker-pass.ts';

/** Passes → attendance records on plain data (issue 16 item 4): type, time, which passes, idempotence keys. */
const event = (overrides: Partial<AccessEvent> = {}): AccessEvent => workerPass(101, 'D1', '2026-12-07 08:30:05', { description: '', ...overrides });

const lookups: AttendanceLookups = {
  bridgeId: 1,
  timeZone: 'Asia/Shanghai',
  devicesForDoor: (backendId, doorId) =>
    backendId === 7 && doorId === 'D1' ? [{ bridgeId: 2, deviceId: 9 }, { bridgeId: 1, deviceId: 3 }] : backendId === 7 && doorId === 'SER-2' ? [{ bridgeId: 1, deviceId: 4 }] : [],
  personByPin: (pin) => (pin === '1001' ? 55 : pin === '1002' ? 56 : undefined),
  platformPersonId: (deviceId, personId) => (personId === 55 && (deviceId === 3 || deviceId === 4) ? '4508004291609636864' : undefined),
};

describe('attendance type from the verification mode (§2.3.2 type)', () => {
  it.each([
    ['人脸', 1],
    ['Face', 1],
    ['智能识别', 1],
    ['刷卡', 2],
    ['Card', 2],
    ['人卡', 2],
    ['身份证', 8],
    ['人证', 8],
    ['ID card', 8],
    ['二维码', 16],
    ['访客二维码开门', 16],
    ['QR code', 16],
  ])('%s → %i', (mode, type) => {
    expect(attendanceType(mode)).toEqual({ type, known: true });
  });

  it('an unknown or missing mode is a face, said to be unknown', () => {
    expect(attendanceType('密码开门')).toEqual({ type: 1, known: false });
    expect(attendanceType(null)).toEqual({ type: 1, known: false });
    expect(attendanceType('')).toEqual({ type: 1, known: false });
  });
});

describe('a pass → the bridge device’s record', () => {
  it('maps a worker’s pass at a mapped door: personId, type, epoch ms read in the site’s zone, temperature, photo by event id', () => {
    const mapped = mapPass(7, event({ temperature: 36.66, capturedPhotoUrl: 'http://oss/snap.jpg' }), lookups);
    expect(mapped.skipped).toBeUndefined();
    expect(mapped.records).toEqual([
      // 08:30:05 in Shanghai (UTC+8) is 00:30:05 UTC; only bridge 1's device.
      { deviceId: 3, backendId: 7, eventId: 'k30:101', personId: '4508004291609636864', recordTime: Date.parse('2026-12-07T00:30:05Z'), type: '1', temperature: 36.66, photoRef: 'k30:101' },
    ]);
  });

  it('a time with its zone is that instant; no temperature and no photo are null', () => {
    const mapped = mapPass(7, event({ occurredAt: '2026-12-07T08:30:05+00:00', verifyMode: '刷卡' }), lookups);
    expect(mapped.records[0]).toMatchObject({ recordTime: Date.parse('2026-12-07T08:30:05Z'), type: '2', temperature: null, photoRef: null });
  });

  it('the same event maps to the same backend + event id (the queue’s unique key): queued once', () => {
    const a = mapPass(7, event(), lookups).records[0]!;
    const b = mapPass(7, event({ personName: 'renamed' }), lookups).records[0]!;
    expect([a.backendId, a.eventId]).toEqual([b.backendId, b.eventId]);
  });

  it('a visitor’s pass counts; a door found by the device serial when the door id is not mapped', () => {
    const mapped = mapPass(7, event({ result: 'visitor', doorId: 'X', deviceSerial: 'SER-2' }), lookups);
    expect(mapped.records.map((r) => r.deviceId)).toEqual([4]);
  });

  it('an unknown mode is sent as a face and reported for the log', () => {
    const mapped = mapPass(7, event({ verifyMode: '密码开门' }), lookups);
    expect(mapped.records[0]?.type).toBe('1');
    expect(mapped.unknownMode).toBe('密码开门');
  });

  it.each<[string, Partial<AccessEvent>, number, string]>([
    ['a denied pass', { kind: 'denied', result: 'denied' }, 7, 'not-a-pass'],
    ['a stranger', { result: 'stranger' }, 7, 'not-a-pass'],
    ['a remote opening', { kind: 'remote-open' }, 7, 'not-a-pass'],
    ['an unmapped door', { doorId: 'D9' }, 7, 'door-not-mapped'],
    ['another backend’s door D1', {}, 8, 'door-not-mapped'],
    ['no door at all', { doorId: null }, 7, 'no-door'],
    ['a person Doorman does not know', { personPin: '9999' }, 7, 'no-person'],
    ['a person not on the platform', { personPin: '1002' }, 7, 'person-not-mapped'],
    ['no readable time', { occurredAt: 'yesterday' }, 7, 'no-time'],
  ])('%s → nothing', (_what, overrides, backendId, reason) => {
    const mapped = mapPass(backendId, event(overrides), lookups);
    expect(mapped.records).toEqual([]);
    expect(mapped.skipped).toBe(reason);
  });
});
