import { z } from 'zod';
import { method } from './define.ts';
import { SiteIdSchema } from './sites.ts';

/** What a scan can name. `controller`: a ZKTeco access controller or terminal (SDK port 4370). */
export const SYSTEM_KINDS = ['zkbio', 'hongtu', 'k30', 'face-panel', 'camera', 'controller', 'unknown'] as const;
export const SystemKindSchema = z.enum(SYSTEM_KINDS);
export type SystemKind = z.infer<typeof SystemKindSchema>;

/** One fact a verdict rests on, as seen on the wire (language-neutral: replies are quoted). */
export const EvidenceSchema = z.strictObject({
  port: z.number().int(),
  source: z.enum(['api', 'title', 'server', 'tls', 'rtsp', 'onvif', 'port', 'silence']),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** What listens on one open port (`udp` 3702: the device answered an ONVIF WS-Discovery probe). */
export const ScanServiceSchema = z.strictObject({
  port: z.number().int(),
  protocol: z.enum(['http', 'https', 'rtsp', 'tcp', 'udp']),
  kind: SystemKindSchema,
  /** 0…1: how sure the verdict is (≥ 0.8 the system's own API answered as its document says). */
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  /** For web services: the URL to commission it with. */
  baseUrl: z.string().nullable(),
});
export type ScanService = z.infer<typeof ScanServiceSchema>;

/** One address with at least one open port. `kind`/`confidence` are its best service's. */
export const ScanFindingSchema = z.strictObject({
  address: z.string(),
  rttMs: z.number().nullable(),
  openPorts: z.array(z.number().int()),
  kind: SystemKindSchema,
  confidence: z.number().min(0).max(1),
  services: z.array(ScanServiceSchema),
});
export type ScanFinding = z.infer<typeof ScanFindingSchema>;

export const ScanIdSchema = z.number().int().positive();

export const ScanSummarySchema = z.strictObject({
  addressesTotal: z.number().int(),
  addressesDone: z.number().int(),
  /** Addresses where something answered (an open port or a refusal). */
  hostsAnswered: z.number().int(),
  /** Addresses with at least one open port (the findings). */
  hostsFound: z.number().int(),
  ports: z.array(z.number().int()),
  /** Scan-engine time: first connect to last verdict, ms. */
  durationMs: z.number(),
  cancelled: z.boolean(),
  byKind: z.record(z.string(), z.number().int()),
});
export type ScanSummary = z.infer<typeof ScanSummarySchema>;

export const ScanRecordSchema = z.strictObject({
  id: ScanIdSchema,
  siteId: SiteIdSchema,
  targets: z.array(z.string()),
  exclude: z.array(z.string()),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  summary: ScanSummarySchema.nullable(),
});
export type ScanRecord = z.infer<typeof ScanRecordSchema>;

/** A host the site has seen in any scan, with when it was first and last seen. */
export const KnownHostSchema = ScanFindingSchema.extend({
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  lastScanId: ScanIdSchema,
});
export type KnownHost = z.infer<typeof KnownHostSchema>;

export const ScanDiffSchema = z.strictObject({
  added: z.array(ScanFindingSchema),
  removed: z.array(ScanFindingSchema),
  changed: z.array(z.strictObject({ before: ScanFindingSchema, after: ScanFindingSchema, what: z.array(z.enum(['kind', 'ports'])) })),
  unchanged: z.number().int(),
});
export type ScanDiff = z.infer<typeof ScanDiffSchema>;

export const LocalSubnetSchema = z.strictObject({
  interface: z.string(),
  address: z.string(),
  cidr: z.string(),
  addresses: z.number().int(),
  internal: z.boolean(),
});
export type LocalSubnet = z.infer<typeof LocalSubnetSchema>;

const targetText = z.string().trim().min(1).max(64);

/** What the Scan page starts with: typed targets, and whether the LAN subnets are ticked. */
export const ScanSuggestionSchema = z.strictObject({ targets: z.string().max(200), tickLan: z.boolean() });
export type ScanSuggestion = z.infer<typeof ScanSuggestionSchema>;

export const ScanOptionsSchema = z.strictObject({
  targets: z.array(targetText).min(1).max(64),
  exclude: z.array(targetText).max(64).default([]),
  /** Empty: the default port set (the vendors' documented and shipped ports). */
  ports: z.array(z.number().int().min(1).max(65535)).max(1024).default([]),
  /** The longest wait for an address that does not answer, ms. */
  timeoutMs: z.number().int().min(50).max(10_000).default(1000),
  concurrency: z.number().int().min(1).max(4096).default(512),
  ratePerSecond: z.number().int().min(1).max(100_000).default(20_000),
  /** More than 4,096 addresses needs this. */
  allowLarge: z.boolean().default(false),
  /**
   * Also ask ONVIF cameras and panels to announce themselves (one WS-Discovery multicast probe per
   * interface on the targets' subnets; only answers from the targets are kept). Off by default:
   * it is the one packet that is not addressed to a target.
   */
  onvif: z.boolean().default(false),
});
export type ScanOptions = z.output<typeof ScanOptionsSchema>;
export type ScanOptionsInput = z.input<typeof ScanOptionsSchema>;

export const scanMethods = {
  /**
   * This computer's IPv4 subnets, to choose from, and what the Scan page starts with when the core
   * was started with a suggestion (the demo: only the simulators' loopback addresses, no LAN ticked).
   */
  'scan.interfaces': method(z.strictObject({}), z.strictObject({ subnets: z.array(LocalSubnetSchema), suggestion: ScanSuggestionSchema.optional() })),
  /** Starts a scan for a site; progress, findings and the end arrive as scan.* events. */
  'scan.start': method(ScanOptionsSchema.extend({ siteId: SiteIdSchema }), z.strictObject({ scanId: ScanIdSchema, addressesTotal: z.number().int() })),
  'scan.cancel': method(z.strictObject({ scanId: ScanIdSchema }), z.strictObject({ cancelled: z.boolean() })),
  'scan.list': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ scans: z.array(ScanRecordSchema) })),
  'scan.results': method(z.strictObject({ scanId: ScanIdSchema }), z.strictObject({ scan: ScanRecordSchema, findings: z.array(ScanFindingSchema) })),
  /** Every host the site's scans have found, with first and last seen. */
  'scan.hosts': method(z.strictObject({ siteId: SiteIdSchema }), z.strictObject({ hosts: z.array(KnownHostSchema) })),
  'scan.diff': method(z.strictObject({ fromScanId: ScanIdSchema, toScanId: ScanIdSchema }), ScanDiffSchema),
};

export const scanEvents = {
  'scan.progress': z.strictObject({ scanId: ScanIdSchema, addressesDone: z.number().int(), addressesTotal: z.number().int(), hostsFound: z.number().int() }),
  'scan.finding': z.strictObject({ scanId: ScanIdSchema, finding: ScanFindingSchema }),
  'scan.finished': z.strictObject({ scanId: ScanIdSchema, state: z.enum(['done', 'cancelled', 'failed']), summary: ScanSummarySchema.nullable() }),
};
