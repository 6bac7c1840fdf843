import { describe, expect, it } from 'vitest';
import { readK30Callback } from '../../../../electron/drivers/k30/callbacks.ts';
import { toAccessEvent } from '../../../../electron/drivers/k30/mapping.ts';
import { encryptData } from '../../../../electron/drivers/k30/sign.ts';
import type { PushContext } from '../../../../electron/drivers/vendor-descriptor.ts';
import { PushRejected } from '../../../../electron/net/push-rejected.ts';
import { sealCallback } from '../../../simulators/k30/callbacks.ts';

/**
 * K30's callbacks read by electron/drivers/k30/callbacks.ts (k30.md §7). The document's examples
 * (seed 000 lines ~1705–1790 and ~5620–5700) print `data` as plaintext JSON (E9) and use a 12-digit
 * company number (175212253682) that cannot be an AES key (E33) and placeholder signs (E8); here
 * they are read with the verified 16-digit company number in its place.
 */
const COMPANY = '1762766749844335';

function context(overrides: Partial<PushContext> = {}): PushContext {
  return { credentials: { companyNo: COMPANY }, signCheck: 'warn', pinOf: (ref) => (ref === '123456789' ? 'P0001' : null), ...overrides };
}

/** The document's 2.1 返回成功 of 下发成功记录回调, company number replaced. */
const AUTH_OK = {
  companyno: COMPANY,
  method: 'authstatus',
  timestamp: '20250514151647740',
  data: '{"no":"123456789","deviceno":"22012521131C","resultcode":"1","msg":"上报成功"}',
  sign: 'b158f3b2af0b5b2150f897b7ce8ed5f6',
};

/** The document's 2.2 返回失败. */
const AUTH_FAIL = { ...AUTH_OK, timestamp: '20220330142506052', data: '{"no":"123456789","deviceno":"22012521131C","resultcode":"0","msg":"上报失败"}', sign: '7cc62da13e3c91bc8b7a07706d6a5243' };

/** The document's UploadRecord example (truncated there with "......"), completed with §7.3's fields. */
const UPLOAD_EXAMPLE = {
  companyno: COMPANY,
  method: 'UploadRecord',
  timestamp: '20250514151647740',
  data: '{"recordNo":"123456789","deviceno":"22012521131C","peopleNo":"123456789","peopleName":"张三","deviceName":"大门","outinType":"1","companyName":"默认区域","recogMode":"0","addTime":"2025-05-14 15:16:47","exceptionMode":"1","photo":""}',
  sign: 'b158f3b2af0b5b2150f897b7ce8ed5f6',
};

function rejection(fn: () => unknown): PushRejected {
  try {
    fn();
  } catch (error) {
    if (error instanceof PushRejected) return error;
    throw error;
  }
  throw new Error('not rejected');
}

describe('K30 callbacks: the document’s examples', () => {
  it('authstatus success and failure are per-device results; the placeholder signs are a warning, not a refusal', () => {
    const ok = readK30Callback(AUTH_OK, context());
    expect(ok.events).toEqual([]);
    expect(ok.deviceResults).toEqual([{ personNo: '123456789', deviceNo: '22012521131C', ok: true, message: '上报成功', reportedAt: '20250514151647740' }]);
    expect(ok.warnings).toHaveLength(1);
    expect(readK30Callback(AUTH_FAIL, context()).deviceResults).toEqual([{ personNo: '123456789', deviceNo: '22012521131C', ok: false, message: '上报失败', reportedAt: '20220330142506052' }]);
    expect(readK30Callback(AUTH_OK, context({ signCheck: 'off' })).warnings).toEqual([]);
    expect(rejection(() => readK30Callback(AUTH_OK, context({ signCheck: 'strict' }))).status).toBe(401);
  });

  it('UploadRecord (lowercase deviceno as the example writes it) is the event record.list gives for the same record', () => {
    const { events, deviceResults } = readK30Callback(UPLOAD_EXAMPLE, context());
    expect(deviceResults).toEqual([]);
    expect(events).toHaveLength(1);
    const listed = toAccessEvent({ no: '123456789', deviceno: '22012521131C', peopleno: '123456789', peoplename: '张三', jobnumber: 'P0001', group: '0', mode: '0', addtime: '2025-05-14 15:16:47', outintype: '1', exceptionmode: '1', photo: '' });
    expect(events[0]?.event).toEqual(listed);
    expect(events[0]?.event).toMatchObject({ eventId: 'k30:123456789', doorId: '22012521131C', personPin: 'P0001', kind: 'pass', occurredAt: '2025-05-14 15:16:47' });
  });
});

