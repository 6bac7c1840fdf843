import type { ScanFinding } from '../../shared/contract/scan.ts';
import { CERTAIN, classifyPort, hostVerdict, onvifService, probeOrder, VENDOR_PROBES, type PortObservation } from './fingerprints.ts';
import { httpProbe, type HttpReply } from './http-probe.ts';
import type { HostSweep } from './port-sweep.ts';
import { hintFor } from './ports.ts';
import { rtspProbe } from './rtsp-probe.ts';
import type { OnvifMatch } from './ws-discovery.ts';

interface FingerprintOptions {
  /** The wait for one reply, ms. */
  readonly replyTimeoutMs: number;
  readonly signal: AbortSignal;
}

type Observed = { probe: PortObservation['replies'][number]['probe']; reply: HttpReply };

/**
 * The web conversation with one port: `GET /` (for the server, title and certificate), over HTTPS
 * when plain HTTP is refused or garbled (and the other way round for *443), then the vendor
 * probes in the port's likely order until one is certain. A port that accepts and never answers
 * costs one wait and is reported as silent.
 */
async function observeWeb(address: string, port: number, scheme: 'http' | 'https', options: FingerprintOptions): Promise<PortObservation> {
  const replies: Observed[] = [];
  const base = { address, port, timeoutMs: options.replyTimeoutMs, signal: options.signal };
  let root = await httpProbe({ ...base, scheme, method: 'GET', path: '/' });
  if (root === 'not-http' || root === 'reset' || root === 'tls') {
    const other = scheme === 'http' ? 'https' : 'http';
    const retry = await httpProbe({ ...base, scheme: other, method: 'GET', path: '/' });
    if (typeof retry !== 'string') {
      root = retry;
      scheme = other;
    }
  }
  if (root === 'timeout') return { port, replies, rtsp: null, silentMs: options.replyTimeoutMs };
  if (typeof root === 'string') return { port, replies, rtsp: null, silentMs: null, notHttp: root === 'not-http' || root === 'reset' || root === 'tls' };
  replies.push({ probe: 'root', reply: root });
  for (const vendor of probeOrder(port)) {
    if (options.signal.aborted) break;
    const { method, path, body } = VENDOR_PROBES[vendor];
    const reply = await httpProbe({ ...base, scheme, method, path, ...(body === undefined ? {} : { jsonBody: body }) });
    if (typeof reply === 'string') break; // the port stopped answering: no point asking more
    replies.push({ probe: vendor, reply });
    if (classifyPort({ port, replies, rtsp: null, silentMs: null }, address).confidence >= CERTAIN) break;
  }
  return { port, replies, rtsp: null, silentMs: null };
}

async function observe(address: string, port: number, options: FingerprintOptions): Promise<PortObservation> {
  const hint = hintFor(port);
  if (hint.protocol === 'rtsp') {
    const rtsp = await rtspProbe(address, port, options.replyTimeoutMs, options.signal);
    return { port, replies: [], rtsp, silentMs: null };
  }
  if (hint.protocol === 'none') return { port, replies: [], rtsp: null, silentMs: null };
  return observeWeb(address, port, hint.protocol, options);
}

/**
 * Every open port of a host observed in parallel, then classified, as one finding; with the
 * host's ONVIF announcement, when it made one, as one more service.
 */
export async function fingerprintHost(host: HostSweep, options: FingerprintOptions, onvif?: Promise<OnvifMatch | undefined>): Promise<ScanFinding> {
  const observations = await Promise.all(host.open.map((port) => observe(host.address, port, options)));
  const services = observations.map((observation) => classifyPort(observation, host.address));
  const announced = await onvif;
  if (announced) services.push(onvifService(announced));
  const verdict = hostVerdict(services);
  return { address: host.address, rttMs: host.rttMs, openPorts: [...host.open], kind: verdict.kind, confidence: verdict.confidence, services };
}
