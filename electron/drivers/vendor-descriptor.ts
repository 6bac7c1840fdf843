import type { z } from 'zod';
import type { AlarmClass } from '../../shared/contract/alarms.ts';
import type { InventoryPart, PushSignCheck, Vendor } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { SystemKind } from '../../shared/contract/scan.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';
import type { BackendDriver, PersonRefs } from '../backends/backend.ts';
import type { LocalizedText } from './driver-error.ts';
import type { EndpointSpec } from './endpoint-table.ts';

/** What a vendor's driver is made from: where the backend is, how it is trusted, its stored secrets. */
interface DriverConfig {
  readonly baseUrl: string;
  readonly tls: TlsOptions;
  readonly credentials: Readonly<Record<string, unknown>>;
  /** The backend's person ids kept in the store, for a vendor that addresses people by its own id (K30). */
  readonly personRefs?: PersonRefs | undefined;
}

/** The driver the core uses, plus a generic endpoint call (the CLI's and `backends.call`'s). */
type VendorDriver = BackendDriver & { callEndpoint(id: string, params: Record<string, unknown>, options: { force?: boolean }): Promise<unknown> };

/** What a push receiver hands the vendor's reader, besides the delivery: the backend it is for. */
export interface PushContext {
  /** The backend's stored secrets (K30: the company number that decrypts and signs callbacks). */
  readonly credentials: Readonly<Record<string, unknown>>;
  /** How a signed delivery's signature is checked (vendors that sign them). */
  readonly signCheck: PushSignCheck;
  /** Doorman's personnel number of the person the backend knows by its own id (K30's no), or null. */
  readonly pinOf: (ref: string) => string | null;
}

/** A person pushed to one device, as the backend reported it (K30's authstatus). */
export interface DeviceSyncResult {
  /** The backend's own id of the person. */
  readonly personNo: string;
  readonly deviceNo: string;
  readonly ok: boolean;
  readonly message: string;
  /**
   * When the backend says it reported it, as text that sorts by time (K30's 17-digit timestamp), or
   * null: a result delivered late (deliveries run in parallel) does not replace a newer one.
   */
  readonly reportedAt: string | null;
}

/** What one delivery holds: events, per-device sync results, and what to log about it (a sign mismatch in `warn`). */
export interface PushDelivery {
  readonly events: readonly IncomingEvent[];
  readonly deviceResults: readonly DeviceSyncResult[];
  readonly warnings: readonly string[];
}

/** The body forms a vendor's pushes may come in: JSON, and/or an `application/x-www-form-urlencoded` envelope. */
export type PushBodyForm = 'json' | 'form';

/**
 * A vendor that pushes. `registration`: Doorman registers the URL with the backend (`automatic`:
 * the driver is a push subscriber) or the installer types it into the vendor's software
 * (`manual`, `where` names the setting). `read` gets the decoded body (a JSON value, or the form's
 * fields as strings) and throws PushRejected for one it refuses (the status says why).
 */
export interface VendorPush {
  readonly registration: { readonly kind: 'automatic' } | { readonly kind: 'manual'; readonly where: LocalizedText };
  readonly bodies: readonly PushBodyForm[];
  read(payload: unknown, context: PushContext): PushDelivery;
  /** What Doorman answers a delivery it took (status 200, this JSON body). */
  readonly acknowledgement: string;
}

/** A vendor's alarm, as its table reads it from one stored event: the class and the vendor's words for it. */
export interface AlarmMatch {
  readonly alarmClass: Exclude<AlarmClass, 'denied-repeated' | 'backend-offline'>;
  readonly reason: LocalizedText;
}

/**
 * A vendor's alarm table (`drivers/<vendor>/alarms.ts`, issue 15 item 3): a stored event (the
 * common AccessEvent and the vendor's raw payload, both kept in the events table) to its alarm, or
 * null for an event that is not one. Pure.
 */
export type AlarmTable = (stored: IncomingEvent) => AlarmMatch | null;

/** What a vendor's descriptor loads on first use: its driver and its document's tables. */
export interface VendorModule {
  readonly vendor: Vendor;
  /** For vendors that push: how the URL is registered, how a delivery is read, what to answer. */
  readonly push?: VendorPush;
  /** Every endpoint of the vendor's document. */
  readonly endpoints: readonly EndpointSpec[];
  /** The writes that change the inventory, by endpoint id, and the parts they change. */
  readonly inventoryEffects: Readonly<Record<string, readonly InventoryPart[]>>;
  /** Which of its events are alarms, and which kind. */
  readonly alarms: AlarmTable;
  create(config: DriverConfig): VendorDriver;
}

/** A vendor the scanner can name: one of the contract's system kinds. */
export type ScannedVendor = Extract<Vendor, SystemKind>;

/** A vendor's envelope recognised in a JSON reply: how sure, and how it strays from the document. */
export interface EnvelopeMatch {
  readonly kind: ScannedVendor;
  readonly confidence: number;
  /** What differs from the documented envelope; empty for the documented one. */
  readonly variants: readonly string[];
}

/** What the scanner asks a web port for this vendor, and how it recognises the answer. */
export interface VendorFingerprint {
  /** One harmless, unauthenticated request the vendor answers with its documented envelope. */
  readonly probe: { readonly method: 'GET' | 'POST'; readonly path: string; readonly body?: string };
  /** The vendor's name as a web page title, a `Server` header or a certificate subject shows it. */
  readonly name: RegExp;
  /** The vendor's envelope in a JSON reply to `probe` (a vendor's probe, or `GET /`); null if not its. */
  readonly readEnvelope: (json: Record<string, unknown>, probe: ScannedVendor | 'root') => EnvelopeMatch | null;
}

/** What an open port suggests before any fingerprint: which systems listen there by default. */
export interface PortHint {
  readonly port: number;
  /** How to talk to it when fingerprinting. */
  readonly protocol: 'http' | 'https' | 'rtsp' | 'none';
  readonly why: string;
}

/** A vendor's driver as its descriptor declares it: the secrets it needs, and the driver itself. */
interface DriverEntry {
  /** The secrets a backend of this vendor stores (the contract's schema, shared with the forms). */
  readonly credentials: z.ZodType<Readonly<Record<string, unknown>>>;
  /** The CLI's `backend add` options, each to the credentials field it fills (`--app-key` → appKey). */
  readonly cliOptions: Readonly<Record<string, string>>;
  /**
   * The driver and the document's tables, imported on first use, not with the core: the HTTP
   * stack and the zod schemas of every call of the document cost ~40 MB of RSS (issue 6), paid by
   * every process (a bulk import, the CLI) whether or not it ever talks to a backend.
   */
  readonly load: () => Promise<VendorModule>;
}

/**
 * One vendor as the core knows it without loading its driver (`drivers/<vendor>/index.ts`): light
 * enough for every process to import — the contract's schemas and a few pure functions.
 */
export interface VendorDescriptor {
  readonly vendor: Vendor;
  /** The ports its server listens on by default: scanned by default, and asked this vendor first. */
  readonly ports: readonly PortHint[];
  /** How the scanner recognises it; absent for a vendor the scanner cannot tell. */
  readonly fingerprint?: VendorFingerprint;
  /** Absent while Doorman has no driver for it. */
  readonly driver?: DriverEntry;
}
