import type { Vendor } from '../../shared/contract/backends.ts';
import { SYSTEM_KINDS } from '../../shared/contract/scan.ts';
import { hongtu } from './hongtu/index.ts';
import { k30 } from './k30/index.ts';
import type { ScannedVendor, VendorDescriptor, VendorFingerprint } from './vendor-descriptor.ts';
import { zkbio } from './zkbio/index.ts';

/** The shapes the scanner reads descriptors by: it reaches electron/drivers only through this file. */
export type { EnvelopeMatch, PortHint, ScannedVendor, VendorFingerprint } from './vendor-descriptor.ts';

/**
 * Every vendor Doorman knows, one line each: what `backends/vendors.ts` (drivers) and the scanner
 * (default ports, probes, envelopes, names) iterate. Adding a vendor is its folder
 * `drivers/<vendor>/` with an `index.ts` descriptor, plus one line here. The order is the scanner's:
 * on a port no vendor claims, the vendors are probed in this order.
 *
 * The Zhejiang platform has no line: Doorman has no driver for it and the scanner cannot tell it
 * (its document describes no unauthenticated request); its folder and line come with either.
 */
export const VENDOR_REGISTRY: readonly VendorDescriptor[] = [
  zkbio,
  hongtu,
  k30,
];

/** The vendor's descriptor; undefined for a vendor with no line in the registry. */
export function descriptorOf(vendor: Vendor): VendorDescriptor | undefined {
  return VENDOR_REGISTRY.find((d) => d.vendor === vendor);
}

/** A descriptor the scanner can use: a fingerprint, for a vendor that is one of the scan's kinds. */
export type ScannedDescriptor = VendorDescriptor & { readonly vendor: ScannedVendor; readonly fingerprint: VendorFingerprint };

function isScanned(descriptor: VendorDescriptor): descriptor is ScannedDescriptor {
  return descriptor.fingerprint !== undefined && (SYSTEM_KINDS as readonly string[]).includes(descriptor.vendor);
}

/** The vendors the scanner recognises, in registry order. */
export const SCANNED_VENDORS: readonly ScannedDescriptor[] = VENDOR_REGISTRY.filter(isScanned);
