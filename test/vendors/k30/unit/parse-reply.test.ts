import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../../../electron/drivers/driver-error.ts';
import type { HttpReply } from '../../../../electron/drivers/http/http-transport.ts';
import { k30EndpointById } from '../../../../electron/drivers/k30/endpoints.ts';
import type { K30Endpoint } from '../../../../electron/drivers/k30/envelope.ts';
import { parseReply } from '../../../../electron/drivers/k30/reply.ts';
import { sealResponse } from '../../../../electron/drivers/k30/sign.ts';

const COMPANY = '1762766749844335';
const spec = (id: string): K30Endpoint => {
  const found = k30EndpointById(id);
  if (!found) throw new Error(id);
  return found;
};
const reply = (body: unknown, status = 200): HttpReply => ({ status, contentType: 'application/json', text: typeof body === 'string' ? body : JSON.stringify(body), date: null, server: null });

function read(id: string, body: unknown, status = 200): { value: unknown; warnings: string[] } {
  const warnings: string[] = [];
  const value = parseReply(spec(id), reply(body, status), { companyNo: COMPANY, signCheck: 'strict', onSignWarning: (w: LocalizedText, endpoint) => warnings.push(`${endpoint}: ${w.en}`) });
  return { value, warnings };
}

/** K30 replies read by reply.ts (k30.md §1.3, §3): the document's verified visitor.create reply, its E9/E10 forms, and what is not K30. */
describe('K30 parseReply', () => {
  it('the document’s visitor.create reply (V2) decrypts and verifies', () => {
    const sealed = sealResponse({ resultcode: '1', msg: '新增访客成功', companyno: COMPANY, timestamp: '20251120172204574', json: '{"no":"1763630523605347"}' }, COMPANY);
    expect(sealed.sign).toBe('e2b2f82eaa47c00edbf34b7691d8b678');
    expect(read('visitor.create', sealed).value).toEqual({ no: '1763630523605347' });
  });

  it('a companyno the transport redacted is read as ours, so the sign still verifies', () => {
    const sealed = sealResponse({ resultcode: '1', msg: 'Success', companyno: COMPANY, timestamp: '20251120172204574', json: '{"no":"1"}' }, COMPANY);
    expect(read('people.create', { ...sealed, companyno: '[redacted]' }).value).toEqual({ no: '1' });
  });

  it('`data: ""` is no payload', () => {
    const sealed = sealResponse({ resultcode: '1', msg: '下发成功', companyno: COMPANY, timestamp: '20251127145555976', json: '' }, COMPANY);
    expect(read('people.sync', sealed).value).toBeNull();
  });

  it('resultcode "0" is the server’s refusal, after the sign is checked', () => {
    const sealed = sealResponse({ resultcode: '0', msg: '失败: 人员不存在(no: 1)', companyno: COMPANY, timestamp: '20251127145555976', json: '' }, COMPANY);
    expect(() => read('people.delete', sealed)).toThrow(expect.objectContaining({ code: 'vendor_error', vendorCode: 0 }));
  });

  it('a success body under HTTP 500 is not counted as done', () => {
    const sealed = sealResponse({ resultcode: '1', msg: 'Success', companyno: COMPANY, timestamp: '20251127145555976', json: '' }, COMPANY);
    expect(() => read('people.delete', sealed, 500)).toThrow(expect.objectContaining({ code: 'http_status' }));
  });

  it('JSON that is not K30’s envelope is schema_mismatch; a ZKBio reply too', () => {
    expect(() => read('device.list', { code: 0, message: 'success', data: [] })).toThrow(expect.objectContaining({ code: 'schema_mismatch' }));
    expect(() => read('device.list', '{"resultcode":"1","da')).toThrow(expect.objectContaining({ code: 'truncated_json' }));
    expect(() => read('device.list', '<html><title>登录</title></html>')).toThrow(expect.objectContaining({ code: 'not_json' }));
  });
});
