import { describe, expect, it } from 'vitest';
import { AccessEventSchema } from '../../../../shared/contract/backends.ts';
import { toAlarmEvent } from '../../../../electron/drivers/hongtu/mapping.ts';

// A deviceAlarm.list item with the document's field names (hongtu.md §6): times are epoch ms as
// text; 1577844000000 is the document's example time "2020-01-01 10:00:00" in China (UTC+8).
const record = {
  deviceUuid: 'd0000000000000000000000000000002',
  deviceName: '前门面板',
  deviceLocation: '一楼大厅',
  deviceType: 2,
  deviceModel: 40,
  deviceStatus: 3,
  alarmStatus: 1,
  alarmType: 500100,
  alarmTime: '1577844000000',
  gmtCreate: '1577844000123',
  gmtModified: '1577844000123',
  alarmStatusNow: 1,
};

describe('Hongtu device alarm records as events', () => {
  it('a tamper alarm (500100, alarmStatus 1) is an alarm event at alarmTime, named by device, type and time', () => {
    const event = toAlarmEvent(record);
    expect(event).toEqual({
      eventId: 'ht:alarm:d0000000000000000000000000000002:500100:1577844000000',
      occurredAt: '2020-01-01T02:00:00.000Z',
      kind: 'alarm',
      doorId: 'd0000000000000000000000000000002',
      doorName: '前门面板',
      deviceSerial: null,
      readerName: '一楼大厅',
      personPin: null,
      personName: null,
      verifyMode: null,
      description: '防拆报警',
      photoUrl: null,
      result: 'other',
      direction: null,
    });
    expect(AccessEventSchema.safeParse(event).success).toBe(true);
  });

  it('the alarm type words are the document\'s: 500104 门禁开放超时报警, 500500 消防报警; one it does not list still reads', () => {
    expect(toAlarmEvent({ ...record, alarmType: 500104 })?.description).toBe('门禁开放超时报警');
    expect(toAlarmEvent({ ...record, alarmType: '500500' })?.description).toBe('消防报警');
    expect(toAlarmEvent({ ...record, alarmType: 500999 })?.description).toBe('设备报警 500999');
  });

  it('the same record read twice is the same event; another time or type is another', () => {
    const id = toAlarmEvent(record)?.eventId;
    expect(toAlarmEvent({ ...record })?.eventId).toBe(id);
    expect(toAlarmEvent({ ...record, alarmTime: '1577844000001' })?.eventId).not.toBe(id);
    expect(toAlarmEvent({ ...record, alarmType: 500500 })?.eventId).not.toBe(id);
  });

  it('a cleared record (alarmStatus 0 报警恢复) is no event', () => {
    expect(toAlarmEvent({ ...record, alarmStatus: 0 })).toBeNull();
    expect(toAlarmEvent({ ...record, alarmStatus: '0' })).toBeNull();
  });

  it('an alarmTime beyond JavaScript dates is kept as text (the events store refuses it) instead of throwing', () => {
    expect(toAlarmEvent({ ...record, alarmTime: '9999999999999999' })?.occurredAt).toBe('9999999999999999');
  });
});
