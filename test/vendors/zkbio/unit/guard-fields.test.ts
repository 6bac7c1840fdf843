import { describe, expect, it } from 'vitest';
import { toAccessEvent } from '../../../../electron/drivers/zkbio/mapping.ts';

const NO_DOORS = new Map<string, string>();
/** A transaction/list v2 item with the fields of the document's TransactionV2 (2.19.5). */
const LISTED = { id: '402880f27a1f', eventTime: '2021-11-19 18:01:02', pin: '1', name: 'Wei', devSn: 'DMS1', verifyModeName: 'Face', eventName: 'Normal Verify Open', eventPointName: '192.168.214.15-1', readerName: '192.168.214.15-1-in', eventNo: 0, eventLevel: 0, doorName: '192.168.214.15-1', capturePhotoBase64: '' };

describe('ZKBio transactions with what the guard needs (issue 15 item 1)', () => {
  it('reads the direction from readerState (0 in, 1 out) or the reader’s name (…-in / …-out)', () => {
    expect(toAccessEvent(LISTED, NO_DOORS)).toMatchObject({ result: 'passed', direction: 'in', temperature: null, mask: null, capturedPhotoUrl: null });
    expect(toAccessEvent({ ...LISTED, readerName: '192.168.214.15-1-out' }, NO_DOORS).direction).toBe('out');
    expect(toAccessEvent({ ...LISTED, readerState: 1 }, NO_DOORS).direction).toBe('out');
    expect(toAccessEvent({ ...LISTED, readerName: 'Gate 出' }, NO_DOORS).direction).toBe('out');
  });

  it('reads a refusal as denied, and the temperature records’ temperature and maskFlag (0 none, 1 mask, null undetected)', () => {
    expect(toAccessEvent({ ...LISTED, eventNo: 27, eventName: 'card is not registered' }, NO_DOORS).result).toBe('denied');
    expect(toAccessEvent({ ...LISTED, temperature: 36.7, maskFlag: '0' }, NO_DOORS)).toMatchObject({ temperature: 36.7, mask: false });
    expect(toAccessEvent({ ...LISTED, temperature: '37.1', maskFlag: 1 }, NO_DOORS)).toMatchObject({ temperature: 37.1, mask: true });
    expect(toAccessEvent({ ...LISTED, capturePhotoBase64: 'AAAA' }, NO_DOORS).capturedPhotoUrl).toBe('data:image/jpeg;base64,AAAA');
  });
});
