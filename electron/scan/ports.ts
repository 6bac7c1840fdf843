import { ApiError } from '../../shared/contract/errors.ts';
import { parsePortList } from '../../shared/rules/scan-ports.ts';

/** What an open port suggests before any fingerprint: which systems listen there by default. */
interface PortHint {
  readonly port: number;
  /** How to talk to it when fingerprinting. */
  readonly protocol: 'http' | 'https' | 'rtsp' | 'none';
  readonly why: string;
}

/**
 * The default port set, from the vendor documents and the vendors' shipped defaults:
 * - 8088: ZKBio CVSecurity, the document's example server port (zkbio.md §1.1); 8098 is the port
 *   ZKBio CVSecurity installs use for the web UI and API by default; 443/8443 when HTTPS is on.
 * - 18082: Hongtu 2000's OpenAPI, the document's sample deployment (hongtu.md §1, seed line 1090).
 * - 80 and 8080: K30 (its document only says `http://IP:Port`), and the web UI of face panels and
 *   cameras.
 * - 554: RTSP (cameras and face panels stream video); 8000: the SDK port of Hikvision cameras and
 *   panels (what SADP finds); 4370: ZKTeco access controllers and terminals (their SDK port).
 */
export const DEFAULT_PORTS: readonly PortHint[] = [
  { port: 80, protocol: 'http', why: 'web UI (K30, panels, cameras)' },
  { port: 443, protocol: 'https', why: 'HTTPS (ZKBio with TLS, panels, cameras)' },
  { port: 554, protocol: 'rtsp', why: 'RTSP video (cameras, face panels)' },
  { port: 4370, protocol: 'none', why: 'ZKTeco controller / terminal SDK' },
  { port: 8000, protocol: 'none', why: 'camera / panel SDK (Hikvision)' },
  { port: 8080, protocol: 'http', why: 'web (K30, panels)' },
  { port: 8088, protocol: 'http', why: 'ZKBio CVSecurity (document example)' },
  { port: 8098, protocol: 'http', why: 'ZKBio CVSecurity (installer default)' },
  { port: 8443, protocol: 'https', why: 'HTTPS web' },
  { port: 18082, protocol: 'http', why: 'Hongtu 2000 OpenAPI (document example)' },
];

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
