import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Site, SitesState } from '../../../shared/contract/sites.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('a site’s time zone from the CLI (issue 12 item 9)', () => {
  it('adds a site in a zone, changes it, lists it with the created time in that zone, and the report writes its times there', () => {
    const dir = ['--data-dir', tempDir()];
    const env = { TZ: 'UTC' };
    const added = runCliProcess(['sites', 'add', 'Block 3', '--time-zone', 'Asia/Shanghai', '--json', ...dir], env);
    expect(added.code, added.stderr).toBe(0);
    const site = JSON.parse(added.stdout) as Site;
    expect(site.timeZone).toBe('Asia/Shanghai');

    // `sites list`: the zone, and the created time read on the site's clocks (+8 h from UTC).
    const listed = runCliProcess(['sites', 'list', ...dir], env);
    const line = listed.stdout.split('\n').find((l) => l.includes('Block 3')) ?? '';
    expect(line).toContain('Asia/Shanghai');
    const created = new Date(site.createdAt);
    const shanghaiHour = String((created.getUTCHours() + 8) % 24).padStart(2, '0');
    expect(line).toMatch(new RegExp(`, ${shanghaiHour}:\\d{2}:\\d{2}$`));

    const set = runCliProcess(['sites', 'timezone', '1', 'Europe/Berlin', ...dir], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Site 1 time zone: Europe/Berlin');
    expect((JSON.parse(runCliProcess(['sites', 'list', '--json', ...dir], env).stdout) as SitesState).sites[0]?.timeZone).toBe('Europe/Berlin');
    const zh = runCliProcess(['sites', 'timezone', '1', 'UTC', '--lang', 'zh-CN', ...dir], env);
    expect(zh.stdout).toContain('工地 1 时区：UTC');
    expect(runCliProcess(['sites', 'timezone', '1', 'Asia/Shanghai', ...dir], env).code).toBe(0);

    // The report (no backends) states the zone and writes its generated time in it.
    const html = join(tempDir(), 'report.html');
    const report = runCliProcess(['report', '1', '--html', html, ...dir], env);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('Asia/Shanghai');
  });

  it('refuses a zone that does not exist, saying so in the user’s language, and changes nothing', () => {
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Block 3', '--time-zone', 'Asia/Shanghai', ...dir]).code).toBe(0);

    const en = runCliProcess(['sites', 'timezone', '1', 'Mars/Olympus', ...dir]);
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain('No such time zone: “Mars/Olympus”. Pick one from the list');
    const zh = runCliProcess(['sites', 'timezone', '1', 'Asia/Shanghia', '--lang', 'zh-CN', ...dir]);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toContain('没有这个时区：“Asia/Shanghia”。请从列表中选择');
    const add = runCliProcess(['sites', 'add', 'Depot', '--time-zone', 'Beijing', ...dir]);
    expect(add.code).not.toBe(0);
    expect(add.stderr).toContain('No such time zone: “Beijing”');
    const missing = runCliProcess(['sites', 'timezone', '1', ...dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('<zone>');

    const state = JSON.parse(runCliProcess(['sites', 'list', '--json', ...dir]).stdout) as SitesState;
    expect(state.sites.map((s) => [s.name, s.timeZone])).toEqual([['Block 3', 'Asia/Shanghai']]);
  });
});
