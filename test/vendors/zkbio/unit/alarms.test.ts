import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { zkbioAlarms, zkbioDoorStateAlarm } from '../../../../electron/drivers/zkbio/alarms.ts';

const event: AccessEvent = {
  eventId: 'zk:1', occurredAt: '2019-03-08T08:52:38.000Z', kind: 'pass', doorId: null, doorName: '10.8.14.210-1', deviceSerial: null,
  readerName: null, personPin: null, personName: null, verifyMode: null, description: 'Normal Verify Open', photoUrl: null,
};

// The document's transaction record (§2.19 transaction/monitor), with its eventLevel and eventName.
const record = (eventLevel: number | string, eventName: string) => ({ eventNo: 0, eventLevel, eventName, doorName: '10.8.14.210-1', devSn: '7633223440032' });

describe('ZKBio alarm table', () => {
  it('the document example (eventLevel 0, Normal Verify Open) is no alarm', () => {
    expect(zkbioAlarms({ event, raw: record(0, 'Normal Verify Open') })).toBeNull();
    expect(zkbioAlarms({ event, raw: { ...record('0', 'remote opening'), eventNo: 8 } })).toBeNull();
  });

  it('eventLevel 2 is an alarm, classed by its name in English or Chinese', () => {
    expect(zkbioAlarms({ event, raw: record(2, 'Duress Password Open') })?.alarmClass).toBe('duress');
    expect(zkbioAlarms({ event, raw: record('2', 'Door Opened Accidentally') })?.alarmClass).toBe('door-forced');
    expect(zkbioAlarms({ event, raw: record(2, '防拆报警') })?.alarmClass).toBe('tamper');
    expect(zkbioAlarms({ event, raw: record(2, 'Fire alarm') })?.alarmClass).toBe('fire');
    expect(zkbioAlarms({ event, raw: record(2, 'Door Open Timeout') })?.alarmClass).toBe('held-open');
    const other = zkbioAlarms({ event, raw: record(2, 'Something new') });
    expect(other).toEqual({ alarmClass: 'other-alarm', reason: { en: 'Alarm (Something new)', 'zh-CN': '报警（Something new）' } });
  });

  it('eventLevel 1 (warning) is an alarm only when its name is one', () => {
    expect(zkbioAlarms({ event, raw: record(1, 'Card is not registered') })).toBeNull();
    expect(zkbioAlarms({ event, raw: record(1, 'Duress Fingerprint Open') })?.alarmClass).toBe('duress');
  });

  it('without the raw record, an event the mapping made an alarm is one', () => {
    expect(zkbioAlarms({ event: { ...event, kind: 'alarm', description: 'Tamper alarm' } })?.alarmClass).toBe('tamper');
    expect(zkbioAlarms({ event })).toBeNull();
  });

  it('door state `alarm` values as the document lists them', () => {
    expect(zkbioDoorStateAlarm('None')).toBeNull();
    expect(zkbioDoorStateAlarm('unknown')).toBeNull();
    expect(zkbioDoorStateAlarm('be opened accidentally')?.alarmClass).toBe('door-forced');
    expect(zkbioDoorStateAlarm('tampering')?.alarmClass).toBe('tamper');
    expect(zkbioDoorStateAlarm('duress password opening')?.alarmClass).toBe('duress');
    expect(zkbioDoorStateAlarm('duress fingerprint opening')?.alarmClass).toBe('duress');
    expect(zkbioDoorStateAlarm('timeout')?.alarmClass).toBe('held-open');
    expect(zkbioDoorStateAlarm('low battery voltage')?.alarmClass).toBe('other-alarm');
    // A door state stored as an event's raw: the document's doorStateList item.
    const state = { id: '402856aa6c3bbde1016c3bc211e50059', name: '192.168.218.11-1', connect: '1', sensor: 'no sensor', alarm: 'None', relay: 'off' };
    expect(zkbioAlarms({ event, raw: state })).toBeNull();
    expect(zkbioAlarms({ event, raw: { ...state, alarm: 'tampering' } })?.reason).toEqual({ en: 'Tampering', 'zh-CN': '防拆报警' });
  });
});
