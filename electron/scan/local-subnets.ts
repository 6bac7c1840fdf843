import { networkInterfaces } from 'node:os';
import type { LocalSubnet } from '../../shared/contract/scan.ts';
import { formatIpv4, networkOf, parseIpv4 } from '../../shared/rules/ipv4.ts';
import { parseTarget } from './targets.ts';

/**
 * This computer's IPv4 subnets, one per interface address: what an installer picks to scan the
 * LAN the laptop is plugged into. Loopback is listed last and marked internal.
 */
export function localSubnets(interfaces = networkInterfaces()): LocalSubnet[] {
  const subnets: LocalSubnet[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4') continue;
      const address = parseIpv4(info.address);
      const prefix = Number(info.cidr?.split('/')[1] ?? 32);
      if (address === null || !Number.isInteger(prefix)) continue;
      const cidr = `${formatIpv4(networkOf(address, prefix))}/${prefix}`;
      const block = parseTarget(cidr);
      subnets.push({ interface: name, address: info.address, cidr, addresses: block ? block.last - block.first + 1 : 0, internal: info.internal });
    }
  }
  return subnets.sort((a, b) => Number(a.internal) - Number(b.internal) || a.interface.localeCompare(b.interface));
}
