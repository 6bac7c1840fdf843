import { describe, expect, it } from 'vitest';
import { classifyPort, CERTAIN } from '../../../electron/scan/fingerprints.ts';
import type { HttpReply } from '../../../electron/scan/http-probe.ts';
import type { VendorProbe } from '../../../electron/scan/vendor-envelopes.ts';

type Probe = VendorProbe | 'root';

const reply = (path: string, json: Record<string, unknown>): HttpReply => ({
  scheme: 'http', method: 'GET', path, status: 200, server: null, contentType: 'application/json', location: null, title: null, json, bodyStart: JSON.stringify(json), tls: null,
});

/** The verdict on a port (one that hints at no vendor) whose only reply, to `probe`, is `json`: kind and confidence, or null. */
function read(json: Record<string, unknown>, probe: Probe): { kind: string; confidence: number } | null {
  const service = classifyPort({ port: 9000, replies: [{ probe, reply: reply('/probe', json) }], rtsp: null, silentMs: null }, '10.0.0.9');
  return service.kind === 'unknown' ? null : { kind: service.kind, confidence: service.confidence };
}

describe('ZKBio’s envelope and its variants (answer to GET /api/accLevel/list without access_token)', () => {
  it('is certain of the documented {code, message, data} refusal', () => {
    expect(read({ code: -401, message: 'Invalid access_token', data: null }, 'zkbio')).toEqual({ kind: 'zkbio', confidence: 0.9 });
  });

  it('still names ZKBio, less surely, for each variant real servers send', () => {
    const variants: [Record<string, unknown>, number][] = [
      [{ code: -40, message: 'Authorize access failure' }, 0.75], // no data: the reply that was missed
      [{ code: -40, msg: 'Authorize access failure', data: null }, 0.75], // msg, as the document's description says
      [{ code: '-40', message: 'Authorize access failure', data: null }, 0.75], // the number as text
      [{ code: '-40', msg: 'Authorize access failure' }, 0.65],
      [{ code: -40, data: null }, 0.75],
      [{ ret: 'fail', msg: 'failed info', data: null, i18nArgs: null }, 0.75], // §2: the transaction endpoints' envelope
    ];
    for (const [json, confidence] of variants) {
      const verdict = read(json, 'zkbio');
      expect(verdict, JSON.stringify(json)).toEqual({ kind: 'zkbio', confidence });
      expect(confidence).toBeLessThan(CERTAIN);
    }
  });

  it('names nothing from a code alone, a positive code with a message, or an answer to another probe', () => {
    expect(read({ code: -40 }, 'zkbio')).toBeNull();
    expect(read({ code: 404, message: 'Not Found' }, 'zkbio')).toBeNull();
    expect(read({ code: '401', msg: 'Unauthorized' }, 'zkbio')).toBeNull();
    expect(read({ code: -40, message: 'Authorize access failure' }, 'root')).toBeNull();
    expect(read({ code: 'abc', message: 'x', data: null }, 'zkbio')).toBeNull();
  });
});

describe('Hongtu’s envelope and its variants (100001 / 100008 to an unsigned request)', () => {
  it('is certain of the documented refusal, wherever it was asked', () => {
    for (const probe of ['hongtu', 'zkbio', 'k30', 'root'] as const) expect(read({ code: 100008, msg: '签名错误', data: null }, probe)).toEqual({ kind: 'hongtu', confidence: 0.95 });
  });

  it('names Hongtu less surely for the variants', () => {
    expect(read({ code: '100008', msg: '签名错误', data: null }, 'hongtu')).toEqual({ kind: 'hongtu', confidence: 0.75 });
    expect(read({ code: 100001, message: '未登录', data: null }, 'zkbio')).toEqual({ kind: 'hongtu', confidence: 0.75 });
    expect(read({ code: 100001, msg: '未登录' }, 'hongtu')).toEqual({ kind: 'hongtu', confidence: 0.75 });
    expect(read({ code: '100008', message: '签名错误' }, 'hongtu')).toEqual({ kind: 'hongtu', confidence: 0.65 });
  });

  it('takes another code with msg as a weak hint from its own probe only', () => {
    expect(read({ code: -1, msg: '系统异常', data: null }, 'hongtu')).toEqual({ kind: 'hongtu', confidence: 0.6 });
    expect(read({ code: 404, message: 'nope' }, 'hongtu')).toBeNull();
    expect(read({ code: '500', msg: 'error' }, 'hongtu')).toBeNull();
  });
});

describe('K30’s envelope and its variants (answer to POST /openapi/Device/GetList {})', () => {
  it('is certain of the documented {resultcode: "0"|"1", msg, data}', () => {
    expect(read({ resultcode: '0', msg: '签名错误', companyno: '', timestamp: '20250101120000000', sign: 'x', data: '' }, 'k30')).toEqual({ kind: 'k30', confidence: 0.9 });
    expect(read({ resultcode: '1', appid: 'pm65b0195c12225a37', data: '', msg: '创建成功' }, 'zkbio')).toEqual({ kind: 'k30', confidence: 0.75 });
  });

  it('names K30 less surely for the variants, from its own probe', () => {
    expect(read({ resultcode: 0, msg: '签名错误', data: '' }, 'k30')).toEqual({ kind: 'k30', confidence: 0.75 });
    expect(read({ resultcode: '0', message: '签名错误' }, 'k30')).toEqual({ kind: 'k30', confidence: 0.7 });
    expect(read({ resultcode: 0 }, 'k30')).toEqual({ kind: 'k30', confidence: 0.65 });
    expect(read({ resultcode: 0, msg: '签名错误', data: '' }, 'zkbio')).toBeNull();
    expect(read({ resultcode: '2', msg: 'x', data: '' }, 'k30')).toBeNull();
  });
});

describe('the verdict on a port', () => {
  it('names the system from a variant, says how sure, and says which variant in the evidence', () => {
    const service = classifyPort({ port: 8098, replies: [{ probe: 'zkbio', reply: reply('/api/accLevel/list?pageNo=1&pageSize=1', { code: -40, message: 'Authorize access failure' }) }], rtsp: null, silentMs: null }, '10.0.0.2');
    expect(service).toMatchObject({ kind: 'zkbio', confidence: 0.75, baseUrl: 'http://10.0.0.2:8098' });
    expect(service.evidence[0]?.text).toBe('GET /api/accLevel/list?pageNo=1&pageSize=1 → 200 {"code":-40,"message":"Authorize access failure"} [envelope variant: no data]');
  });
});
