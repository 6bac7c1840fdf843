import { HongtuCredentialsSchema } from '../../../shared/contract/backends.ts';
import type { VendorDescriptor } from '../vendor-descriptor.ts';
import { hongtuFingerprint } from './fingerprint.ts';

/** Megvii Hongtu 2000 as the core knows it before its driver is loaded (see ../registry.ts). */
export const hongtu: VendorDescriptor = {
  vendor: 'hongtu',
  // The OpenAPI of the document's sample deployment (hongtu.md §1, seed line 1090).
  ports: [{ port: 18082, protocol: 'http', why: 'Hongtu 2000 OpenAPI (document example)' }],
  fingerprint: hongtuFingerprint,
  driver: {
    credentials: HongtuCredentialsSchema,
    cliOptions: { 'app-key': 'appKey', secret: 'secretKey' },
    async load() {
      const [{ HongtuAdapter }, { hongtuEndpoints }, { hongtuPush }, { hongtuInventoryEffects }, { hongtuAlarms }] = await Promise.all([
        import('./adapter.ts'),
        import('./endpoints.ts'),
        import('./push.ts'),
        import('./inventory-effects.ts'),
        import('./alarms.ts'),
      ]);
      return {
        vendor: 'hongtu',
        alarms: hongtuAlarms,
        endpoints: hongtuEndpoints,
        inventoryEffects: hongtuInventoryEffects,
        push: hongtuPush,
        create(config) {
          const credentials = HongtuCredentialsSchema.parse(config.credentials);
          const adapter = new HongtuAdapter({ baseUrl: config.baseUrl, appKey: credentials.appKey, secretKey: credentials.secretKey, tls: config.tls, personRefs: config.personRefs });
          return Object.assign(adapter, {
            callEndpoint: (id: string, params: Record<string, unknown>) => adapter.client.call(id, params),
          });
        },
      };
    },
  },
};
