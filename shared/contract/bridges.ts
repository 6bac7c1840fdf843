import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';
import { SiteIdSchema } from './sites.ts';
import { TlsOptionsSchema } from './tls-options.ts';

/**
 * The Zhejiang real-name platform bridge (issue 16): a site's gates presented to the platform as its
 * registered devices. `bridge.*` configures it (addresses, sealed credentials, codec settings), maps
 * each device (`sn`) to the site's doors, and shows its task history and attendance queue.
 *
 * The codec's switches and field numbers are the driver's (electron/drivers/<platform>/options.ts,
 * messages.ts): the contract carries them by name and the core checks them against the driver, so
 * they are defined once.
 */

export const BridgeIdSchema = z.number().int().positive();
export type BridgeId = z.infer<typeof BridgeIdSchema>;
export const BridgeDeviceIdSchema = z.number().int().positive();
export type BridgeDeviceId = z.infer<typeof BridgeDeviceIdSchema>;

/** protobuf's field numbers (the core also refuses 19000–19999 and two fields with one number). */
export const FIELD_NUMBER_MAX = 536_870_911;
export const HEARTBEAT_SECONDS = { min: 5, max: 55, default: 30 } as const;
export const MAX_FRAME_BYTES = { min: 1024, max: 64 * 1024 * 1024, default: 4 * 1024 * 1024 } as const;
export const BRIDGE_SECRET_MAX = 256;

/** `host:port` ([IPv6]:port too). */
const TCP_ADDRESS = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?):(\d{1,5})$/;

export function parseTcpAddress(text: string): { host: string; port: number } | null {
  const match = TCP_ADDRESS.exec(text.trim());
  if (!match) return null;
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) return null;
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

export const TcpAddressSchema = z
  .string()
  .max(300)
  .refine((text) => parseTcpAddress(text) !== null, { message: 'bridgeTcpAddress' })
  .transform((text) => parseTcpAddress(text)!);

/** The platform's HTTPS address; `http://` is accepted for test platforms and flagged (`plainHttp`). */
export const PlatformUrlSchema = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, { message: 'bridgeUrl' });

/** As registered with the platform: 1–64 printable characters, no spaces. */
export const DeviceSnSchema = z.string().regex(/^[^\p{C}\s]{1,64}$/u, { message: 'bridgeSn' });

const SecretSchema = z.string().min(1).max(BRIDGE_SECRET_MAX);
export const BRIDGE_CREDENTIAL_FIELDS = ['accessId', 'accessKey', 'accessSecret'] as const;
export const BridgeCredentialsSchema = z.strictObject({ accessId: SecretSchema, accessKey: SecretSchema, accessSecret: SecretSchema });
export type BridgeCredentials = z.infer<typeof BridgeCredentialsSchema>;

const FieldNumberSchema = z.number().int().min(1).max(FIELD_NUMBER_MAX);
const FieldNameSchema = z.string().regex(/^[A-Za-z_]{1,40}$/);
/** Per TCP apicode (C_AUTH, C_HEARTBEAT, C_SIGN_IN), field name → number, over the chosen layout. */
const FieldOverridesSchema = z.record(z.string().regex(/^[A-Z_]{1,40}$/), z.record(FieldNameSchema, FieldNumberSchema));

export const BridgeSettingsSchema = z.strictObject({
  /** The codec's switches by name (D3–D6), every one given: the defaults are the digest's decisions. */
  switches: z.record(FieldNameSchema, z.string().max(40)),
  /** The TCP layout: A (one message per apicode, default) or B (one envelope). */
  layout: z.enum(['A', 'B']),
  /** Field numbers over the layout's, per apicode: `{requests: {C_AUTH: {sign: 9}}, responses: {…}}`. */
  fieldNumbers: z.strictObject({ requests: FieldOverridesSchema, responses: FieldOverridesSchema }),
  /** How hard a response's sign is checked (D18). */
  responseSignCheck: z.enum(['off', 'warn', 'strict']),
  /** Seconds between heartbeats: well under the platform's 60 s offline limit. */
  heartbeatSeconds: z.number().int().min(HEARTBEAT_SECONDS.min).max(HEARTBEAT_SECONDS.max),
  /** The largest frame read or sent (D8: a sign-in carries a base64 photo). */
  maxFrameBytes: z.number().int().min(MAX_FRAME_BYTES.min).max(MAX_FRAME_BYTES.max),
  /** C_AUTH's param `deviceVersion` (D20). */
  deviceVersion: z.string().max(64),
});
export type BridgeSettings = z.infer<typeof BridgeSettingsSchema>;