describe('K30 callbacks: both field lists of UploadRecord (E19)', () => {
  const sealed = (payload: Record<string, unknown>, method: 'UploadRecord' | 'authstatus' = 'UploadRecord') => sealCallback(method, JSON.stringify(payload), COMPANY, '20251127145555976');

  it('设备识别记录转发第三方: integers, department fields, deviceNo; remote open (11) and a stranger (-8)', () => {
    const base = { recordNo: 'R7', departmentNo: 'D1', departmentName: '工程部', peopleNo: 'X', peopleName: '李四', deviceNo: 'DEV1', deviceName: '门', outinType: 0, addTime: '2025-11-27 14:55:55', photo: '' };
    const remote = readK30Callback(sealed({ ...base, recogMode: 11, exceptionMode: 1 }), context());
    expect(remote.warnings).toEqual([]);
    expect(remote.events[0]?.event).toMatchObject({ eventId: 'k30:R7', kind: 'remote-open', doorId: 'DEV1', personPin: null, personName: '李四' });
    const stranger = readK30Callback(sealed({ ...base, recogMode: -8, exceptionMode: 0 }), context());
    expect(stranger.events[0]?.event).toMatchObject({ kind: 'denied', verifyMode: null });
  });

  it('names are read case-insensitively (deviceNo, DEVICENO), values as text or numbers', () => {
    const read = readK30Callback(sealed({ RECORDNO: 5, DEVICENO: 'A1', addtime: '2025-11-27 14:55:55', recogmode: '0', exceptionmode: '1' }), context());
    expect(read.events[0]?.event).toMatchObject({ eventId: 'k30:5', doorId: 'A1', kind: 'pass' });
  });

  it('a record without its number or time, an authstatus without its device, an unknown method: refused with the reason', () => {
    expect(rejection(() => readK30Callback(sealed({ deviceNo: 'A', addTime: '2025-11-27 14:55:55' }), context())).message).toMatch(/recordNo/);
    expect(rejection(() => readK30Callback(sealed({ recordNo: '1' }), context())).message).toMatch(/addTime/);
    expect(rejection(() => readK30Callback(sealed({ no: '1', resultcode: '1' }, 'authstatus'), context())).message).toMatch(/deviceno/);
    const other = { ...sealCallback('UploadRecord', '{}', COMPANY, '1'), method: 'Heartbeat' };
    expect(rejection(() => readK30Callback(other, context({ signCheck: 'off' }))).status).toBe(422);
  });
});

describe('K30 callbacks: refusals', () => {
  const callback = sealCallback('authstatus', '{"no":"9","deviceno":"D","resultcode":"1","msg":"上报成功"}', COMPANY, '20251127145555976');

  it('a signed callback reads with no warning in strict mode; a forged sign is a warning in warn and 401 in strict', () => {
    expect(readK30Callback(callback, context({ signCheck: 'strict' })).warnings).toEqual([]);
    const forged = { ...callback, sign: '0'.repeat(32) };
    expect(readK30Callback(forged, context()).warnings[0]).toMatch(/sign/);
    expect(rejection(() => readK30Callback(forged, context({ signCheck: 'strict' }))).status).toBe(401);
  });

  it('another company’s number is 403, whatever the sign', () => {
    const foreign = sealCallback('authstatus', '{"no":"9","deviceno":"D","resultcode":"1"}', '9999888877776666', '1');
    const refused = rejection(() => readK30Callback(foreign, context({ signCheck: 'off' })));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain('9999888877776666');
  });

  it('data that does not decrypt, or is not JSON, is 400; a body that is no envelope is 400', () => {
    expect(rejection(() => readK30Callback({ ...callback, data: 'AAAA' }, context())).status).toBe(400);
    expect(rejection(() => readK30Callback({ ...callback, data: encryptData('not json', COMPANY) }, context())).status).toBe(400);
    expect(rejection(() => readK30Callback({ hello: 1 }, context())).status).toBe(400);
    expect(rejection(() => readK30Callback([1, 2], context())).status).toBe(400);
  });

  it('a form decoder’s reading of data (plain base64, or + turned into spaces) reads the same as the JSON body', () => {
    const plainBase64 = decodeURIComponent(callback.data);
    expect(readK30Callback({ ...callback, data: plainBase64 }, context({ signCheck: 'strict' })).deviceResults).toHaveLength(1);
    expect(readK30Callback({ ...callback, data: plainBase64.replaceAll('+', ' ') }, context({ signCheck: 'strict' })).deviceResults).toHaveLength(1);
  });
});
