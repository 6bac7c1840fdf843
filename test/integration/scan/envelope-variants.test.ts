import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../../shared/contract/scan.ts';
import { runScan } from '../../../electron/scan/scan-engine.ts';
import { startJsonHost, type TestHost } from '../../support/scan-hosts.ts';

/**
 * Servers on loopback (127.0.13.0/24) whose unauthenticated replies are the vendors' envelopes with
 * the variants real installations send, rather than the simulators' documented ones.
 */
const NET = '127.0.13';
let hosts: TestHost[] = [];

beforeAll(async () => {
  hosts = await Promise.all([
    // ZKBio without `data` (the reply a site's server gave that the scan did not name).
    startJsonHost(`${NET}.2`, { '/api/accLevel/list': { json: { code: -40, message: 'Authorize access failure' } } }),
    // ZKBio with `msg` and the code as text.
    startJsonHost(`${NET}.3`, { '/api/accLevel/list': { status: 401, json: { code: '-401', msg: 'Invalid access_token', data: null } } }),
    // Hongtu with the code as text and `message`.
    startJsonHost(`${NET}.4`, { '/v1/api/device/info': { json: { code: '100008', message: '签名错误' } } }),
    // K30 with resultcode as a number.
    startJsonHost(`${NET}.5`, { '/openapi/Device/GetList': { json: { resultcode: 0, msg: '签名错误', data: '' } } }),
  ]);
}, 30_000);

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
});

describe('scan of servers that answer with envelope variants', () => {
  it('names each vendor, less surely than the documented envelope, and says which variant', async () => {
    const ports = [...new Set(hosts.map((h) => h.port))];
    const { findings } = await runScan({ targets: [`${NET}.2-5`], ports }, {}, new AbortController().signal);
    const by = new Map<string, ScanFinding>(findings.map((f) => [f.address, f]));
    const expected: [string, string, RegExp][] = [
      [`${NET}.2`, 'zkbio', /no data/],
      [`${NET}.3`, 'zkbio', /code as text, msg for message/],
      [`${NET}.4`, 'hongtu', /code as text, message for msg, no data/],
      [`${NET}.5`, 'k30', /resultcode as a number/],
    ];
    for (const [address, kind, variant] of expected) {
      const finding = by.get(address);
      expect(finding?.kind, address).toBe(kind);
      expect(finding?.confidence).toBeGreaterThanOrEqual(0.6);
      expect(finding?.confidence).toBeLessThan(0.8);
      const api = finding?.services[0]?.evidence.find((e) => e.source === 'api' && e.text.includes('envelope variant'));
      expect(api?.text, address).toMatch(variant);
    }
    // A partial answer is not certain, so the scan asked the other vendors' probes too (GET /, then all three).
    expect(hosts[0]?.requests.length).toBe(4);
  });
});