/** A change of settings: only what is given changes; switches and field numbers merge by name. */
export const BridgeSettingsChangeSchema = z.strictObject({
  switches: z.record(FieldNameSchema, z.string().max(40)).optional(),
  layout: z.enum(['A', 'B']).optional(),
  fieldNumbers: z.strictObject({ requests: FieldOverridesSchema.optional(), responses: FieldOverridesSchema.optional() }).optional(),
  responseSignCheck: z.enum(['off', 'warn', 'strict']).optional(),
  heartbeatSeconds: z.number().int().min(HEARTBEAT_SECONDS.min).max(HEARTBEAT_SECONDS.max).optional(),
  maxFrameBytes: z.number().int().min(MAX_FRAME_BYTES.min).max(MAX_FRAME_BYTES.max).optional(),
  deviceVersion: z.string().max(64).optional(),
});
export type BridgeSettingsChange = z.infer<typeof BridgeSettingsChangeSchema>;

/** A bridge as the UI and CLI see it: never its secrets, only which are set. */
export const BridgeSchema = z.strictObject({
  id: BridgeIdSchema,
  siteId: SiteIdSchema,
  name: z.string(),
  tcpHost: z.string(),
  tcpPort: z.number().int(),
  httpsUrl: z.string(),
  /** The URL is `http://`: accepted for test platforms, warned about. */
  plainHttp: z.boolean(),
  tls: z.enum(['verify', 'pinned', 'accept-any']),
  credentialFields: z.array(z.enum(BRIDGE_CREDENTIAL_FIELDS)),
  settings: BridgeSettingsSchema,
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Bridge = z.infer<typeof BridgeSchema>;

export const DoorRefSchema = z.strictObject({ backendId: BackendIdSchema, doorId: z.string().min(1).max(200) });
export type DoorRef = z.infer<typeof DoorRefSchema>;

/** The access levels a device's workers get on one backend (its ids in that backend's stored inventory). */
export const DeviceAccessLevelsSchema = z.strictObject({ backendId: BackendIdSchema, accessLevelIds: z.array(z.string().min(1).max(128)).max(50) });
export type DeviceAccessLevels = z.infer<typeof DeviceAccessLevelsSchema>;
const AccessLevelsInputSchema = z.array(DeviceAccessLevelsSchema).max(20);

export const BridgeDeviceSchema = z.strictObject({
  id: BridgeDeviceIdSchema,
  bridgeId: BridgeIdSchema,
  sn: z.string(),
  /** The doors it stands for, with their names as the stored inventory has them. */
  doors: z.array(DoorRefSchema.extend({ doorName: z.string().nullable(), backendName: z.string().nullable() })),
  /** The access levels set for its workers, per backend. */
  accessLevels: z.array(DeviceAccessLevelsSchema),
  /**
   * What its workers get on each backend behind its doors: the levels set (`set`), else the backend's
   * stored levels that cover the device's doors there (`doors`); an empty list: enrolled without access.
   */
  levels: z.array(z.strictObject({ backendId: BackendIdSchema, backendName: z.string().nullable(), accessLevelIds: z.array(z.string()), from: z.enum(['set', 'doors']) })),
  createdAt: z.iso.datetime(),
});
export type BridgeDevice = z.infer<typeof BridgeDeviceSchema>;

/** `syncing`: the task's people are queued; it waits for their writes to be done or failed on the backends before it is reported. */
export const BRIDGE_TASK_STATES = ['received', 'fetched', 'running', 'syncing', 'done', 'failed', 'unsupported', 'reported'] as const;
export const BridgeTaskSchema = z.strictObject({
  id: z.number().int().positive(),
  deviceId: BridgeDeviceIdSchema,
  sn: z.string(),
  taskid: z.string(),
  apicode: z.string().nullable(),
  state: z.enum(BRIDGE_TASK_STATES),
  currentPage: z.number().int().nullable(),
  totalPage: z.number().int().nullable(),
  failedPersons: z.array(z.unknown()),
  failedFaces: z.array(z.unknown()),
  error: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  reportedAt: z.iso.datetime().nullable(),
});
export type BridgeTask = z.infer<typeof BridgeTaskSchema>;

export const SIGNIN_STATES = ['queued', 'sending', 'failed'] as const;
export const QueuedSigninSchema = z.strictObject({
  id: z.number().int().positive(),
  deviceId: BridgeDeviceIdSchema,
  sn: z.string(),
  backendId: BackendIdSchema,
  eventId: z.string(),
  personId: z.string(),
  /** Epoch ms. */
  recordTime: z.number().int(),
  state: z.enum(SIGNIN_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Epoch ms. */
  nextAttemptAt: z.number().int(),
});
export type QueuedSignin = z.infer<typeof QueuedSigninSchema>;

export const BridgeQueueSchema = z.strictObject({
  depth: z.number().int(),
  /** Epoch ms of the oldest record waiting, null when empty. */
  oldestRecordTime: z.number().int().nullable(),
  /** How long ago (ms) the oldest record waiting was made, null when empty. */
  oldestAgeMs: z.number().int().nullable(),
  devices: z.array(z.strictObject({ deviceId: BridgeDeviceIdSchema, sn: z.string(), depth: z.number().int() })),
  /** Records that failed at least once, oldest first, with their last error. */
  failed: z.array(QueuedSigninSchema),
});
export type BridgeQueue = z.infer<typeof BridgeQueueSchema>;

const bridgeRef = z.strictObject({ id: BridgeIdSchema });

/** `elsewhere`: another process runs the bridge (its lease, `BridgeState.elsewhere`), so this one does not. */
export const DEVICE_RUN_STATES = ['online', 'connecting', 'authenticating', 'backoff', 'revoked', 'stopped', 'elsewhere'] as const;
const LocalizedTextSchema = z.strictObject({ en: z.string(), 'zh-CN': z.string() });
/** One device's live session (issue 16 item 2): times are epoch ms. */
export const BridgeDeviceStateSchema = z.strictObject({
  deviceId: BridgeDeviceIdSchema,
  sn: z.string(),
  status: z.enum(DEVICE_RUN_STATES),
  lastHeartbeatAt: z.number().nullable(),
  /** How old the session's token is (ms), null without one. */
  tokenAgeMs: z.number().nullable(),
  /** Attendance records waiting for this device. */
  queueDepth: z.number().int(),
  /** Tasks received and not reported yet. */
  openTasks: z.number().int(),
  lastError: z.strictObject({ code: z.string(), vendorCode: z.string().nullable(), message: z.string(), advice: LocalizedTextSchema.nullable(), at: z.number() }).nullable(),
  /** Backends behind its doors with no access level for its workers (they would be enrolled without access). */
  backendsWithoutLevel: z.array(z.strictObject({ backendId: BackendIdSchema, backendName: z.string().nullable() })).optional(),
  /**
   * Attendance the platform acknowledged since the bridge started (issue 16 item 5): how many sign-ins,
   * and the last one — the platform's personId, the Doorman person's name where known, its record time
   * and when the platform acknowledged it (epoch ms). Absent where nobody counts (a bridge not running).
   */
  acknowledged: z
    .strictObject({
      count: z.number().int(),
      last: z.strictObject({ personId: z.string(), personName: z.string().nullable(), recordTime: z.number().int(), acknowledgedAt: z.number() }).nullable(),
    })
    .optional(),
});
export type BridgeDeviceState = z.infer<typeof BridgeDeviceStateSchema>;
/**
 * Who runs a bridge (issue 16 item 2: one runner per bridge): the desktop app or web server
 * (`app`), or `bridge run` in a terminal (`terminal`); its process and computer, since when it
 * holds the bridge and when it last said it still does. Times are ISO instants.
 */
export const BridgeHolderSchema = z.strictObject({
  holder: z.enum(['app', 'terminal']),
  pid: z.number().int(),
  host: z.string(),
  since: z.string(),
  renewedAt: z.string(),
});
export type BridgeHolder = z.infer<typeof BridgeHolderSchema>;
export const BridgeStateSchema = z.strictObject({
  bridgeId: BridgeIdSchema,
  running: z.boolean(),
  devices: z.array(BridgeDeviceStateSchema),
  /** Set when another process runs the bridge (this one then shows its devices `elsewhere`). */
  elsewhere: BridgeHolderSchema.optional(),
});
export type BridgeState = z.infer<typeof BridgeStateSchema>;

/** One step of `bridge.test`: ok true/false, null when not tried or nothing to judge by. */
export const BridgeCheckLineSchema = z.strictObject({
  check: z.enum(['tcp', 'auth', 'clock', 'https']),
  ok: z.boolean().nullable(),
  detail: z.string(),
  vendorCode: z.string().nullable(),
  advice: LocalizedTextSchema.nullable(),
  offsetMs: z.number().nullable(),
});
export type BridgeCheckLine = z.infer<typeof BridgeCheckLineSchema>;
export const BridgeTestResultSchema = z.strictObject({ bridgeId: BridgeIdSchema, sn: z.string(), ok: z.boolean(), lines: z.array(BridgeCheckLineSchema) });
export type BridgeTestResult = z.infer<typeof BridgeTestResultSchema>;

export const bridgeEvents = {
  /** A device session of a running bridge changed state (online, backoff, revoked…) or heartbeated. */
  'bridge.state': BridgeStateSchema,
};

export const bridgeMethods = {
  /** The bridges (of one site). */
  'bridge.list': method(z.strictObject({ siteId: SiteIdSchema.optional() }), z.strictObject({ bridges: z.array(BridgeSchema) })),
  'bridge.get': method(bridgeRef, BridgeSchema),
  /** Adds a bridge; its credentials are sealed and never returned. */
  'bridge.add': method(
    z.strictObject({
      siteId: SiteIdSchema,
      name: z.string().trim().min(1).max(100).optional(),
      tcp: TcpAddressSchema,
      httpsUrl: PlatformUrlSchema,
      tls: TlsOptionsSchema.default({ mode: 'verify' }),
      credentials: BridgeCredentialsSchema,
      settings: BridgeSettingsChangeSchema.optional(),
      enabled: z.boolean().default(true),
    }),
    BridgeSchema,
  ),
  /** Changes what is given; credentials given replace those fields only. */
  'bridge.update': method(
    z.strictObject({
      id: BridgeIdSchema,
      name: z.string().trim().min(1).max(100).optional(),
      tcp: TcpAddressSchema.optional(),
      httpsUrl: PlatformUrlSchema.optional(),
      tls: TlsOptionsSchema.optional(),
      credentials: BridgeCredentialsSchema.partial().optional(),
      settings: BridgeSettingsChangeSchema.optional(),
      enabled: z.boolean().optional(),
    }),
    BridgeSchema,
  ),
  /** Removes the bridge with its devices, door mapping, workers, tasks and queued records. */
  'bridge.remove': method(bridgeRef, z.strictObject({ id: BridgeIdSchema })),
  'bridge.devices.list': method(z.strictObject({ bridgeId: BridgeIdSchema }), z.strictObject({ devices: z.array(BridgeDeviceSchema) })),
  /** A device as registered with the platform and the site's doors it stands for (each from the stored inventory). */
  'bridge.devices.add': method(
    z.strictObject({ bridgeId: BridgeIdSchema, sn: DeviceSnSchema, doors: z.array(DoorRefSchema).max(500).default([]), accessLevels: AccessLevelsInputSchema.default([]) }),
    BridgeDeviceSchema,
  ),
  /** Replaces a device's doors and/or the access levels of its workers (what is given); the workers already enrolled keep theirs until their next task. */
  'bridge.devices.update': method(
    z.strictObject({ bridgeId: BridgeIdSchema, deviceId: BridgeDeviceIdSchema, doors: z.array(DoorRefSchema).max(500).optional(), accessLevels: AccessLevelsInputSchema.optional() }),
    BridgeDeviceSchema,
  ),
  'bridge.devices.remove': method(z.strictObject({ bridgeId: BridgeIdSchema, deviceId: BridgeDeviceIdSchema }), z.strictObject({ deviceId: BridgeDeviceIdSchema })),
  /** The attendance queue: depth, the oldest record, the records that failed with their errors. */
  'bridge.queue': method(z.strictObject({ bridgeId: BridgeIdSchema, limit: z.number().int().min(1).max(1000).default(200) }), BridgeQueueSchema),
  /** Failed records are due again now (all of the bridge's, or one). */
  'bridge.queue.retry': method(z.strictObject({ bridgeId: BridgeIdSchema, signinId: z.number().int().positive().optional() }), z.strictObject({ retried: z.number().int() })),
  /** The live state of the bridge's device sessions (not running: every device `stopped`). */
  'bridge.status': method(z.strictObject({ bridgeId: BridgeIdSchema }), BridgeStateSchema),
  /** Test connection: TCP reach, C_AUTH, clock offset, HTTPS reach, each a verdict with advice (one device: `sn`, default the first). */
  'bridge.test': method(z.strictObject({ bridgeId: BridgeIdSchema, sn: DeviceSnSchema.optional() }), BridgeTestResultSchema),
  /** The task history, newest first. */
  'bridge.tasks': method(z.strictObject({ bridgeId: BridgeIdSchema, limit: z.number().int().min(1).max(1000).default(200) }), z.strictObject({ tasks: z.array(BridgeTaskSchema) })),
};
