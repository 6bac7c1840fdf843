/**
 * The ports a scan tries when the user names none, as numbers for forms and placeholders. The
 * scanner's own table (electron/scan/ports.ts DEFAULT_PORTS) says why each is there; a unit test
 * keeps the two lists equal.
 */
export const DEFAULT_SCAN_PORTS: readonly number[] = [80, 443, 554, 4370, 8000, 8080, 8088, 8098, 8443, 18082];

/** The contract's limit on ports per scan (ScanOptionsSchema). */
const MAX_SCAN_PORTS = 1024;

/**
 * `80, 443 8000-8010` → the ports, ascending, without duplicates; commas and spaces both separate.
 * Empty text is an empty list (the scan's default set). Null when a part is not a port or range,
 * or there are more than {@link MAX_SCAN_PORTS}: the same rule as the CLI's `--ports`.
 */
export function parsePortList(text: string): number[] | null {
  const ports = new Set<number>();
  const parts = text.replace(/\s*-\s*/g, '-').split(/[\s,，;]+/).filter(Boolean);
  for (const part of parts) {
    const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!match) return null;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first < 1 || last > 65535 || last < first || last - first >= MAX_SCAN_PORTS) return null;
    for (let port = first; port <= last; port++) ports.add(port);
  }
  if (ports.size > MAX_SCAN_PORTS) return null;
  return [...ports].sort((a, b) => a - b);
}
