import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { k30Alarms } from '../../../../electron/drivers/k30/alarms.ts';

const event: AccessEvent = {
  eventId: 'k30:1', occurredAt: '2024-01-01T00:00:00.000Z', kind: 'pass', doorId: null, doorName: null, deviceSerial: null,
  readerName: null, personPin: null, personName: null, verifyMode: null, description: '', photoUrl: null,
};

// The UploadRecord callback's data (人员通行后回调记录), strings as the first section types them.
const callback = (recogMode: string | number, exceptionMode: string | number = '1') => ({
  recordNo: '1001', peopleNo: '7', peopleName: '张三', deviceNo: 'D1', deviceName: '大门', outinType: '1', recogMode, addTime: '2024-01-01 08:00:00', exceptionMode, photo: '',
});

describe('K30 alarm table', () => {
  it('recogMode 16 胁迫开门 is duress, 12 消防联动 fire, -8 陌生人 a stranger', () => {
    expect(k30Alarms({ event, raw: callback('16') })).toEqual({ alarmClass: 'duress', reason: { en: 'Duress opening', 'zh-CN': '胁迫开门' } });
    expect(k30Alarms({ event, raw: callback(12) })?.alarmClass).toBe('fire');
    expect(k30Alarms({ event, raw: callback('-8', 0) })?.alarmClass).toBe('stranger');
  });

  it('an ordinary pass, and a refused one (exceptionMode 0, a denial for the rule), are no alarm', () => {
    expect(k30Alarms({ event, raw: callback('0') })).toBeNull();
    expect(k30Alarms({ event, raw: callback('11', '0') })).toBeNull();
  });

  it('lower-case keys (E19), and record.list group 1 (stranger)', () => {
    expect(k30Alarms({ event, raw: { recordno: '1', recogmode: '16' } })?.alarmClass).toBe('duress');
    expect(k30Alarms({ event, raw: { no: '1', group: '1', mode: null, exceptionmode: '0' } })?.alarmClass).toBe('stranger');
    expect(k30Alarms({ event })).toBeNull();
  });
});
