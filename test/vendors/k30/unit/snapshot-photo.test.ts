import { describe, expect, it } from 'vitest';
import { readK30Callback } from '../../../../electron/drivers/k30/callbacks.ts';
import { snapshotUrlOf, toAccessEvent } from '../../../../electron/drivers/k30/mapping.ts';
import { Snapshots } from '../../../simulators/k30/snapshots.ts';
import type { PassRecord } from '../../../simulators/k30/state.ts';

/**
 * K30's pass snapshot (issue 15 item 2): record.list `photo` "通行记录抓拍图片, 阿里云在线url" and the
 * UploadRecord callback's `photo` "识别抓拍图片" (max 500) become the event's captured photo.
 */
const COMPANY = '1762766749844335';

/** record.list's first example item (seed 000 ~line 5320), values as printed. */
const DOCUMENT_ITEM = {
  no: '1749198341707',
  deviceno: '220114020314C',
  peopleno: '1749196804978384',
  peoplename: '张*',
  jobnumber: '1026322',
  photo:
    'http://arkcloud-pass-test.oss-cn-shenzhen.aliyuncs.com/e73862d6-e9de-4787-8b09-c8b9db9e92f6_20250606162541707_4588.jpg?OSSAccessKeyId=LTAIKypdJuYEjfhe&Expires=1756974342&Signature=eB1OEGZMCKgm5%2BD13pJAIWFkfXw%3D',
  iccard: '',
  group: '0',
  mode: '0',
  addtime: '2025-06-06 16:25:41',
  outintype: '0',
  exceptionmode: '1',
};

describe('K30 pass snapshots', () => {
  it('takes record.list’s pre-signed OSS link (the document’s example) as the captured photo, unchanged', () => {
    const event = toAccessEvent(DOCUMENT_ITEM);
    expect(event.capturedPhotoUrl).toBe(DOCUMENT_ITEM.photo);
    expect(event.photoUrl).toBe(DOCUMENT_ITEM.photo);
    expect(event).toMatchObject({ eventId: 'k30:1749198341707', personPin: '1026322', result: 'passed', direction: 'out' });
  });

  it('takes the UploadRecord callback’s photo the same way', () => {
    const data = JSON.stringify({ recordNo: '1749198341707', deviceno: '220114020314C', peopleNo: '1749196804978384', peopleName: '张*', deviceName: '大门', outinType: '0', companyName: '默认区域', recogMode: '0', addTime: '2025-06-06 16:25:41', exceptionMode: '1', photo: DOCUMENT_ITEM.photo });
    const { events } = readK30Callback({ companyno: COMPANY, method: 'UploadRecord', timestamp: '20250606162541707', data, sign: '0' }, { credentials: { companyNo: COMPANY }, signCheck: 'off', pinOf: () => '1026322' });
    expect(events[0]?.event.capturedPhotoUrl).toBe(DOCUMENT_ITEM.photo);
  });

  it('does not pass a data: picture on as a link (it would travel in every copy of the event); none and blanks are none', () => {
    const inline = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64')}`;
    expect(toAccessEvent({ ...DOCUMENT_ITEM, photo: inline }).capturedPhotoUrl).toBeNull();
    expect(snapshotUrlOf('')).toBeNull();
    expect(snapshotUrlOf(null)).toBeNull();
    expect(snapshotUrlOf('javascript:alert(1)')).toBeNull();
    expect(snapshotUrlOf('https://oss.example/a.jpg?Expires=1')).toBe('https://oss.example/a.jpg?Expires=1');
  });

  it('the simulator’s links work until Expires, then answer as OSS does; a remote open has none', () => {
    let now = Date.UTC(2025, 5, 6, 8, 25, 41);
    const snapshots = new Snapshots({ companyNo: COMPANY, clock: () => new Date(now), ttlMs: 60_000 });
    snapshots.setBase('http://127.0.0.1:1');
    const record: PassRecord = { no: '1749198341707', deviceno: 'A', peopleno: '1', peoplename: '张三', jobnumber: 'A1', deptno: '', iccard: '', group: 0, mode: 0, outintype: 1, exceptionmode: 1, at: now };
    const link = snapshots.urlOf(record);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:1\/snapshots\/1749198341707\.jpg\?OSSAccessKeyId=\w+&Expires=\d+&Signature=/);
    expect(link.length).toBeLessThanOrEqual(500);
    const find = (no: string) => (no === record.no ? record : undefined);
    const ok = snapshots.answer(new URL(link), find);
    expect(ok.status).toBe(200);
    expect([...ok.body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const forged = new URL(link);
    forged.searchParams.set('Expires', String(Number(forged.searchParams.get('Expires')) + 1000));
    expect(snapshots.answer(forged, find).body.toString()).toContain('SignatureDoesNotMatch');
    now += 61_000;
    const expired = snapshots.answer(new URL(link), find);
    expect(expired.status).toBe(403);
    expect(expired.body.toString()).toContain('Request has expired.');
    expect(snapshots.urlOf({ ...record, mode: 11 })).toBe('');
  });
});
