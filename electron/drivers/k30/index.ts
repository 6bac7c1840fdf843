import type { VendorDescriptor } from '../vendor-descriptor.ts';
import { k30Fingerprint } from './fingerprint.ts';

/**
 * K30 as the core knows it: no driver yet (its signing codec is sign.ts), but the scanner already
 * recognises it and scans its ports. Its driver entry comes with the driver (see ../registry.ts).
 */
export const k30: VendorDescriptor = {
  vendor: 'k30',
  // Its document says only `http://IP:Port`; 80 and 8080 are where its web server answers by default.
  ports: [
    { port: 80, protocol: 'http', why: 'K30' },
    { port: 8080, protocol: 'http', why: 'K30' },
  ],
  fingerprint: k30Fingerprint,
};
