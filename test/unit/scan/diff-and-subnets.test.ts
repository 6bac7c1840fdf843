import { describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../../shared/contract/scan.ts';
import { localSubnets } from '../../../electron/scan/local-subnets.ts';
import { diffScans } from '../../../electron/scan/scan-diff.ts';

function finding(address: string, kind: ScanFinding['kind'], openPorts: number[]): ScanFinding {
  return { address, kind, openPorts, rttMs: 1, confidence: kind === 'unknown' ? 0 : 0.9, services: [] };
}

describe('scan diff', () => {
  it('sorts hosts into added, removed, changed (and what changed) and unchanged', () => {
    const before = [finding('10.0.0.2', 'zkbio', [8098]), finding('10.0.0.3', 'hongtu', [18082]), finding('10.0.0.10', 'camera', [554]), finding('10.0.0.4', 'unknown', [80])];
    const after = [finding('10.0.0.2', 'zkbio', [8088]), finding('10.0.0.3', 'hongtu', [18082]), finding('10.0.0.4', 'face-panel', [80, 554]), finding('10.0.0.9', 'k30', [8080])];
    const diff = diffScans(before, after);
    expect(diff.added.map((f) => f.address)).toEqual(['10.0.0.9']);
    expect(diff.removed.map((f) => f.address)).toEqual(['10.0.0.10']);
    expect(diff.changed.map((c) => [c.after.address, c.what])).toEqual([
      ['10.0.0.2', ['ports']],
      ['10.0.0.4', ['kind', 'ports']],
    ]);
    expect(diff.unchanged).toBe(1);
  });
});

describe('local subnets', () => {
  it('lists IPv4 subnets per interface, loopback last', () => {
    const subnets = localSubnets({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      eth0: [
        { address: '192.168.1.37', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.168.1.37/24' },
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
      ],
      wlan0: [{ address: '10.20.30.40', netmask: '255.255.252.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '10.20.30.40/22' }],
    });
    expect(subnets).toEqual([
      { interface: 'eth0', address: '192.168.1.37', cidr: '192.168.1.0/24', addresses: 254, internal: false },
      { interface: 'wlan0', address: '10.20.30.40', cidr: '10.20.28.0/22', addresses: 1022, internal: false },
      { interface: 'lo', address: '127.0.0.1', cidr: '127.0.0.0/8', addresses: 16_777_214, internal: true },
    ]);
  });
});
