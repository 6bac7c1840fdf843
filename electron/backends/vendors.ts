import type { Vendor } from '../../shared/contract/backends.ts';
import { ZkbioCredentialsSchema } from '../../shared/contract/backends.ts';
import type { EndpointSpec } from '../drivers/endpoint-table.ts';
import type { TlsOptions } from '../drivers/http/tls-options.ts';
import { ZkbioAdapter } from '../drivers/zkbio/adapter.ts';
import { zkbioEndpoints } from '../drivers/zkbio/endpoints.ts';
import type { BackendDriver } from './backend.ts';

export interface DriverConfig {
  readonly baseUrl: string;
  readonly tls: TlsOptions;
  readonly credentials: Readonly<Record<string, unknown>>;
}

/** What the core needs of each vendor: its driver, and a generic endpoint call for the CLI. */
export interface VendorModule {
  readonly vendor: Vendor;
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

const MODULES: Partial<Record<Vendor, VendorModule>> = { zkbio };

export function vendorModule(vendor: Vendor): VendorModule | undefined {
  return MODULES[vendor];
}
