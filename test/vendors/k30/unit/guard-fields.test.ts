import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/k30/mapping.ts';

/** A record.list item as the document's table gives it (all strings). */
const RECORD = { no: '9', deviceno: 'A', peopleno: '1', peoplename: '张三', jobnumber: 'A0001', photo: 'https://oss.example/snap.jpg?Expires=1', iccard: '', group: '0', mode: '0', addtime: '2025-06-02 09:00:00', outintype: '1', exceptionmode: '1' };

describe('K30 pass records with what the guard needs (issue 15 item 1)', () => {
  it('reads outintype (1 入口, 0 出口) as the direction and the snapshot as the captured photo', () => {
    expect(toAccessEvent(RECORD)).toMatchObject({ result: 'passed', direction: 'in', capturedPhotoUrl: RECORD.photo, temperature: null, mask: null });
    expect(toAccessEvent({ ...RECORD, outintype: '0' }).direction).toBe('out');
    expect(toAccessEvent({ ...RECORD, outintype: '' }).direction).toBeNull();
  });

  it('reads group (1 陌生人, 10 访客), mode 6 (访客二维码) and exceptionmode (other than 1: denied)', () => {
    expect(toAccessEvent({ ...RECORD, group: '1', exceptionmode: '0' }).result).toBe('stranger');
    expect(toAccessEvent({ ...RECORD, group: '10' }).result).toBe('visitor');
    expect(toAccessEvent({ ...RECORD, mode: '6' }).result).toBe('visitor');
    expect(toAccessEvent({ ...RECORD, exceptionmode: '2' }).result).toBe('denied');
  });
});
