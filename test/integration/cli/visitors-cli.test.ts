import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astronautJpeg } from '../../support/astronaut.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { DEFAULT_COMPANY_NO } from '../../simulators/k30/seed.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';

const tempDir = useTempDirs();

/** `visitors add | list | checkout` against the K30 simulator (issue 15 item 4). */
describe('visitors CLI', () => {
  // Its own process: the CLI runs synchronously here and would block a simulator in this one.
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSimProcess('k30');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('adds a visitor with a photo, lists today’s visitors (en and zh-CN), checks out; refusals say why', () => {
    const root = tempDir();
    const dir = ['--data-dir', root];
    const run = (args: string[]) => runCliProcess([...args, ...dir]);
    const ok = (args: string[]) => {
      const result = run(args);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    ok(['sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai']);
    ok(['sites', 'select', '1']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', DEFAULT_COMPANY_NO]);
    const photo = join(root, 'face.jpg');
    writeFileSync(photo, astronautJpeg());
    const added = JSON.parse(ok(['visitors', 'add', '--backend', '1', '--name', 'Wang Wu', '--host', 'A0001', '--reason', 'Delivery', '--id-type', 'passport', '--id-number', 'E1234567', '--phone', '13900000009', '--photo', photo, '--json'])) as { id: number; state: string; hasFace: boolean; vendorRef: string };
    expect(added).toMatchObject({ state: 'registered', hasFace: true });
    expect(added.vendorRef).toMatch(/^\d+$/);

    expect(ok(['visitors', 'list'])).toMatch(/#1 Wang Wu \(host A0001\) .*registered; arrived not yet; left not yet/);
    expect(ok(['visitors', 'list', '--lang', 'zh-CN'])).toContain('已登记；到达 尚未');
    expect(ok(['visitors', 'list', '--site', '1', '--date', '2020-01-01'])).toContain('No visitors of site 1 on 2020-01-01.');

    const missing = run(['visitors', 'add', '--backend', '1', '--name', 'No Phone', '--host', 'A0001', '--id-number', 'E1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('phone');
    const noHost = run(['visitors', 'add', '--backend', '1', '--name', 'X']);
    expect(noHost.code).toBe(2);

    expect(ok(['visitors', 'checkout', String(added.id)])).toContain('Visitor #1 Wang Wu checked out.');
    expect(ok(['visitors', 'list'])).toContain('checked out');
  });
});
