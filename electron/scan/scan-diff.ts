import type { ScanDiff, ScanFinding } from '../../shared/contract/scan.ts';
import { compareAddresses } from '../../shared/rules/ipv4.ts';

/**
 * What changed between two scans of a site, by address: hosts that appeared, hosts that are gone,
 * and hosts whose system or open ports changed (a ZKBio server moved to another port, a panel
 * replaced by a camera).
 */
export function diffScans(before: readonly ScanFinding[], after: readonly ScanFinding[]): ScanDiff {
  const old = new Map(before.map((f) => [f.address, f]));
  const now = new Map(after.map((f) => [f.address, f]));
  const added = after.filter((f) => !old.has(f.address));
  const removed = before.filter((f) => !now.has(f.address));
  const changed: ScanDiff['changed'] = [];
  let unchanged = 0;
  for (const f of after) {
    const was = old.get(f.address);
    if (!was) continue;
    const what: ('kind' | 'ports')[] = [];
    if (was.kind !== f.kind) what.push('kind');
    if (was.openPorts.join(',') !== f.openPorts.join(',')) what.push('ports');
    if (what.length > 0) changed.push({ before: was, after: f, what });
    else unchanged++;
  }
  const byAddress = (a: ScanFinding, b: ScanFinding) => compareAddresses(a.address, b.address);
  return { added: added.sort(byAddress), removed: removed.sort(byAddress), changed: changed.sort((a, b) => byAddress(a.after, b.after)), unchanged };
}
