import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Site, SitesState } from '../../../shared/contract/sites.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('a site address from the CLI, printed in the report sign-off (issue 12 item 10)', () => {
  it('sets, lists and clears the address; the report prints it with the signers named by --installer and --customer', () => {
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Block 3', ...dir]).code).toBe(0);

    const set = runCliProcess(['sites', 'address', '1', '88', 'Wensan', 'Road,', 'Hangzhou', ...dir]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Site 1 address: 88 Wensan Road, Hangzhou');
    const listed = JSON.parse(runCliProcess(['sites', 'list', '--json', ...dir]).stdout) as SitesState;
    expect(listed.sites[0]?.address).toBe('88 Wensan Road, Hangzhou');

    const html = join(tempDir(), 'report.html');
    const report = runCliProcess(['report', '1', '--html', html, '--installer', 'Li Lei', '--customer', '韩梅梅', '--lang', 'zh-CN', ...dir]);
    expect(report.code, report.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    for (const part of ['验收签字', '88 Wensan Road, Hangzhou', 'Li Lei', '韩梅梅', '客户代表']) expect(text).toContain(part);

    const cleared = runCliProcess(['sites', 'address', '1', '', '--json', ...dir]);
    expect((JSON.parse(cleared.stdout) as Site).address).toBe('');
  });

  it('refuses an address over the limit, saying so', () => {
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Block 3', ...dir]).code).toBe(0);
    const long = runCliProcess(['sites', 'address', '1', 'x'.repeat(201), ...dir]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('at most 200 characters');
  });
});
