/** IPv4 addresses as unsigned 32-bit numbers, so ranges and subnets are plain arithmetic. */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIpv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** The first address of `value`'s subnet with this prefix length. */
export function networkOf(value: number, prefix: number): number {
  if (prefix === 0) return 0;
  return (value & (~0 << (32 - prefix))) >>> 0;
}

export function subnetSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** `255.255.255.0` → 24; null when the mask's bits are not contiguous. */
export function prefixOfNetmask(mask: string): number | null {
  const value = parseIpv4(mask);
  if (value === null) return null;
  const prefix = 32 - Math.log2(2 ** 32 - value);
  return Number.isInteger(prefix) ? prefix : null;
}

/** For sorting dotted addresses numerically (`10.0.0.9` before `10.0.0.10`). */
export function compareAddresses(a: string, b: string): number {
  return (parseIpv4(a) ?? 0) - (parseIpv4(b) ?? 0);
}
