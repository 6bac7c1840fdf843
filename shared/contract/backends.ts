import { z } from 'zod';
import { BASE_URL_MAX, normalizeBaseUrl } from '../rules/base-url.ts';
import { TEXT_LIMITS } from '../rules/text-limits.ts';
import { method } from './define.ts';
import { ApiErrorBodySchema } from './errors.ts';
import { SiteIdSchema } from './sites.ts';

/** The four backend systems Doorman speaks to. */
export const VENDORS = ['zkbio', 'hongtu', 'k30', 'zhejiang'] as const;
export const VendorSchema = z.enum(VENDORS);
export type Vendor = z.infer<typeof VendorSchema>;

export function isVendor(value: string): value is Vendor {
  return (VENDORS as readonly string[]).includes(value);
}

export const BackendIdSchema = z.number().int().positive();
export type BackendId = z.infer<typeof BackendIdSchema>;

/** A backend as the UI and CLI see it: never its secrets. */
export const BackendSchema = z.strictObject({
  id: BackendIdSchema,
  siteId: SiteIdSchema,
  vendor: VendorSchema,
  name: z.string(),
  baseUrl: z.string(),
  tls: z.enum(['verify', 'pinned', 'accept-any']),
  /** Which credential fields are stored (names only, e.g. ["token"]). */
  credentialFields: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastTest: z
    .strictObject({ at: z.iso.datetime(), verdict: z.string() })
    .nullable(),
  inventoryAt: z.iso.datetime().nullable(),
});
export type Backend = z.infer<typeof BackendSchema>;

/** What "Test connection" concluded, in words a person acts on. */
export const VERDICTS = [
  'ok',
  'unreachable', // DNS, refused, no route, timeout, reset
  'tls', // certificate / handshake
  'plain-http', // https:// to a server that speaks plain HTTP (issue 12 item 7)
  'bad-credentials', // token, key or secret refused
  'signature', // signature refused (signing vendors)
  'clock-skew', // timestamp refused: the clocks differ
  'not-vendor', // something answers, but it is not this system
  'error', // the system answered with an unexpected failure
] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ConnectionTestSchema = z.strictObject({
  verdict: VerdictSchema,
  /** The driver's error code behind a failed verdict (dns, refused, timeout, tls, not_json…). */
  cause: z.string().nullable(),
  message: z.string(),
  advice: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable(),
  latencyMs: z.number().nonnegative(),
  /** Server facts learned on the way (product, counts, certificate fingerprint…). */
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  clockSkewMs: z.number().nullable(),
  testedAt: z.iso.datetime(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

const nullableText = z.string().nullable();

/**
 * Why a field shows no value, or where a shown value came from, so a screen says so instead of a
 * bare dash: `not-in-api` the vendor's API has no such field; `not-reported` the API has it but the
 * backend left it empty; `not-read` the call that gives it failed this time; `from-name` taken from
 * the item's name (ZKBio names a device by its IP).
 */
export const FIELD_NOTES = ['not-in-api', 'not-reported', 'not-read', 'from-name'] as const;
export const FieldNoteSchema = z.enum(FIELD_NOTES);
export type FieldNote = z.infer<typeof FieldNoteSchema>;
const notesOf = <K extends string>(keys: readonly [K, ...K[]]) => z.partialRecord(z.enum(keys), FieldNoteSchema).optional();

export const DeviceSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  serial: nullableText,
  ip: nullableText,
  model: nullableText,
  kind: z.enum(['access-panel', 'face-panel', 'elevator', 'gate', 'attendance', 'camera', 'other']),
  online: z.boolean().nullable(),
  notes: notesOf(['serial', 'ip', 'model', 'online']),
});
export type Device = z.infer<typeof DeviceSchema>;

export const DOOR_MODES = ['normally-open', 'normally-closed', 'restore'] as const;
export const DoorModeSchema = z.enum(DOOR_MODES);
export type DoorMode = z.infer<typeof DoorModeSchema>;

export const DoorStateSchema = z.strictObject({
  /** Door sensor: open / closed / unknown (no sensor or not reported). */
  sensor: z.enum(['open', 'closed', 'unknown']),
  /** Lock relay: unlocked / locked / unknown. */
  relay: z.enum(['unlocked', 'locked', 'unknown']),
  alarm: z.boolean().nullable(),
  mode: z.enum(['normal', 'normally-open', 'normally-closed', 'unknown']),
  online: z.boolean().nullable(),
  /** The vendor's words for the state, as shown in its own UI. */
  text: nullableText,
  /** The vendor's own values by its field names (ZKBio `sensor`, `relay`, `alarm`), as its document names them. */
  vendor: z.record(z.string(), z.string()).optional(),
});
export type DoorState = z.infer<typeof DoorStateSchema>;

export const DoorSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  deviceId: nullableText,
  number: z.number().int().nullable(),
  state: DoorStateSchema.nullable(),
  notes: notesOf(['state']),
});
export type Door = z.infer<typeof DoorSchema>;

