import { randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/** WS-Discovery's multicast group and port (WS-Discovery 2005/04 §2.4, as ONVIF Core §7.3 uses it). */
const WS_DISCOVERY_GROUP = '239.255.255.250';
const WS_DISCOVERY_PORT = 3702;

/** What one device said in its ProbeMatch. */
export interface OnvifMatch {
  readonly address: string;
  /** The device service URLs it announced (XAddrs). */
  readonly xaddrs: readonly string[];
  readonly types: readonly string[];
  readonly scopes: readonly string[];
}

/**
 * The Probe an ONVIF client sends (ONVIF Core Specification §7.3.2; no Types, so cameras
 * (`dn:NetworkVideoTransmitter`) and other ONVIF devices (`tds:Device`, access-control panels)
 * all answer). It names nobody and asks nothing but "who are you".
 */
export function probeMessage(messageId: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery">',
    '<s:Header>',
    '<a:Action s:mustUnderstand="1">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>',
    `<a:MessageID>${messageId}</a:MessageID>`,
    '<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>',
    '<a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>',
    '</s:Header>',
    '<s:Body><d:Probe/></s:Body>',
    '</s:Envelope>',
  ].join('');
}

function elementText(xml: string, local: string): string | null {
  const match = new RegExp(`<(?:[\\w-]+:)?${local}\\b[^>]*>([^<]*)</(?:[\\w-]+:)?${local}>`).exec(xml);
  return match?.[1]?.trim() ?? null;
}

const words = (text: string | null) => (text ?? '').split(/\s+/).filter(Boolean);

/**
 * A ProbeMatches answer to our Probe (RelatesTo = our MessageID), or null for anything else
 * (another client's Probe, a Hello, an answer to someone else). Only ONVIF devices count: a
 * printer's WSD answer has neither an ONVIF type nor an onvif:// scope.
 */
export function parseProbeMatch(xml: string, messageId: string, address: string): OnvifMatch | null {
  if (!/ProbeMatches\b/.test(xml) || elementText(xml, 'RelatesTo') !== messageId) return null;
  const types = words(elementText(xml, 'Types'));
  const scopes = words(elementText(xml, 'Scopes'));
  const onvif = types.some((t) => /NetworkVideoTransmitter|Device$/.test(t)) || scopes.some((s) => s.startsWith('onvif://'));
  if (!onvif) return null;
  return { address, xaddrs: words(elementText(xml, 'XAddrs')), types, scopes };
}

/**
 * Sends one Probe out of each given local interface address and collects the answers for
 * `waitMs` (ONVIF devices answer within APP_MAX_DELAY, 500 ms). Answers from addresses
 * `accept` refuses (not among the user's targets) are dropped unread.
 */
export async function discoverOnvif(interfaces: readonly string[], accept: (address: string) => boolean, waitMs: number, signal: AbortSignal): Promise<OnvifMatch[]> {
  const messageId = `uuid:${randomUUID()}`;
  const message = Buffer.from(probeMessage(messageId));
  const matches = new Map<string, OnvifMatch>();
  const sockets: Socket[] = [];
  try {
    for (const local of interfaces) {
      const socket = createSocket({ type: 'udp4', reuseAddr: true });
      sockets.push(socket);
      socket.on('error', () => {});
      socket.on('message', (data, rinfo) => {
        if (!accept(rinfo.address) || matches.has(rinfo.address)) return;
        const match = parseProbeMatch(data.toString('utf8'), messageId, rinfo.address);
        if (match) matches.set(rinfo.address, match);
      });
      await new Promise<void>((resolve) => socket.bind(0, local, resolve));
      socket.setMulticastInterface(local);
      socket.setMulticastTTL(1); // the LAN segment only, never routed further
      await new Promise<void>((resolve) => socket.send(message, WS_DISCOVERY_PORT, WS_DISCOVERY_GROUP, () => resolve()));
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  } finally {
    for (const socket of sockets) socket.close();
  }
  return [...matches.values()];
}
