import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './layers.ts';
import { mayNameVendors, misplacedVendorNames, VENDOR_NAMES_ALLOWED, vendorNamesIn } from './vendor-names.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('vendor ids outside the vendor folders and the registry (issue 13 item 2)', () => {
  it('are written only where the allowed list says why', () => {
    expect(misplacedVendorNames(root)).toEqual([]);
  });

  it('find a vendor named as a string, a literal type or a property name, not in a comment or a longer text', () => {
    const source = [
      "// zkbio first, then 'hongtu'",
      "const order = ['zkbio', 'hongtu'];",
      "type Probe = 'k30' | 'root';",
      'const ports = { zhejiang: 80 };',
      "const text = 'ZKBio hongtu-steps';",
      "import { x } from './k30';",
    ].join('\n');
    expect(vendorNamesIn('electron/scan/example.ts', source).map((n) => [n.line, n.text])).toEqual([
      [2, "'zkbio'"],
      [2, "'hongtu'"],
      [3, "'k30'"],
      [4, 'zhejiang'],
    ]);
  });

  it('may be written in a vendor folder and the registry; the scanner and vendors.ts iterate instead', () => {
    expect(mayNameVendors('electron/drivers/hongtu/fingerprint.ts')).toBe(true);
    expect(mayNameVendors('electron/drivers/k30/index.ts')).toBe(true);
    expect(mayNameVendors('electron/drivers/registry.ts')).toBe(true);
    expect(mayNameVendors('electron/scan/fingerprints.ts')).toBe(false);
    expect(mayNameVendors('electron/scan/ports.ts')).toBe(false);
    expect(mayNameVendors('electron/backends/vendors.ts')).toBe(false);
    expect(mayNameVendors('electron/drivers/paging.ts')).toBe(false);
  });

  it('keep the allowed list small and true: every entry exists and still names a vendor', () => {
    for (const entry of Object.keys(VENDOR_NAMES_ALLOWED)) {
      expect(existsSync(join(root, entry)), entry).toBe(true);
      const files = entry.endsWith('/') ? sourceFiles(root, entry.slice(0, -1)) : [entry];
      const named = files.some((file) => vendorNamesIn(file, readFileSync(join(root, file), 'utf8')).length > 0);
      expect(named, `${entry} names no vendor any more: drop it from VENDOR_NAMES_ALLOWED`).toBe(true);
    }
  });
});
