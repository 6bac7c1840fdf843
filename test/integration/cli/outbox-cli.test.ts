import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('outbox list (issue 12 item 14)', () => {
  it('says why an entry was cancelled instead of its stale last error', () => {
    const dir = ['--data-dir', tempDir()];
    const ok = (args: string[]) => {
      const run = runCliProcess([...args, ...dir]);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout;
    };
    ok(['sites', 'add', 'Block 3']);
    // Nothing listens on port 9: nothing is sent, the entries just queue.
    ok(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', 'http://127.0.0.1:9', '--token', 'T']);
    ok(['enroll', '--site', '1', '--pin', 'R1', '--name', 'Old', '--backend', '1']);
    ok(['enroll', '--site', '1', '--pin', 'R1', '--name', 'New', '--backend', '1']);
    const lines = ok(['outbox', 'list']).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('cancelled');
    expect(lines[0]).toContain('Replaced by a newer change');
    expect(lines[1]).toContain('pending');
    const { entries } = JSON.parse(ok(['outbox', 'list', '--json'])) as { entries: { state: string; cancelledBy: string | null; lastTryAt: string | null }[] };
    expect(entries.map((e) => [e.state, e.cancelledBy, e.lastTryAt])).toEqual([
      ['cancelled', 'newer', null],
      ['pending', null, null],
    ]);
  });
});
