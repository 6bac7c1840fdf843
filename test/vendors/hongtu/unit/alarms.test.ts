import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { hongtuAlarms } from '../../../../electron/drivers/hongtu/alarms.ts';

const event: AccessEvent = {
  eventId: 'ht:1', occurredAt: '2020-01-01T02:00:00.000Z', kind: 'pass', doorId: null, doorName: null, deviceSerial: null,
  readerName: null, personPin: null, personName: null, verifyMode: null, description: '', photoUrl: null,
};

describe('Hongtu alarm table', () => {
  it('a pass record: recognitionType 4 陌生人 is a stranger, 3 重点人员 an alarm, 1 员工 none', () => {
    expect(hongtuAlarms({ event, raw: { id: '1', passType: 0, recognitionType: 4, recognitionTypeDesc: '陌生人' } })).toEqual({ alarmClass: 'stranger', reason: { en: 'Stranger', 'zh-CN': '陌生人' } });
    expect(hongtuAlarms({ event, raw: { id: '1', recognitionType: '3' } })?.alarmClass).toBe('other-alarm');
    expect(hongtuAlarms({ event, raw: { id: '1', passType: 1, recognitionType: 1 } })).toBeNull();
  });

  it('the device alarm list: each documented alarmType, and a cleared alarm is none', () => {
    const alarm = (alarmType: number, alarmStatus = 1) => hongtuAlarms({ event, raw: { alarmType, alarmStatus, alarmTime: '1577844000000' } });
    expect(alarm(500100)?.alarmClass).toBe('tamper');
    expect(alarm(500104)?.alarmClass).toBe('held-open');
    expect(alarm(500500)?.alarmClass).toBe('fire');
    expect(alarm(500102)?.reason).toEqual({ en: 'Password cracking alarm', 'zh-CN': '密码破解报警' });
    expect(alarm(500000)?.alarmClass).toBe('other-alarm');
    expect(alarm(500108)?.alarmClass).toBe('other-alarm');
    expect(alarm(500100, 0)).toBeNull();
  });
});
