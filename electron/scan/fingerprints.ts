import { SYSTEM_KINDS, type Evidence, type ScanService, type SystemKind } from '../../shared/contract/scan.ts';
import { SCANNED_VENDORS, type ScannedDescriptor, type VendorFingerprint } from '../drivers/registry.ts';
import type { HttpReply } from './http-probe.ts';
import type { RtspReply } from './rtsp-probe.ts';
import { readEnvelope, type VendorProbe } from './vendor-envelopes.ts';
import type { OnvifMatch } from './ws-discovery.ts';

/**
 * One harmless request per vendor, each unauthenticated, each answered by the vendor's documented
 * envelope and refusal: each vendor's descriptor says which (`drivers/<vendor>/fingerprint.ts`).
 */
export const VENDOR_PROBES: Readonly<Record<VendorProbe, VendorFingerprint['probe']>> = Object.fromEntries(
  SCANNED_VENDORS.map((d) => [d.vendor, d.fingerprint.probe]),
) as Record<VendorProbe, VendorFingerprint['probe']>;

/**
 * The vendor most likely on a port goes first (a vendor whose default ports include it), so the
 * usual case costs one request after `GET /`; then the others in registry order.
 */
export function probeOrder(port: number): VendorProbe[] {
  const claims = (d: ScannedDescriptor) => d.ports.some((hint) => hint.port === port);
  return [...SCANNED_VENDORS.filter(claims), ...SCANNED_VENDORS.filter((d) => !claims(d))].map((d) => d.vendor);
}

/** What was seen on one open port. */
export interface PortObservation {
  readonly port: number;
  readonly replies: readonly { readonly probe: VendorProbe | 'root'; readonly reply: HttpReply }[];
  readonly rtsp: RtspReply | null;
  /** The port accepted a connection and then said nothing within this many ms. */
  readonly silentMs: number | null;
  /** The port answered, but neither HTTP nor HTTPS. */
  readonly notHttp?: boolean;
}

interface Candidate {
  readonly kind: SystemKind;
  readonly confidence: number;
  readonly evidence: Evidence;
}

/** Names in a title, `Server` header or certificate: each vendor's own (its descriptor), then devices'. */
const NAME_RULES: readonly { readonly kind: SystemKind; readonly pattern: RegExp; readonly confidence: number }[] = [
  ...SCANNED_VENDORS.map((d) => ({ kind: d.vendor, pattern: d.fingerprint.name, confidence: 0.6 })),
  { kind: 'face-panel', pattern: /face|人脸|刷脸|识别终端|门禁一体机|MegEye|旷视/i, confidence: 0.55 },
  { kind: 'camera', pattern: /camera|摄像|IPC\b|NVR|DVR|Hikvision|海康|Dahua|大华|Uniview|宇视|webcam/i, confidence: 0.55 },
];

