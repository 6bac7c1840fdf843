import { ApiError } from '../../shared/contract/errors.ts';
import { parsePortList } from '../../shared/rules/scan-ports.ts';
import { VENDOR_REGISTRY, type PortHint } from '../drivers/registry.ts';

/**
 * The ports devices other than the vendors' servers listen on by default:
 * - 80 and 8080: the web UI of face panels and cameras; 443 and 8443 when HTTPS is on.
 * - 554: RTSP (cameras and face panels stream video); 8000: the SDK port of Hikvision cameras and
 *   panels (what SADP finds); 4370: ZKTeco access controllers and terminals (their SDK port).
 */
const DEVICE_PORTS: readonly PortHint[] = [
  { port: 80, protocol: 'http', why: 'web UI (panels, cameras)' },
  { port: 443, protocol: 'https', why: 'HTTPS (panels, cameras)' },
  { port: 554, protocol: 'rtsp', why: 'RTSP video (cameras, face panels)' },
  { port: 4370, protocol: 'none', why: 'ZKTeco controller / terminal SDK' },
  { port: 8000, protocol: 'none', why: 'camera / panel SDK (Hikvision)' },
  { port: 8080, protocol: 'http', why: 'web (panels)' },
  { port: 8443, protocol: 'https', why: 'HTTPS web' },
];

/** The devices' ports and each vendor's (its descriptor's, from its document), merged: a port named twice keeps its first protocol and both reasons. */
function mergedPorts(): PortHint[] {
  const byPort = new Map<number, PortHint>();
  for (const hint of [...DEVICE_PORTS, ...VENDOR_REGISTRY.flatMap((d) => d.ports)]) {
    const known = byPort.get(hint.port);
    byPort.set(hint.port, known ? { ...known, why: `${known.why}; ${hint.why}` } : hint);
  }
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}

/** The default port set, ascending (shared/rules/scan-ports.ts has the same numbers for the forms). */
export const DEFAULT_PORTS: readonly PortHint[] = mergedPorts();

const KNOWN = new Map(DEFAULT_PORTS.map((hint) => [hint.port, hint]));

/** A port outside the set is tried as HTTP (nearly every management port is), HTTPS for *443. */
export function hintFor(port: number): PortHint {
  return KNOWN.get(port) ?? { port, protocol: String(port).endsWith('443') ? 'https' : 'http', why: 'user port' };
}

/** `80,443,8000-8010` → the ports, ascending, without duplicates (the page's rule: scan-ports.ts). */
export function parsePorts(text: string): number[] {
  const ports = parsePortList(text);
  if (ports === null || ports.length === 0) {
    throw new ApiError('invalid_input', `Not a port list: ${text}`, { issues: [{ path: ['ports'], code: 'custom', message: 'scan_ports' }] });
  }
  return ports;
}
