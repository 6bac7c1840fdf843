import { ZkbioCredentialsSchema } from '../../../shared/contract/backends.ts';
import type { VendorDescriptor } from '../vendor-descriptor.ts';
import { zkbioFingerprint } from './fingerprint.ts';

/** ZKBio CVSecurity as the core knows it before its driver is loaded (see ../registry.ts). */
export const zkbio: VendorDescriptor = {
  vendor: 'zkbio',
  // zkbio.md §1.1's example server port; 8098 is what installs use for the web UI and API by
  // default; 443/8443 when HTTPS is on.
  ports: [
    { port: 443, protocol: 'https', why: 'ZKBio with TLS' },
    { port: 8088, protocol: 'http', why: 'ZKBio CVSecurity (document example)' },
    { port: 8098, protocol: 'http', why: 'ZKBio CVSecurity (installer default)' },
  ],
  fingerprint: zkbioFingerprint,
  driver: {
    credentials: ZkbioCredentialsSchema,
    cliOptions: { token: 'token' },
    async load() {
      const [{ ZkbioAdapter }, { zkbioEndpoints }, { zkbioInventoryEffects }, { zkbioAlarms }] = await Promise.all([
        import('./adapter.ts'),
        import('./endpoints.ts'),
        import('./inventory-effects.ts'),
        import('./alarms.ts'),
      ]);
      return {
        vendor: 'zkbio',
        alarms: zkbioAlarms,
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
  },
};
