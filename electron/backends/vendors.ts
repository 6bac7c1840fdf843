import type { Vendor } from '../../shared/contract/backends.ts';
import { descriptorOf, VENDOR_REGISTRY } from '../drivers/registry.ts';
import type { VendorModule } from '../drivers/vendor-descriptor.ts';

export type { AlarmMatch, AlarmTable, PushBodyForm, PushDelivery, VendorModule, VendorPush } from '../drivers/vendor-descriptor.ts';

/** A backend that pushes records to a URL Doorman registers with it. */
interface PushSubscriber {
  subscribe(pushUrl: string): Promise<void>;
  unsubscribe(): Promise<void>;
  subscription(): Promise<unknown>;
}

export function isPushSubscriber(driver: object): driver is PushSubscriber {
  return 'subscribe' in driver && 'unsubscribe' in driver && 'subscription' in driver;
}

const loaded = new Map<Vendor, Promise<VendorModule>>();

/** Whether Doorman has a driver for the vendor (without loading it). */
export function hasDriver(vendor: Vendor): boolean {
  return descriptorOf(vendor)?.driver !== undefined;
}

/** The vendors Doorman has a driver for, in registry order: what a "no driver" message offers instead. */
export function driverVendors(): Vendor[] {
  return VENDOR_REGISTRY.filter((descriptor) => descriptor.driver !== undefined).map((descriptor) => descriptor.vendor);
}

/**
 * The vendor's driver module, loaded once per process on first use (each descriptor in
 * drivers/registry.ts imports its driver lazily); undefined when there is none.
 */
export async function vendorModule(vendor: Vendor): Promise<VendorModule | undefined> {
  const load = descriptorOf(vendor)?.driver?.load;
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
