import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportGraph } from './areas.ts';

/**
 * Where a vendor's tests live: test/vendors/<vendor>/{unit,integration}, so that a vendor's driver,
 * simulator and document are tested in one folder, and the vendor-neutral tests (paging, empty
 * lists, the HTTP transport, the store…) stay in test/unit and test/integration.
 *
 * A test under test/unit or test/integration is a vendor's when a folder or the name of its file
 * names that vendor (`drivers/hongtu/`, `hongtu-cli.test.ts`), or when it imports from that
 * vendor's driver folder (electron/drivers/<vendor>/) and from no other vendor's. A test that
 * imports two vendors' drivers compares them, and stays; one that only uses a vendor's simulator
 * as "a backend" (a sync test against ZKBio) tests its own area, and stays.
 */

/** The folders of electron/drivers that serve every vendor; every other folder there is a vendor. */
export const NEUTRAL_DRIVER_FOLDERS: readonly string[] = ['http'];

/** Tests outside test/vendors that import one vendor's driver and rightly stay where they are: why. */
export const VENDOR_TESTS_ELSEWHERE: Readonly<Record<string, string>> = {
  'test/integration/receivers/push-receiver.test.ts': 'the vendor-neutral push receiver, fed with the one push format there is (Hongtu’s)',
  'test/integration/net/server-limits.test.ts': 'every server Doorman runs, the push receiver (with Hongtu’s parser) among them',
};

/** The vendors: the folders of electron/drivers that are not vendor-neutral. */
export function vendorsOf(root: string): string[] {
  return readdirSync(join(root, 'electron/drivers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NEUTRAL_DRIVER_FOLDERS.includes(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export interface MisplacedTest {
  readonly file: string;
  readonly vendor: string;
  readonly why: string;
}

/** A path part that names the vendor: the folder `hongtu`, a file `hongtu-cli.test.ts` or `hongtu.ts`. */
const names = (part: string, vendor: string) => part === vendor || part.startsWith(`${vendor}-`) || part.startsWith(`${vendor}.`);

/** The files of test/unit and test/integration that are one vendor's tests (see above). */
export function misplacedVendorTests(graph: ImportGraph, vendors: readonly string[], elsewhere: Readonly<Record<string, string>> = VENDOR_TESTS_ELSEWHERE): MisplacedTest[] {
  const misplaced: MisplacedTest[] = [];
  for (const [file, targets] of graph) {
    const parts = file.split('/');
    if (parts[0] !== 'test' || (parts[1] !== 'unit' && parts[1] !== 'integration') || file in elsewhere) continue;
    const named = vendors.filter((vendor) => parts.slice(2).some((part) => names(part, vendor)));
    const imported = vendors.filter((vendor) => targets.some((target) => target.startsWith(`electron/drivers/${vendor}/`)));
    if (named.length === 1) {
      misplaced.push({ file, vendor: named[0]!, why: `its path names ${named[0]}: move it to test/vendors/${named[0]}/${parts[1]}/` });
    } else if (named.length === 0 && imported.length === 1) {
      misplaced.push({ file, vendor: imported[0]!, why: `it imports only ${imported[0]}'s driver: move it to test/vendors/${imported[0]}/${parts[1]}/` });
    }
  }
  return misplaced;
}
