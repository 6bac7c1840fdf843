import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

// Each CLI run is a new Node process; the compile cache spares the next run the type stripping and
// compiling of the core's modules (Issue 13 item 5: the Hongtu CLI test's fifteen runs).
describe('the CLI compile cache', () => {
  it('is written in the user cache folder and the cached run answers the same', () => {
    const home = tempDir();
    const dataDir = tempDir();
    const first = runCliProcess(['sites', 'add', 'Block 3', '--data-dir', dataDir], { HOME: home });
    expect(first.code, first.stderr).toBe(0);
    const cache = join(home, '.cache', 'doorman', 'compile');
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const second = runCliProcess(['sites', 'list', '--data-dir', dataDir], { HOME: home });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Block 3');
  });

  it('is not written with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const home = tempDir();
    const run = runCliProcess(['sites', 'list', '--data-dir', tempDir()], { HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(run.code).toBe(0);
    expect(existsSync(join(home, '.cache', 'doorman'))).toBe(false);
  });
});