function quote(reply: HttpReply): string {
  const body = reply.json ? JSON.stringify(reply.json) : reply.bodyStart;
  const line = `${reply.method} ${reply.path} → ${reply.status} ${body}`;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The API's answer as a candidate; a variant of the envelope is named in the evidence. */
function apiCandidate(port: number, probe: VendorProbe | 'root', reply: HttpReply): Candidate | null {
  const match = reply.json ? readEnvelope(reply.json, probe) : null;
  if (!match) return null;
  const variant = match.variants.length > 0 ? ` [envelope variant: ${match.variants.join(', ')}]` : '';
  return { kind: match.kind, confidence: match.confidence, evidence: { port, source: 'api', text: `${quote(reply)}${variant}` } };
}

function nameCandidates(port: number, reply: HttpReply): Candidate[] {
  const found: Candidate[] = [];
  const texts: [Evidence['source'], string | null][] = [
    ['title', reply.title],
    ['server', reply.server],
    ['tls', reply.tls ? reply.tls.subject : null],
  ];
  for (const [source, text] of texts) {
    if (!text) continue;
    for (const rule of NAME_RULES) {
      if (rule.pattern.test(text)) found.push({ kind: rule.kind, confidence: rule.confidence, evidence: { port, source, text } });
    }
  }
  return found;
}

function protocolOf(observation: PortObservation): ScanService['protocol'] {
  if (observation.rtsp) return 'rtsp';
  const first = observation.replies[0]?.reply;
  return first ? first.scheme : 'tcp';
}

/** Facts that support no verdict but belong with it (server header, title, certificate). */
function plainEvidence(port: number, replies: PortObservation['replies']): Evidence[] {
  const root = replies.find((r) => r.probe === 'root')?.reply ?? replies[0]?.reply;
  if (!root) return [];
  const evidence: Evidence[] = [{ port, source: 'api', text: quote(root) }];
  if (root.server) evidence.push({ port, source: 'server', text: root.server });
  if (root.title) evidence.push({ port, source: 'title', text: root.title });
  if (root.tls) evidence.push({ port, source: 'tls', text: `${root.tls.subject} (issuer ${root.tls.issuer})` });
  return evidence;
}

function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.port}|${e.source}|${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The verdict for one port: the strongest candidate wins; candidates that agree with it add a
 * little confidence (a matching title or certificate on top of the API's answer), and all the
 * facts seen are kept as its evidence. Nothing recognisable is `unknown` with what was seen.
 */
export function classifyPort(observation: PortObservation, address: string): ScanService {
  const { port, replies, rtsp } = observation;
  const candidates: Candidate[] = [];
  for (const { probe, reply } of replies) {
    const api = apiCandidate(port, probe, reply);
    if (api) candidates.push(api);
    candidates.push(...nameCandidates(port, reply));
  }
  if (rtsp) {
    const text = `OPTIONS → RTSP ${rtsp.status}${rtsp.server ? ` (${rtsp.server})` : ''}`;
    const facePanel = rtsp.server !== null && /face|人脸/i.test(rtsp.server);
    candidates.push({ kind: facePanel ? 'face-panel' : 'camera', confidence: facePanel ? 0.7 : 0.75, evidence: { port, source: 'rtsp', text } });
  }
  if (port === 4370 && replies.length === 0 && !rtsp) {
    candidates.push({ kind: 'controller', confidence: 0.5, evidence: { port, source: 'port', text: 'TCP 4370 open: the ZKTeco controller/terminal SDK port' } });
  }
  if (port === 8000 && replies.length === 0 && !rtsp) {
    candidates.push({ kind: 'camera', confidence: 0.3, evidence: { port, source: 'port', text: 'TCP 8000 open: the SDK port of Hikvision cameras and panels' } });
  }
  const protocol = protocolOf(observation);
  const baseUrl = protocol === 'http' || protocol === 'https' ? `${protocol}://${address}:${port}` : null;
  const silence: Evidence[] = observation.silentMs !== null ? [{ port, source: 'silence', text: `connection accepted, no reply in ${observation.silentMs} ms` }] : [];
  if (observation.notHttp) silence.push({ port, source: 'port', text: `TCP ${port} open; it answers, but not in HTTP or HTTPS` });
  candidates.sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0];
  if (!best) {
    const evidence = [...plainEvidence(port, replies), ...silence];
    if (evidence.length === 0) evidence.push({ port, source: 'port', text: `TCP ${port} open` });
    return { port, protocol, kind: 'unknown', confidence: 0, evidence, baseUrl };
  }
  const agreeing = candidates.filter((c) => c.kind === best.kind);
  const confidence = Math.min(0.99, best.confidence + 0.05 * (agreeing.length - 1));
  const evidence = dedupe([...agreeing.map((c) => c.evidence), ...plainEvidence(port, replies)]);
  return { port, protocol, kind: best.kind, confidence: Math.round(confidence * 100) / 100, evidence, baseUrl };
}

/** A verdict at or above this needs no more requests on that port. */
export const CERTAIN = 0.8;

/**
 * The host's verdict is its best service's. Two weak hints that agree make a stronger one: a
 * camera's RTSP port plus its SDK port, or a face panel's web title plus RTSP. Of two equally sure
 * services, the kind earlier in the contract's list (SYSTEM_KINDS: the vendors first) wins.
 */
export function hostVerdict(services: readonly ScanService[]): { kind: SystemKind; confidence: number } {
  const ranked = [...services].sort((a, b) => b.confidence - a.confidence || SYSTEM_KINDS.indexOf(a.kind) - SYSTEM_KINDS.indexOf(b.kind));
  const best = ranked[0];
  if (!best || best.kind === 'unknown') return { kind: 'unknown', confidence: 0 };
  const rtsp = services.some((s) => s.protocol === 'rtsp');
  if (rtsp && services.some((s) => s.kind === 'face-panel')) return { kind: 'face-panel', confidence: Math.max(best.confidence, 0.75) };
  const support = services.filter((s) => s !== best && s.kind === best.kind).length;
  return { kind: best.kind, confidence: Math.min(0.99, Math.round((best.confidence + 0.05 * support) * 100) / 100) };
}

/**
 * An ONVIF device's own answer to WS-Discovery: a camera (NetworkVideoTransmitter) unless its
 * scopes (name, hardware) say face or access control. Its first XAddr is where it is managed.
 */
export function onvifService(match: OnvifMatch): ScanService {
  const described = match.scopes.join(' ');
  const facePanel = /face|人脸|access|门禁/i.test(described);
  const camera = match.types.some((t) => /NetworkVideoTransmitter/.test(t));
  const text = [`ProbeMatch types ${match.types.join(' ') || '–'}`, `scopes ${match.scopes.join(' ') || '–'}`, `XAddrs ${match.xaddrs.join(' ') || '–'}`].join('; ');
  return {
    port: 3702,
    protocol: 'udp',
    kind: facePanel ? 'face-panel' : 'camera',
    confidence: facePanel || camera ? 0.85 : 0.6,
    evidence: [{ port: 3702, source: 'onvif', text: text.length > 400 ? `${text.slice(0, 399)}…` : text }],
    baseUrl: match.xaddrs[0] ?? null,
  };
}