export const ReaderSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  doorId: nullableText,
  direction: z.enum(['in', 'out']).nullable(),
});
export type Reader = z.infer<typeof ReaderSchema>;

/** ZKBio access levels, Hongtu pass groups/authorities, K30 regions: who may pass where. */
export const AccessLevelSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  doorIds: z.array(z.string()).nullable(),
  notes: notesOf(['doorIds']),
});
export type AccessLevel = z.infer<typeof AccessLevelSchema>;

export const DepartmentSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  parentId: nullableText,
});
export type Department = z.infer<typeof DepartmentSchema>;

/** A person as a backend holds them: enough to pick one (the door test's walk-through person). */
export const BackendPersonSchema = z.strictObject({
  /** The personnel number the backend knows the person by (ZKBio pin, Hongtu code). */
  pin: z.string(),
  name: z.string(),
});
export type BackendPerson = z.infer<typeof BackendPersonSchema>;

/** The parts of an inventory, each read (and failing) on its own. */
export const INVENTORY_PARTS = ['devices', 'doors', 'readers', 'accessLevels', 'departments'] as const;
export const InventoryPartSchema = z.enum(INVENTORY_PARTS);
export type InventoryPart = z.infer<typeof InventoryPartSchema>;

export const InventorySchema = z.strictObject({
  devices: z.array(DeviceSchema),
  doors: z.array(DoorSchema),
  readers: z.array(ReaderSchema),
  accessLevels: z.array(AccessLevelSchema),
  departments: z.array(DepartmentSchema),
  refreshedAt: z.iso.datetime(),
  /**
   * After a refresh: the parts the backend could not give, each with its error; those parts show
   * what was stored before (possibly nothing). Absent when every part was read, and on stored reads.
   */
  partErrors: z.partialRecord(InventoryPartSchema, ApiErrorBodySchema).optional(),
});
export type Inventory = z.infer<typeof InventorySchema>;

/** An access event as every vendor's is turned into: a stable id per backend, for dedupe across polls. */
export const AccessEventSchema = z.strictObject({
  eventId: z.string(),
  occurredAt: z.string(),
  kind: z.enum(['pass', 'denied', 'remote-open', 'remote-close', 'door', 'alarm', 'device', 'other']),
  doorId: nullableText,
  doorName: nullableText,
  deviceSerial: nullableText,
  readerName: nullableText,
  personPin: nullableText,
  personName: nullableText,
  verifyMode: nullableText,
  /** The vendor's name for the event ("Remote Opening", "Normal Verify Open"…). */
  description: z.string(),
  photoUrl: nullableText,
  // What the guard needs, optional so events stored before read as they are (issue 15).
  /** The pass's outcome: passed, denied, a stranger (face not enrolled), a visitor, or other. */
  result: z.enum(['passed', 'denied', 'stranger', 'visitor', 'other']).optional(),
  direction: z.enum(['in', 'out']).nullable().optional(),
  /** Body temperature in °C where the device measures it. */
  temperature: z.number().nullable().optional(),
  /** Whether a mask was worn, where the device reports it. */
  mask: z.boolean().nullable().optional(),
  /** The face the device captured at the pass (Hongtu snapshotUrl, K30 photo). */
  capturedPhotoUrl: nullableText.optional(),
});
export type AccessEvent = z.infer<typeof AccessEventSchema>;

