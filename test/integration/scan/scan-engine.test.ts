import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../../shared/contract/scan.ts';
import { VENDOR_PROBES } from '../../../electron/scan/fingerprints.ts';
import { runScan } from '../../../electron/scan/scan-engine.ts';
import { startBannerHost, startRtspHost, startSilentHost, startWebHost, type TestHost } from '../../support/scan-hosts.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';

/**
 * The scanner against a small loopback "LAN" on 127.0.10.0/24: the three vendor simulators, a TCP
 * service that is no vendor's, a port that accepts and never answers, a camera, a face panel, a
 * ZKTeco controller port, and an excluded host that must never be touched.
 */
const NET = '127.0.10';
const isRoot = process.getuid?.() === 0;
let sims: SimProcess[] = [];
let hosts: TestHost[] = [];
let ports: number[] = [];
let excluded: TestHost;
let panel: TestHost;

const portOf = (url: string) => Number(new URL(url).port);

beforeAll(async () => {
  sims = await Promise.all([
    startSimProcess('zkbio', ['--host', `${NET}.2`, '--token', 'T']),
    startSimProcess('hongtu', ['--host', `${NET}.3`]),
    startSimProcess('k30', ['--host', `${NET}.4`]),
  ]);
  panel = await startWebHost(`${NET}.8`, '人脸识别终端');
  excluded = await startWebHost(`${NET}.20`, 'must not be scanned', panel.port);
  hosts = [
    await startBannerHost(`${NET}.5`),
    await startSilentHost(`${NET}.6`),
    await startWebHost(`${NET}.7`, 'Network Camera'),
    panel,
    await startBannerHost(`${NET}.9`, 4370, ''),
    excluded,
  ];
  // Cameras stream RTSP on 554, which only root may bind: without it the camera is named by its web page.
  if (isRoot) hosts.push(await startRtspHost(`${NET}.7`, 554, 'Hikvision-Webs'));
  ports = [...new Set([...sims.map((s) => portOf(s.url)), ...hosts.map((h) => h.port)])].sort((a, b) => a - b);
}, 30_000);

afterAll(async () => {
  await Promise.all([...sims.map((s) => s.stop()), ...hosts.map((h) => h.stop())]);
});

describe('LAN scan on loopback', () => {
  let findings: ScanFinding[];
  let byAddress: Map<string, ScanFinding>;

  it('names every host right, and only hosts with open ports', async () => {
    const seen: ScanFinding[] = [];
    const progress: number[] = [];
    const result = await runScan({ targets: [`${NET}.0/24`], exclude: [`${NET}.20`], ports }, { onFinding: (f) => seen.push(f), onProgress: (p) => progress.push(p.addressesDone) }, new AbortController().signal);
    findings = result.findings;
    byAddress = new Map(findings.map((f) => [f.address, f]));
    expect(Object.fromEntries(findings.map((f) => [f.address, f.kind]))).toEqual({
      [`${NET}.2`]: 'zkbio',
      [`${NET}.3`]: 'hongtu',
      [`${NET}.4`]: 'k30',
      [`${NET}.5`]: 'unknown',
      [`${NET}.6`]: 'unknown',
      [`${NET}.7`]: 'camera',
      [`${NET}.8`]: 'face-panel',
      [`${NET}.9`]: 'controller',
    });
    expect(result.summary).toMatchObject({ addressesTotal: 253, addressesDone: 253, hostsFound: 8, cancelled: false });
    expect(result.summary.byKind).toMatchObject({ zkbio: 1, hongtu: 1, k30: 1, unknown: 2 });
    expect(result.summary.durationMs).toBeGreaterThan(0);
    // Findings streamed as they came, progress counted every address.
    expect(seen).toHaveLength(8);
    expect(progress.at(-1)).toBe(253);
  });

  it('shows the evidence for every verdict, with the URL to commission a backend with', () => {
    const zk = byAddress.get(`${NET}.2`);
    expect(zk?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(zk?.services[0]).toMatchObject({ kind: 'zkbio', protocol: 'http', baseUrl: sims[0]?.url });
    expect(zk?.services[0]?.evidence[0]?.text).toMatch(/^GET \/api\/accLevel\/list\?pageNo=1&pageSize=1 → 401 .*"code":-401/);
    expect(byAddress.get(`${NET}.3`)?.services[0]?.evidence[0]?.text).toMatch(/"code":100008.*签名错误/);
    expect(byAddress.get(`${NET}.4`)?.services[0]?.evidence[0]?.text).toMatch(/^POST \/openapi\/Device\/GetList → 200 .*"resultcode":"0"/);
    expect(byAddress.get(`${NET}.5`)?.services[0]?.evidence).toContainEqual({ port: hosts[0]?.port, source: 'port', text: `TCP ${hosts[0]?.port} open; it answers, but not in HTTP or HTTPS` });
    expect(byAddress.get(`${NET}.6`)?.services[0]?.evidence[0]).toMatchObject({ source: 'silence' });
    expect(byAddress.get(`${NET}.8`)?.services[0]?.evidence).toContainEqual({ port: panel.port, source: 'title', text: '人脸识别终端' });
    if (isRoot) expect(byAddress.get(`${NET}.7`)?.services.find((s) => s.port === 554)).toMatchObject({ protocol: 'rtsp', kind: 'camera' });
  });

  it('touches only the targets: the excluded host saw no connection', () => {
    expect(excluded.connections).toBe(0);
  });

  it('sends nothing but GET / and the documented vendor probes, without credentials', () => {
    const allowed = new Set(['/', ...Object.values(VENDOR_PROBES).map((p) => p.path)]);
    expect(panel.requests.length).toBeGreaterThan(0);
    for (const request of panel.requests) {
      expect(allowed.has(request.url)).toBe(true);
      expect(request.url).not.toMatch(/token|sign|key/i);
      for (const header of ['authorization', 'cookie', 'cappkey', 'csign', 'cnonce', 'ctimestamp']) expect(request.headers[header]).toBeUndefined();
    }
    // At most GET / plus the three probes per web port.
    expect(panel.requests.length).toBeLessThanOrEqual(4);
  });
});

describe('cancel', () => {
  it('stops a sweep within 200 ms', async () => {
    const controller = new AbortController();
    // 50 connects per second over a /24: ~50 s if nobody stops it.
    const scan = runScan({ targets: [`${NET}.0/24`], ports, ratePerSecond: 50 }, {}, controller.signal);
    await new Promise((r) => setTimeout(r, 300));
    const asked = performance.now();
    controller.abort();
    const { summary } = await scan;
    expect(performance.now() - asked).toBeLessThan(200);
    expect(summary.cancelled).toBe(true);
    expect(summary.addressesDone).toBeLessThan(summary.addressesTotal);
  });

  it('stops while a silent port is being fingerprinted, within 200 ms', async () => {
    const controller = new AbortController();
    const silent = hosts[1];
    const scan = runScan({ targets: [`${NET}.6`], ports: [silent?.port ?? 0] }, {}, controller.signal);
    await new Promise((r) => setTimeout(r, 300));
    const asked = performance.now();
    controller.abort();
    const { summary, findings: found } = await scan;
    expect(performance.now() - asked).toBeLessThan(200);
    expect(summary.cancelled).toBe(true);
    expect(found).toEqual([]);
  });
});
