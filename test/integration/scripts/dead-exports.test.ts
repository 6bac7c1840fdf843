import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 13 item 5: no export of electron/, shared/ or renderer/src/ that nothing uses. The script
// compiles both tsconfigs (tens of seconds on a loaded machine), hence the one run and the long limit.
const script = fileURLToPath(new URL('../../../scripts/dead-exports.ts', import.meta.url));

// The vendor records (types of the document's 返回数据 tables, and the enumerations beside them)
// are kept as the vendor's declaration, like the endpoint tables, though nothing names them yet.
const DECLARATIVE = /^electron\/drivers\/(hongtu|zkbio)\/records\.ts:/;

describe('dead exports', () => {
  it('lists no export used nowhere (one used only in its own file is listed apart)', { timeout: 180_000 }, () => {
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const unused = lines.filter((line) => !line.endsWith('(used in its file)') && !DECLARATIVE.test(line));
    expect(unused).toEqual([]);
  });
});
