import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors.ts';
import { compareAddresses, formatIpv4, parseIpv4, prefixOfNetmask } from '../../../shared/rules/ipv4.ts';
import { parsePorts } from '../../../electron/scan/ports.ts';
import { parseTarget, resolveTargets } from '../../../electron/scan/targets.ts';
import { captureError } from '../../support/api-error.ts';

const list = (targets: string[], exclude: string[] = [], allowLarge = false) => resolveTargets({ targets, exclude, allowLarge }).addresses.map(formatIpv4);

describe('IPv4 arithmetic', () => {
  it('parses dotted quads strictly', () => {
    expect(parseIpv4('192.168.1.20')).toBe(0xc0a80114);
    expect(parseIpv4('255.255.255.255')).toBe(2 ** 32 - 1);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', 'a.b.c.d', '']) expect(parseIpv4(bad)).toBeNull();
  });

  it('turns netmasks into prefixes and sorts numerically', () => {
    expect(prefixOfNetmask('255.255.255.0')).toBe(24);
    expect(prefixOfNetmask('255.255.252.0')).toBe(22);
    expect(prefixOfNetmask('255.255.255.255')).toBe(32);
    expect(prefixOfNetmask('255.0.255.0')).toBeNull();
    expect(['10.0.0.10', '10.0.0.9', '9.255.255.255'].sort(compareAddresses)).toEqual(['9.255.255.255', '10.0.0.9', '10.0.0.10']);
  });
});

describe('targets', () => {
  it('reads hosts, subnets and both range forms', () => {
    expect(parseTarget('10.0.0.7')).toEqual({ first: parseIpv4('10.0.0.7'), last: parseIpv4('10.0.0.7') });
    expect(list(['10.0.0.10-10.0.0.12'])).toEqual(['10.0.0.10', '10.0.0.11', '10.0.0.12']);
    expect(list(['10.0.0.10-12'])).toEqual(['10.0.0.10', '10.0.0.11', '10.0.0.12']);
    expect(list([' 10.0.0.10 - 11 '])).toEqual(['10.0.0.10', '10.0.0.11']);
  });

  it('leaves out the network and broadcast address of a subnet, but not of /31 and /32', () => {
    const subnet = list(['192.168.1.77/24']);
    expect(subnet).toHaveLength(254);
    expect(subnet[0]).toBe('192.168.1.1');
    expect(subnet.at(-1)).toBe('192.168.1.254');
    expect(list(['10.0.0.0/30'])).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(list(['10.0.0.4/31'])).toEqual(['10.0.0.4', '10.0.0.5']);
    expect(list(['10.0.0.4/32'])).toEqual(['10.0.0.4']);
  });

  it('merges overlaps, sorts, and removes the excluded addresses', () => {
    expect(list(['10.0.0.5-8', '10.0.0.1-6', '10.0.0.3'], ['10.0.0.4', '10.0.0.6-7'])).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.5', '10.0.0.8']);
    expect(list(['10.0.0.0/29'], ['10.0.0.0/24'])).toEqual([]);
  });

  it('names every bad target by its position', () => {
    const error = captureError(() => resolveTargets({ targets: ['10.0.0.1', '10.0.0.300', '10.0.0.9-3', 'gateway'], exclude: ['x'] }));
    expect(error.code).toBe('invalid_input');
    expect(error.details?.['issues']).toEqual([
      { path: ['targets', 1], code: 'custom', message: 'scan_target' },
      { path: ['targets', 2], code: 'custom', message: 'scan_target' },
      { path: ['targets', 3], code: 'custom', message: 'scan_target' },
    ]);
    expect(captureError(() => resolveTargets({ targets: [] })).code).toBe('invalid_input');
    expect(captureError(() => resolveTargets({ targets: ['10.0.0.1'], exclude: ['10.0.0/24'] })).details?.['issues']).toEqual([{ path: ['exclude', 0], code: 'custom', message: 'scan_target' }]);
  });

  it('asks for confirmation above 4,096 addresses and refuses more than a /16', () => {
    expect(list(['10.0.0.0/20'])).toHaveLength(4094);
    const large = captureError(() => resolveTargets({ targets: ['10.0.0.0/19'] }));
    expect(large.code).toBe('scan_too_large');
    expect(large.details).toEqual({ count: 8190, limit: 4096, hard: false });
    expect(list(['10.0.0.0/19'], [], true)).toHaveLength(8190);
    // Excluding enough brings it back under the limit.
    expect(list(['10.0.0.0/19'], ['10.0.16.0/20'])).toHaveLength(4095);
    const huge = captureError(() => resolveTargets({ targets: ['10.0.0.0/8'], allowLarge: true }));
    expect(huge.code).toBe('scan_over_limit');
    expect(huge.details).toEqual({ count: 16_777_214, limit: 65_536, hard: true });
  });
});

describe('ports', () => {
  it('reads lists and ranges, sorted and unique', () => {
    expect(parsePorts('8098, 80,443,8000-8002,80')).toEqual([80, 443, 8000, 8001, 8002, 8098]);
  });

  it('refuses what is not a port', () => {
    for (const bad of ['0', '65536', '80-70', 'http', '1-2000', '']) expect(() => parsePorts(bad)).toThrow(ApiError);
  });
});
