import { ApiError, type InputIssue } from '../../shared/contract/errors.ts';
import { networkOf, parseIpv4, subnetSize } from '../../shared/rules/ipv4.ts';

/** Above this many addresses a scan needs the user's confirmation (`--allow-large`). */
const CONFIRM_ABOVE = 4096;
/** Never more than a /16: a site LAN is not bigger, and a typo like /8 must not start a sweep. */
const HARD_LIMIT = 65_536;

/** A block of consecutive addresses, both ends included. */
interface Block {
  readonly first: number;
  readonly last: number;
}

const CIDR = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/;
const RANGE = /^(\d{1,3}(?:\.\d{1,3}){3})\s*-\s*(\d{1,3}(?:\.\d{1,3}){3}|\d{1,3})$/;

/**
 * One target as a user types it: `10.0.0.7`, `10.0.0.0/24`, `10.0.0.10-10.0.0.50` or
 * `10.0.0.10-50` (the last octet). A subnet leaves out its network and broadcast addresses (as
 * every LAN tool does: nothing answers there), except /31 and /32 which have none. An excluded
 * subnet (`whole`) is excluded whole.
 */
export function parseTarget(text: string, whole = false): Block | null {
  const spec = text.trim();
  const single = parseIpv4(spec);
  if (single !== null) return { first: single, last: single };
  const cidr = CIDR.exec(spec);
  if (cidr) {
    const address = parseIpv4(cidr[1] ?? '');
    const prefix = Number(cidr[2]);
    if (address === null || prefix > 32) return null;
    const network = networkOf(address, prefix);
    const size = subnetSize(prefix);
    return prefix >= 31 || whole ? { first: network, last: network + size - 1 } : { first: network + 1, last: network + size - 2 };
  }
  const range = RANGE.exec(spec);
  if (range) {
    const first = parseIpv4(range[1] ?? '');
    const end = range[2] ?? '';
    const last = end.includes('.') ? parseIpv4(end) : first === null || Number(end) > 255 ? null : ((first & ~255) >>> 0) + Number(end);
    if (first === null || last === null || last < first) return null;
    return { first, last };
  }
  return null;
}

export interface TargetSet {
  /** Ascending, without duplicates or excluded addresses. */
  readonly addresses: readonly number[];
  readonly count: number;
}

interface TargetRequest {
  readonly targets: readonly string[];
  readonly exclude?: readonly string[];
  readonly allowLarge?: boolean;
}

function parseAll(specs: readonly string[], field: 'targets' | 'exclude'): Block[] {
  const issues: InputIssue[] = [];
  const blocks: Block[] = [];
  specs.forEach((spec, index) => {
    const block = parseTarget(spec, field === 'exclude');
    if (block) blocks.push(block);
    else issues.push({ path: [field, index], code: 'custom', message: 'scan_target' });
  });
  if (issues.length > 0) {
    const bad = issues.map((issue) => specs[Number(issue.path[1])]).join(', ');
    throw new ApiError('invalid_input', `Not an address, subnet or range: ${bad}`, { issues });
  }
  return blocks;
}

function merge(blocks: Block[]): Block[] {
  const sorted = [...blocks].sort((a, b) => a.first - b.first);
  const merged: Block[] = [];
  for (const block of sorted) {
    const previous = merged.at(-1);
    if (previous && block.first <= previous.last + 1) merged[merged.length - 1] = { first: previous.first, last: Math.max(previous.last, block.last) };
    else merged.push(block);
  }
  return merged;
}

function countOf(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.last - block.first + 1, 0);
}

/**
 * The addresses a scan will touch: only the ones the user gave, minus the excluded ones. More than
 * {@link CONFIRM_ABOVE} needs `allowLarge`; more than {@link HARD_LIMIT} is refused outright. The
 * count is checked before anything is expanded, so `10.0.0.0/8` costs nothing to refuse.
 */
export function resolveTargets(request: TargetRequest): TargetSet {
  if (request.targets.length === 0) {
    throw new ApiError('invalid_input', 'No targets given.', { issues: [{ path: ['targets'], code: 'too_small', message: 'scan_no_targets' }] });
  }
  const wanted = merge(parseAll(request.targets, 'targets'));
  const excluded = merge(parseAll(request.exclude ?? [], 'exclude'));
  const upperBound = countOf(wanted);
  if (upperBound > HARD_LIMIT) {
    throw new ApiError('scan_over_limit', `${upperBound} addresses is more than a scan may cover (${HARD_LIMIT}).`, { count: upperBound, limit: HARD_LIMIT, hard: true });
  }
  const addresses: number[] = [];
  let skip = 0;
  for (const block of wanted) {
    for (let address = block.first; address <= block.last; address++) {
      while (skip < excluded.length && (excluded[skip]?.last ?? 0) < address) skip++;
      const ex = excluded[skip];
      if (ex && ex.first <= address && address <= ex.last) continue;
      addresses.push(address);
    }
  }
  if (addresses.length > CONFIRM_ABOVE && request.allowLarge !== true) {
    throw new ApiError('scan_too_large', `${addresses.length} addresses: confirm a scan of more than ${CONFIRM_ABOVE}.`, { count: addresses.length, limit: CONFIRM_ABOVE, hard: false });
  }
  return { addresses, count: addresses.length };
}