/** What a backend can do beyond the common core, so screens offer only what works. */
export const CapabilitiesSchema = z.strictObject({
  closeDoor: z.boolean(),
  doorModes: z.array(DoorModeSchema),
  faceCheck: z.boolean(),
  bulkUpsert: z.boolean(),
  realtimeEvents: z.enum(['monitor', 'push', 'poll', 'none']),
  /** Visitor registration through the API (issue 15 item 4). */
  visitors: z.boolean().default(false),
  /**
   * What its door list tells of each door's state, re-read by the doors service while the app runs
   * (issue 15): `full` sensor, relay and alarm (ZKBio), `online` only whether the door is reachable;
   * absent: nothing to re-read.
   */
  doorState: z.enum(['full', 'online']).optional(),
  /** Why a capability is missing, per capability name, in both languages (shown in the UI). */
  notes: z.record(z.string(), z.strictObject({ en: z.string(), 'zh-CN': z.string() })),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** How to trust the backend's HTTPS certificate (ignored for http://). */
export const TlsChoiceSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('verify') }),
  z.strictObject({ mode: z.literal('pinned'), fingerprint256: z.string().regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, { message: 'fingerprint_format' }) }),
  z.strictObject({ mode: z.literal('accept-any') }),
]);

/** A server address, tidied to scheme://host[:port] or refused with the reason (shared/rules/base-url.ts). */
export const BaseUrlSchema = z
  .string()
  .max(BASE_URL_MAX, { message: 'base_url_format' })
  .transform((typed, ctx) => {
    const checked = normalizeBaseUrl(typed);
    if (checked.ok) return checked.url;
    ctx.addIssue({ code: 'custom', message: checked.problem, input: typed });
    return z.NEVER;
  });

/** Each vendor's credentials. Later vendors add their own form here. */
export const ZkbioCredentialsSchema = z.strictObject({ token: z.string().trim().min(1, { message: 'token_required' }).max(512) });
/** Hongtu: the cappkey / secretKey pair the platform issues (§2.4). */
export const HongtuCredentialsSchema = z.strictObject({
  appKey: z.string().trim().min(1, { message: 'app_key_required' }).max(128),
  secretKey: z.string().min(1, { message: 'secret_required' }).max(256),
});
/**
 * K30: the 企业编号 (company number) the K30 software shows; it is both the sign secret and the
 * AES-128 key, so exactly 16 bytes (seed 000 §1.2, k30.md E33): 16 printable ASCII characters.
 */
export const K30CredentialsSchema = z.strictObject({
  companyNo: z.string().trim().regex(/^[\x21-\x7e]{16}$/, { message: 'company_no_format' }),
});

/**
 * The credentials of each vendor Doorman has a driver for, by vendor: the backend form takes its
 * vendors and their fields from here, the drivers' descriptors (electron/drivers/<vendor>/index.ts)
 * their schemas. A vendor with a driver adds its schema here and its member of NewBackendSchema.
 */
export const CREDENTIALS_SCHEMAS = { zkbio: ZkbioCredentialsSchema, hongtu: HongtuCredentialsSchema, k30: K30CredentialsSchema } as const;
export type DriverVendor = keyof typeof CREDENTIALS_SCHEMAS;

export const NewBackendSchema = z.discriminatedUnion('vendor', [
  z.strictObject({
    siteId: SiteIdSchema,
    vendor: z.literal('zkbio'),
    name: z.string().trim().max(TEXT_LIMITS.name).optional(),
    baseUrl: BaseUrlSchema,
    tls: TlsChoiceSchema.default({ mode: 'verify' }),
    credentials: ZkbioCredentialsSchema,
  }),
  z.strictObject({
    siteId: SiteIdSchema,
    vendor: z.literal('hongtu'),
    name: z.string().trim().max(TEXT_LIMITS.name).optional(),
    baseUrl: BaseUrlSchema,
    tls: TlsChoiceSchema.default({ mode: 'verify' }),
    credentials: HongtuCredentialsSchema,
  }),
  z.strictObject({
    siteId: SiteIdSchema,
    vendor: z.literal('k30'),
    name: z.string().trim().max(TEXT_LIMITS.name).optional(),
    baseUrl: BaseUrlSchema,
    tls: TlsChoiceSchema.default({ mode: 'verify' }),
    credentials: K30CredentialsSchema,
  }),
]);
export type NewBackend = z.input<typeof NewBackendSchema>;

/** Edit a backend: any of its fields; credentials replace the stored ones only when given. */
export const UpdateBackendSchema = z.strictObject({
  id: BackendIdSchema,
  name: z.string().trim().min(1).max(TEXT_LIMITS.name).optional(),
  baseUrl: BaseUrlSchema.optional(),
  tls: TlsChoiceSchema.optional(),
  credentials: z.union([ZkbioCredentialsSchema, HongtuCredentialsSchema, K30CredentialsSchema]).optional(),
});

