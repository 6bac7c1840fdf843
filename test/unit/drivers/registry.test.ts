import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isVendor } from '../../../shared/contract/backends.ts';
import { hasDriver, vendorModule } from '../../../electron/backends/vendors.ts';
import { descriptorOf, SCANNED_VENDORS, VENDOR_REGISTRY } from '../../../electron/drivers/registry.ts';
import { DEFAULT_PORTS, hintFor } from '../../../electron/scan/ports.ts';
import { probeOrder, VENDOR_PROBES } from '../../../electron/scan/fingerprints.ts';

const drivers = fileURLToPath(new URL('../../../electron/drivers', import.meta.url));

describe('the vendor registry: one descriptor per vendor folder (issue 13 item 2)', () => {
  it('has one line per vendor folder with a descriptor, each a vendor of the contract, once', () => {
    const folders = readdirSync(drivers, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(drivers, entry.name, 'index.ts')))
      .map((entry) => entry.name)
      .sort();
    const vendors = VENDOR_REGISTRY.map((d) => d.vendor);
    expect([...vendors].sort()).toEqual(folders);
    expect(new Set(vendors).size).toBe(vendors.length);
    expect(vendors.every(isVendor)).toBe(true);
    expect(descriptorOf('zhejiang')).toBeUndefined();
  });

  it('gives each driver CLI options that fill exactly its credentials schema', () => {
    for (const descriptor of VENDOR_REGISTRY) {
      if (!descriptor.driver) continue;
      const schema = descriptor.driver.credentials;
      expect(schema, descriptor.vendor).toBeInstanceOf(z.ZodObject);
      const keys = Object.keys((schema as z.ZodObject).shape).sort();
      expect(Object.values(descriptor.driver.cliOptions).sort(), descriptor.vendor).toEqual(keys);
    }
  });

  it('loads each driver on first use, as the module of its own vendor; none for a vendor without a driver', async () => {
    expect(VENDOR_REGISTRY.filter((d) => d.driver).map((d) => d.vendor)).toEqual(['zkbio', 'hongtu', 'k30']);
    for (const descriptor of VENDOR_REGISTRY.filter((d) => d.driver)) {
      const module = await vendorModule(descriptor.vendor);
      expect(module?.vendor).toBe(descriptor.vendor);
      expect(module?.endpoints.length).toBeGreaterThan(0);
      expect(await vendorModule(descriptor.vendor)).toBe(module);
    }
    expect(hasDriver('k30')).toBe(true);
    expect(hasDriver('zhejiang')).toBe(false);
    expect(await vendorModule('zhejiang')).toBeUndefined();
  });

  it('feeds the scanner: every descriptor port is scanned by default and asks its vendor first', () => {
    for (const descriptor of SCANNED_VENDORS) {
      expect(Object.keys(VENDOR_PROBES)).toContain(descriptor.vendor);
      for (const hint of descriptor.ports) {
        expect(DEFAULT_PORTS.map((p) => p.port)).toContain(hint.port);
        expect(hintFor(hint.port).protocol).toBe(hint.protocol);
        expect(probeOrder(hint.port)[0]).toBe(descriptor.vendor);
      }
    }
    expect(DEFAULT_PORTS.map((p) => p.port)).toEqual([...DEFAULT_PORTS.map((p) => p.port)].sort((a, b) => a - b));
  });
});
