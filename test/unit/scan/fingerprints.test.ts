import { describe, expect, it } from 'vitest';
import { classifyPort, hostVerdict, probeOrder, type PortObservation } from '../../../electron/scan/fingerprints.ts';
import type { HttpReply } from '../../../electron/scan/http-probe.ts';

function reply(partial: Partial<HttpReply> & Pick<HttpReply, 'path'>): HttpReply {
  const json = partial.json ?? null;
  return {
    scheme: 'http',
    method: 'GET',
    status: 200,
    server: null,
    contentType: json ? 'application/json' : 'text/html',
    location: null,
    title: null,
    json,
    bodyStart: json ? JSON.stringify(json) : '',
    tls: null,
    ...partial,
  };
}

const observe = (port: number, replies: PortObservation['replies'], extra: Partial<PortObservation> = {}): PortObservation => ({ port, replies, rtsp: null, silentMs: null, ...extra });

describe('vendor fingerprints', () => {
  it("names ZKBio by its envelope refusing a request without access_token", () => {
    const service = classifyPort(
      observe(8098, [
        { probe: 'root', reply: reply({ path: '/', status: 302, location: '/login.do' }) },
        { probe: 'zkbio', reply: reply({ path: '/api/accLevel/list?pageNo=1&pageSize=1', status: 401, json: { code: -401, message: 'Invalid access_token', data: null } }) },
      ]),
      '10.0.0.2',
    );
    expect(service).toMatchObject({ kind: 'zkbio', confidence: 0.9, protocol: 'http', baseUrl: 'http://10.0.0.2:8098' });
    expect(service.evidence[0]).toEqual({ port: 8098, source: 'api', text: 'GET /api/accLevel/list?pageNo=1&pageSize=1 → 401 {"code":-401,"message":"Invalid access_token","data":null}' });
  });

  it('names Hongtu by 100008 签名错误 / 100001 未登录 to an unsigned request, wherever it was asked', () => {
    for (const code of [100008, 100001]) {
      const service = classifyPort(observe(9000, [{ probe: 'zkbio', reply: reply({ path: '/api/accLevel/list', json: { code, msg: code === 100008 ? '签名错误' : '未登录', data: null } }) }]), '10.0.0.3');
      expect(service).toMatchObject({ kind: 'hongtu', confidence: 0.95 });
    }
  });

  it('names K30 by its resultcode envelope', () => {
    const service = classifyPort(observe(8080, [{ probe: 'k30', reply: reply({ method: 'POST', path: '/openapi/Device/GetList', json: { resultcode: '0', msg: '签名错误', data: '' } }) }]), '10.0.0.4');
    expect(service).toMatchObject({ kind: 'k30', confidence: 0.9 });
  });

  it('does not call any JSON with a code field a vendor', () => {
    const service = classifyPort(
      observe(8080, [
        { probe: 'root', reply: reply({ path: '/', json: { code: 0, message: 'ok' } }) },
        { probe: 'zkbio', reply: reply({ path: '/api/accLevel/list', status: 404, json: { error: 'not found' } }) },
        { probe: 'hongtu', reply: reply({ path: '/v1/api/device/info', json: { code: 404, message: 'nope' } }) },
      ]),
      '10.0.0.5',
    );
    expect(service.kind).toBe('unknown');
    expect(service.confidence).toBe(0);
    expect(service.evidence.map((e) => e.source)).toContain('api');
  });

  it('adds a little confidence when the title or certificate agrees with the API', () => {
    const service = classifyPort(
      observe(443, [
        { probe: 'root', reply: reply({ scheme: 'https', path: '/', title: 'ZKBio CVSecurity', tls: { subject: 'CN=ZKBio CVSecurity', issuer: 'CN=ZKBio CVSecurity' } }) },
        { probe: 'zkbio', reply: reply({ scheme: 'https', path: '/api/accLevel/list', status: 401, json: { code: -401, message: 'Invalid access_token', data: null } }) },
      ]),
      '10.0.0.6',
    );
    expect(service).toMatchObject({ kind: 'zkbio', protocol: 'https', baseUrl: 'https://10.0.0.6:443' });
    expect(service.confidence).toBe(0.99);
    expect(service.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['api', 'title', 'tls']));
  });

  it('names cameras and face panels by RTSP and their web pages, controllers by port 4370', () => {
    expect(classifyPort(observe(554, [], { rtsp: { status: 200, server: 'Hikvision-Webs' } }), 'a')).toMatchObject({ kind: 'camera', protocol: 'rtsp', baseUrl: null });
    expect(classifyPort(observe(80, [{ probe: 'root', reply: reply({ path: '/', title: '人脸识别终端' }) }]), 'a').kind).toBe('face-panel');
    expect(classifyPort(observe(4370, []), 'a')).toMatchObject({ kind: 'controller', confidence: 0.5, protocol: 'tcp' });
    const silent = classifyPort(observe(80, [], { silentMs: 1500 }), 'a');
    expect(silent).toMatchObject({ kind: 'unknown', evidence: [{ port: 80, source: 'silence', text: 'connection accepted, no reply in 1500 ms' }] });
  });
});

describe('host verdict', () => {
  const service = (kind: 'camera' | 'face-panel' | 'zkbio' | 'unknown', confidence: number, protocol: 'http' | 'rtsp' = 'http') => ({ port: 1, protocol, kind, confidence, evidence: [], baseUrl: null });

  it('takes the best service, and a face panel when its web page and RTSP agree', () => {
    expect(hostVerdict([service('unknown', 0), service('zkbio', 0.9)])).toEqual({ kind: 'zkbio', confidence: 0.9 });
    expect(hostVerdict([service('camera', 0.75, 'rtsp'), service('face-panel', 0.55)])).toEqual({ kind: 'face-panel', confidence: 0.75 });
    expect(hostVerdict([service('camera', 0.75, 'rtsp'), service('camera', 0.3)])).toEqual({ kind: 'camera', confidence: 0.8 });
    expect(hostVerdict([service('unknown', 0)])).toEqual({ kind: 'unknown', confidence: 0 });
    expect(hostVerdict([])).toEqual({ kind: 'unknown', confidence: 0 });
  });

  it("asks the port's likely vendor first", () => {
    expect(probeOrder(18082)[0]).toBe('hongtu');
    expect(probeOrder(8098)[0]).toBe('zkbio');
    expect(probeOrder(8080)[0]).toBe('k30');
  });
});
