import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { DEFAULT_COMPANY_NO } from '../../simulators/k30/seed.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';

const tempDir = useTempDirs();

/** `doors list | open | mode | log` against the K30 simulator (issue 15 item 2). */
describe('doors CLI', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSimProcess('k30');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('lists doors, opens one and holds it open (audited), refuses back-to-normal with the reason, shows the log in en and zh-CN', () => {
    const dir = ['--data-dir', tempDir()];
    const run = (args: string[]) => runCliProcess([...args, ...dir]);
    const ok = (args: string[]) => {
      const result = run(args);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    ok(['sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai']);
    ok(['sites', 'select', '1']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', DEFAULT_COMPANY_NO]);
    ok(['backend', 'inventory', '1']);
    const listed = JSON.parse(ok(['doors', 'list', '--json'])) as { doors: { doorId: string; name: string; state: string; actions: string[] }[] };
    const door = listed.doors.find((d) => d.state !== 'offline');
    if (!door) throw new Error('no online door');
    expect(door.actions).toEqual(['open', 'normally-open', 'normally-closed']);
    expect(ok(['doors', 'list'])).toContain('Doors of site 1:');

    expect(ok(['doors', 'open', '1', door.doorId, '--seconds', '3'])).toMatch(/^Open .* on backend 1: done \(audit #1\)\./);
    expect(ok(['doors', 'mode', '1', door.doorId, 'normally-open'])).toContain('Hold open');
    const refused = run(['doors', 'mode', '1', door.doorId, 'normal']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('has no value to return it to normal');
    expect(run(['doors', 'mode', '1', door.doorId, 'normal', '--lang', 'zh-CN']).stderr).toContain('没有恢复正常的取值');

    const log = ok(['doors', 'log']);
    expect(log).toContain('Door actions of site 1, newest first:');
    expect(log).toMatch(/Hold open {2}Done/);
    expect(log).toMatch(/Open {2}Done/);
    expect(ok(['doors', 'log', '--lang', 'zh-CN'])).toContain('常开  成功');
    const json = JSON.parse(ok(['doors', 'log', '--json'])) as { actions: { result: string; seconds: number | null }[] };
    expect(json.actions.map((a) => a.result)).toEqual(['ok', 'ok']);
    expect(json.actions[1]?.seconds).toBe(3);
  });
});
