import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/hongtu/mapping.ts';

/** The pushed pass record of the document (§7.2 sample `data`), as printed. */
const SAMPLE = {
  deviceId: 1, deviceLocation: '未知', deviceName: '设备', deviceStatus: 3, deviceType: 1,
  deviceUuid: 'c27689ef42d446c686ee58b14249ce7f', highThreshold: 38.5, id: '313123',
  livenessScore: '88.0', livenessType: 1, maskType: 1, maskTypeDesc: '戴口罩',
  passTime: '2021-05-24T14:13:10.298+08:00', passTimeFormat: '2021-05-24 14:08:39',
  passTimestamp: 1621836519111, passType: 1, passTypeDesc: '未通行',
  personCode: '123123', personName: '张三', personType: 1, recognitionScore: '89.0', recognitionType: 1,
  personImageUrl: 'http://10.122.101.181/pub/enrolled', snapshotUrl: 'http://10.122.101.181/pub/snap',
  temperature: 36.5, temperatureType: 0, temperatureTypeDesc: '未检测',
  verificationMode: 1, verificationModeDesc: '人脸', visitType: 1,
};

describe('Hongtu pass records with what the guard needs (issue 15 item 1)', () => {
  it('reads the document’s sample: passed, mask worn, the snapshot as the captured photo, no direction', () => {
    expect(toAccessEvent(SAMPLE)).toMatchObject({
      eventId: 'ht:313123', kind: 'pass', result: 'passed', direction: null, mask: true, capturedPhotoUrl: 'http://10.122.101.181/pub/snap',
      // temperatureType 0 未检测: the 36.5 beside it is not a measurement (the sample contradicts itself).
      temperature: null,
    });
  });

  it('maps recognitionType and passType: strangers, visitors, refusals', () => {
    expect(toAccessEvent({ ...SAMPLE, recognitionType: 4, passType: 0 }).result).toBe('stranger');
    expect(toAccessEvent({ ...SAMPLE, recognitionType: 5 }).result).toBe('stranger');
    expect(toAccessEvent({ ...SAMPLE, recognitionType: 2 }).result).toBe('visitor');
    expect(toAccessEvent({ ...SAMPLE, recognitionType: 6 }).result).toBe('visitor');
    expect(toAccessEvent({ ...SAMPLE, passType: 0 }).result).toBe('denied');
    expect(toAccessEvent({ ...SAMPLE, passType: 2 }).result).toBe('denied');
  });

  it('keeps a measured temperature and a missing mask; 0.0 is "not measured"', () => {
    expect(toAccessEvent({ ...SAMPLE, temperatureType: 2, temperature: 38.1, maskType: 2 })).toMatchObject({ temperature: 38.1, mask: false });
    expect(toAccessEvent({ ...SAMPLE, temperatureType: 1, temperature: 0, maskType: 0 })).toMatchObject({ temperature: null, mask: null });
  });
});
