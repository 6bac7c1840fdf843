import type { Vendor } from '../../shared/contract/backends.ts';
import { HongtuCredentialsSchema, ZkbioCredentialsSchema } from '../../shared/contract/backends.ts';
import { HongtuAdapter } from '../drivers/hongtu/adapter.ts';
import { hongtuEndpoints } from '../drivers/hongtu/endpoints.ts';
import { HONGTU_PUSH_ACK, parseHongtuPush } from '../drivers/hongtu/push.ts';
import type { EndpointSpec } from '../drivers/endpoint-table.ts';
import type { TlsOptions } from '../drivers/http/tls-options.ts';
import { ZkbioAdapter } from '../drivers/zkbio/adapter.ts';
import { zkbioEndpoints } from '../drivers/zkbio/endpoints.ts';
import type { IncomingEvent } from '../store/events-store.ts';
import type { BackendDriver } from './backend.ts';

export interface DriverConfig {
  readonly baseUrl: string;
  readonly tls: TlsOptions;
  readonly credentials: Readonly<Record<string, unknown>>;
}

/** What the core needs of each vendor: its driver, and a generic endpoint call for the CLI. */
/** A backend that pushes records to a URL Doorman registers with it. */
export interface PushSubscriber {
  subscribe(pushUrl: string): Promise<void>;
  unsubscribe(): Promise<void>;
  subscription(): Promise<unknown>;
}

export function isPushSubscriber(driver: object): driver is PushSubscriber {
  return 'subscribe' in driver && 'unsubscribe' in driver && 'subscription' in driver;
}

export interface VendorModule {
  readonly vendor: Vendor;
  /** For vendors that push: how to read a pushed payload and what to answer. */
  readonly push?: { readonly parse: (payload: unknown) => IncomingEvent[]; readonly acknowledgement: string };
  /** Every endpoint of the vendor's document. */
  readonly endpoints: readonly EndpointSpec[];
  create(config: DriverConfig): BackendDriver & { callEndpoint(id: string, params: Record<string, unknown>, options: { force?: boolean }): Promise<unknown> };
}

const zkbio: VendorModule = {
  vendor: 'zkbio',
  endpoints: zkbioEndpoints,
  create(config) {
    const credentials = ZkbioCredentialsSchema.parse(config.credentials);
    const adapter = new ZkbioAdapter({ baseUrl: config.baseUrl, token: credentials.token, tls: config.tls });
    return Object.assign(adapter, {
      callEndpoint: (id: string, params: Record<string, unknown>, options: { force?: boolean }) => adapter.client.call(id, params, options),
    });
  },
};

const hongtu: VendorModule = {
  vendor: 'hongtu',
  endpoints: hongtuEndpoints,
  push: { parse: parseHongtuPush, acknowledgement: HONGTU_PUSH_ACK },
  create(config) {
    const credentials = HongtuCredentialsSchema.parse(config.credentials);
    const adapter = new HongtuAdapter({ baseUrl: config.baseUrl, appKey: credentials.appKey, secretKey: credentials.secretKey, tls: config.tls });
    return Object.assign(adapter, {
      callEndpoint: (id: string, params: Record<string, unknown>) => adapter.client.call(id, params),
    });
  },
};

const MODULES: Partial<Record<Vendor, VendorModule>> = { zkbio, hongtu };

export function vendorModule(vendor: Vendor): VendorModule | undefined {
  return MODULES[vendor];
}