export const backendsMethods = {
  'backends.list': method(z.strictObject({ siteId: SiteIdSchema.optional() }), z.strictObject({ backends: z.array(BackendSchema) })),
  'backends.add': method(NewBackendSchema, BackendSchema),
  'backends.update': method(UpdateBackendSchema, BackendSchema),
  'backends.remove': method(z.strictObject({ id: BackendIdSchema }), z.strictObject({ id: BackendIdSchema })),
  /** What the backend can do (door modes, close, face check, real-time events), for the screens. */
  'backends.capabilities': method(z.strictObject({ id: BackendIdSchema }), CapabilitiesSchema),
  'backends.test': method(z.strictObject({ id: BackendIdSchema }), ConnectionTestSchema),
  /** The stored inventory; `refresh` reads it from the backend first. */
  'backends.inventory': method(z.strictObject({ id: BackendIdSchema, refresh: z.boolean().default(false) }), InventorySchema.nullable()),
  /** The people the backend holds (personnel number and name), read from it now. */
  'backends.people': method(z.strictObject({ id: BackendIdSchema }), z.strictObject({ people: z.array(BackendPersonSchema) })),
  /** Any endpoint of the backend's document by id, parameters by name (the troubleshooting tool). */
  'backends.call': method(
    z.strictObject({ id: BackendIdSchema, endpoint: z.string().min(1).max(200), params: z.record(z.string(), z.unknown()).default({}), force: z.boolean().default(false) }),
    z.strictObject({ data: z.unknown() }),
  ),
};

/** How a pushed delivery's signature is checked, for vendors that sign them: not at all, logged, or refused. */
export const PushSignCheckSchema = z.enum(['off', 'warn', 'strict']);
export type PushSignCheck = z.infer<typeof PushSignCheckSchema>;

/**
 * How the backend learns the receiver's URL: Doorman registers it (`automatic`, Hongtu's pubsub),
 * or the installer types it into the vendor's software (`manual`, K30's third-party forwarding URL).
 */
export const PushRegistrationSchema = z.enum(['automatic', 'manual']);

export const ReceiverStatusSchema = z.strictObject({
  running: z.boolean(),
  url: z.string().nullable(),
  /** null: the backend's vendor does not push. */
  registration: PushRegistrationSchema.nullable(),
  stats: z
    .strictObject({ received: z.number(), events: z.number(), stored: z.number(), duplicates: z.number(), rejected: z.number(), deviceResults: z.number() })
    .nullable(),
  /** When the running receiver last accepted a delivery (ISO); null before the first ("waiting for the first callback"). */
  lastReceivedAt: z.iso.datetime().nullable(),
  /**
   * When the backend first called this URL (ISO), kept across restarts while the URL stays the same;
   * null: never — for a manually registered receiver, the URL is not typed into the vendor's software yet.
   */
  firstCalledAt: z.iso.datetime().nullable().optional(),
  stored: z.number().int().nonnegative(),
});

export const receiversMethods = {
  /**
   * Starts a push receiver for the backend: registered there (automatic), or to be typed into the
   * vendor's software (manual; `where` says which setting, in both languages).
   */
  'receivers.start': method(
    z.strictObject({
      backendId: BackendIdSchema,
      host: z.string().max(64).optional(),
      port: z.number().int().min(0).max(65535).optional(),
      /** Deliveries whose signature does not match: `warn` (default) stores and logs them, `strict` refuses them. */
      signCheck: PushSignCheckSchema.default('warn'),
    }),
    z.strictObject({
      url: z.string(),
      registration: PushRegistrationSchema,
      where: z.strictObject({ en: z.string(), 'zh-CN': z.string() }).nullable(),
    }),
  ),
  'receivers.stop': method(z.strictObject({ backendId: BackendIdSchema }), z.strictObject({ stopped: z.boolean() })),
  'receivers.status': method(z.strictObject({ backendId: BackendIdSchema }), ReceiverStatusSchema),
};

export const backendsEvents = {
  /** New access events were stored for a backend (pushed, polled or monitored): only the new ones. */
  'events.received': z.strictObject({ backendId: BackendIdSchema, events: z.array(AccessEventSchema) }),
  /** A backend was added, edited, tested or removed: the site's backends as they are now. */
  'backends.changed': z.strictObject({ siteId: SiteIdSchema, backends: z.array(BackendSchema) }),
  /**
   * A backend's stored inventory changed: a refresh, or a call that made or removed a door, level,
   * group or device (a set-up wizard's step), after which the core re-read the parts it touches.
   */
  'inventory.changed': z.strictObject({ backendId: BackendIdSchema, inventory: InventorySchema }),
};
