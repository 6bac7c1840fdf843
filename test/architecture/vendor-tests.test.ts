import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph } from './areas.ts';
import { misplacedVendorTests, VENDOR_TESTS_ELSEWHERE, vendorsOf } from './vendor-tests.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const VENDORS = ['hongtu', 'k30', 'zkbio'];
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

// Issue 13 item 4: each vendor's tests under test/vendors/<vendor>, and a test that says so.
describe('vendor tests', () => {
  it('sit in their vendor’s folder, test/vendors/<vendor>', () => {
    expect(misplacedVendorTests(importGraph(root, ['test']), vendorsOf(root))).toEqual([]);
  });

  it('know the vendors from the driver folders', () => {
    expect(vendorsOf(root)).toEqual(expect.arrayContaining(VENDORS));
    expect(vendorsOf(root)).not.toContain('http');
  });

  it('fail a test whose folder or file name names one vendor', () => {
    expect(misplacedVendorTests(graph({ 'test/unit/drivers/hongtu/mapping.test.ts': [] }), VENDORS).map((m) => m.vendor)).toEqual(['hongtu']);
    expect(misplacedVendorTests(graph({ 'test/unit/drivers/k30-sign.test.ts': [] }), VENDORS).map((m) => m.vendor)).toEqual(['k30']);
    expect(misplacedVendorTests(graph({ 'test/integration/simulators/zkbio/simulator.test.ts': [] }), VENDORS).map((m) => m.vendor)).toEqual(['zkbio']);
    expect(misplacedVendorTests(graph({ 'test/integration/cli/hongtu-cli.test.ts': [] }), VENDORS)[0]?.why).toContain('test/vendors/hongtu/integration/');
  });

  it('fail a test that imports one vendor’s driver and no other’s', () => {
    const misplaced = misplacedVendorTests(graph({ 'test/integration/sync/x.test.ts': ['electron/drivers/zkbio/adapter.ts', 'electron/store/database.ts'] }), VENDORS);
    expect(misplaced).toEqual([expect.objectContaining({ file: 'test/integration/sync/x.test.ts', vendor: 'zkbio' })]);
  });

  it('let a test that compares vendors, or uses none, stay in test/unit and test/integration', () => {
    expect(misplacedVendorTests(graph({
      'test/integration/drivers/empty-lists.test.ts': ['electron/drivers/hongtu/adapter.ts', 'electron/drivers/zkbio/adapter.ts'],
      'test/integration/sync/crash-sync.test.ts': ['test/simulators/zkbio/server.ts', 'electron/sync/sync-engine.ts'],
      'test/unit/drivers/paging.test.ts': ['electron/drivers/paging.ts', 'electron/drivers/http/http-transport.ts'],
    }), VENDORS)).toEqual([]);
  });

  it('let a vendor’s tests, and the tests of other projects, name the vendor', () => {
    expect(misplacedVendorTests(graph({
      'test/vendors/hongtu/unit/sign.test.ts': ['electron/drivers/hongtu/sign.ts'],
      'test/e2e/backends/hongtu-wizard.test.ts': ['test/simulators/hongtu/server.ts'],
      'test/simulators/k30/server.ts': ['electron/drivers/k30/sign.ts'],
    }), VENDORS)).toEqual([]);
  });

  it('let the listed exceptions stay, each an existing file with its reason', () => {
    for (const [file, why] of Object.entries(VENDOR_TESTS_ELSEWHERE)) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(why).not.toBe('');
      expect(misplacedVendorTests(graph({ [file]: ['electron/drivers/hongtu/push.ts'] }), VENDORS)).toEqual([]);
    }
    expect(misplacedVendorTests(graph({ 'test/integration/receivers/push-receiver.test.ts': ['electron/drivers/hongtu/push.ts'] }), VENDORS, {})).toHaveLength(1);
  });
});
