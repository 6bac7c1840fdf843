import type { z } from 'zod';
import type { InventoryPart, Vendor } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { SystemKind } from '../../shared/contract/scan.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';
import type { BackendDriver, PersonRefs } from '../backends/backend.ts';
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

/** What a vendor's descriptor loads on first use: its driver and its document's tables. */
export interface VendorModule {
  readonly vendor: Vendor;
  /** For vendors that push: how to read a pushed payload and what to answer. */
  readonly push?: { readonly parse: (payload: unknown) => IncomingEvent[]; readonly acknowledgement: string };
  /** Every endpoint of the vendor's document. */
  readonly endpoints: readonly EndpointSpec[];
  /** The writes that change the inventory, by endpoint id, and the parts they change. */
  readonly inventoryEffects: Readonly<Record<string, readonly InventoryPart[]>>;
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
