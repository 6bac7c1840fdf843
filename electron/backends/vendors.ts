import { HongtuCredentialsSchema, ZkbioCredentialsSchema, type InventoryPart, type Vendor } from '../../shared/contract/backends.ts';
import type { EndpointSpec } from '../drivers/endpoint-table.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { BackendDriver } from './backend.ts';

interface DriverConfig {
  readonly baseUrl: string;
  readonly tls: TlsOptions;
  readonly credentials: Readonly<Record<string, unknown>>;
}

/** A backend that pushes records to a URL Doorman registers with it. */
interface PushSubscriber {
  subscribe(pushUrl: string): Promise<void>;
  unsubscribe(): Promise<void>;
  subscription(): Promise<unknown>;
}

export function isPushSubscriber(driver: object): driver is PushSubscriber {
  return 'subscribe' in driver && 'unsubscribe' in driver && 'subscription' in driver;
}

/** What the core needs of each vendor: its driver, and a generic endpoint call for the CLI. */
export interface VendorModule {
  readonly vendor: Vendor;
  /** For vendors that push: how to read a pushed payload and what to answer. */
  readonly push?: { readonly parse: (payload: unknown) => IncomingEvent[]; readonly acknowledgement: string };
  /** Every endpoint of the vendor's document. */
  readonly endpoints: readonly EndpointSpec[];
  /** The writes that change the inventory, by endpoint id, and the parts they change. */
  readonly inventoryEffects: Readonly<Record<string, readonly InventoryPart[]>>;
  create(config: DriverConfig): BackendDriver & { callEndpoint(id: string, params: Record<string, unknown>, options: { force?: boolean }): Promise<unknown> };
}

/**
 * Each vendor's driver code is loaded on first use, not with the core: its HTTP stack (undici) and
 * endpoint tables (zod schemas for every call of the document) came to ~40 MB of RSS, paid by every
 * process (a bulk import, the CLI) whether or not it ever talks to a backend (issue 6).
 */
const LOADERS: Partial<Record<Vendor, () => Promise<VendorModule>>> = {
  async zkbio() {
    const [{ ZkbioAdapter }, { zkbioEndpoints }, { zkbioInventoryEffects }] = await Promise.all([
      import('../drivers/zkbio/adapter.ts'),
      import('../drivers/zkbio/endpoints.ts'),
      import('../drivers/zkbio/inventory-effects.ts'),
    ]);
    return {
      vendor: 'zkbio',
      endpoints: zkbioEndpoints,
      inventoryEffects: zkbioInventoryEffects,
      create(config) {
        const credentials = ZkbioCredentialsSchema.parse(config.credentials);
        const adapter = new ZkbioAdapter({ baseUrl: config.baseUrl, token: credentials.token, tls: config.tls });
        return Object.assign(adapter, {
          callEndpoint: (id: string, params: Record<string, unknown>, options: { force?: boolean }) => adapter.client.call(id, params, options),
        });
      },
    };
  },
  async hongtu() {
    const [{ HongtuAdapter }, { hongtuEndpoints }, { HONGTU_PUSH_ACK, parseHongtuPush }, { hongtuInventoryEffects }] = await Promise.all([
      import('../drivers/hongtu/adapter.ts'),
      import('../drivers/hongtu/endpoints.ts'),
      import('../drivers/hongtu/push.ts'),
      import('../drivers/hongtu/inventory-effects.ts'),
    ]);
    return {
      vendor: 'hongtu',
      endpoints: hongtuEndpoints,
      inventoryEffects: hongtuInventoryEffects,
      push: { parse: parseHongtuPush, acknowledgement: HONGTU_PUSH_ACK },
      create(config) {
        const credentials = HongtuCredentialsSchema.parse(config.credentials);
        const adapter = new HongtuAdapter({ baseUrl: config.baseUrl, appKey: credentials.appKey, secretKey: credentials.secretKey, tls: config.tls });
        return Object.assign(adapter, {
          callEndpoint: (id: string, params: Record<string, unknown>) => adapter.client.call(id, params),
        });
      },
    };
  },
};

const loaded = new Map<Vendor, Promise<VendorModule>>();

/** Whether Doorman has a driver for the vendor (without loading it). */
export function hasDriver(vendor: Vendor): boolean {
  return LOADERS[vendor] !== undefined;
}

/** The vendor's driver module, loaded once per process on first use; undefined when there is none. */
export async function vendorModule(vendor: Vendor): Promise<VendorModule | undefined> {
  const load = LOADERS[vendor];
  if (!load) return undefined;
  let module = loaded.get(vendor);
  if (!module) {
    module = load();
    loaded.set(vendor, module);
    // A failed load (a broken install) is tried again next time rather than remembered.
    module.catch(() => loaded.delete(vendor));
  }
  return module;
}
