import { K30CredentialsSchema } from '../../../shared/contract/backends.ts';
import type { VendorDescriptor } from '../vendor-descriptor.ts';
import { k30Fingerprint } from './fingerprint.ts';

/** 门禁软件K30 as the core knows it before its driver is loaded (see ../registry.ts). */
export const k30: VendorDescriptor = {
  vendor: 'k30',
  // Its document says only `http://IP:Port`; 80 and 8080 are where its web server answers by default.
  ports: [
    { port: 80, protocol: 'http', why: 'K30' },
    { port: 8080, protocol: 'http', why: 'K30' },
  ],
  fingerprint: k30Fingerprint,
  driver: {
    credentials: K30CredentialsSchema,
    cliOptions: { 'company-no': 'companyNo' },
    async load() {
      const [{ K30Adapter }, { k30Endpoints }, { k30InventoryEffects }, { k30Push }, { k30Alarms }] = await Promise.all([
        import('./adapter.ts'),
        import('./endpoints.ts'),
        import('./inventory-effects.ts'),
        import('./callbacks.ts'),
        import('./alarms.ts'),
      ]);
      return {
        vendor: 'k30',
        alarms: k30Alarms,
        endpoints: k30Endpoints,
        inventoryEffects: k30InventoryEffects,
        push: k30Push,
        create(config) {
          const credentials = K30CredentialsSchema.parse(config.credentials);
          const adapter = new K30Adapter({ baseUrl: config.baseUrl, companyNo: credentials.companyNo, tls: config.tls, personRefs: config.personRefs });
          return Object.assign(adapter, {
            callEndpoint: (id: string, params: Record<string, unknown>) => adapter.client.call(id, params),
          });
        },
      };
    },
  },
};
