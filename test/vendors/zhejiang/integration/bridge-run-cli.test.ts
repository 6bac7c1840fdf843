import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../../support/cli.ts';
import type { JsonLineProcess } from '../../../support/json-line-process.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { startZhejiangSimProcess, type ZhejiangSimInfo } from '../../../support/sim-process.ts';

/**
 * `bridge test|status|run` through the CLI against the Zhejiang simulator as its own process
 * (issue 16 items 2, 5 and 6): a verdict per step, a wrong secret explained by its platform code
 * (400_04) in both languages with exit 1; a task queued on the platform carried out and answered by `bridge run`.
 */
const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));


describe('bridge run | status | test', () => {
  let sim: JsonLineProcess<ZhejiangSimInfo>;
  beforeAll(async () => {
    sim = await startZhejiangSimProcess();
  });
  afterAll(async () => {
    await sim.stop();
  });

  function setUp(): { run: (args: string[]) => ReturnType<typeof runCliProcess>; dataDir: string } {
    const dataDir = tempDir();
    const run = (args: string[]) => runCliProcess([...args, '--data-dir', dataDir]);
    const info = sim.info;
    expect(run(['sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai']).code).toBe(0);
    const added = run(['bridge', 'add', '--site', '1', '--tcp', info.tcp, '--url', info.url, '--access-id', info.accessId, '--access-key', info.accessKey, '--access-secret', info.accessSecret, '--settings', '{"heartbeatSeconds":5}']);
    expect(added.code, added.stderr).toBe(0);
    expect(run(['bridge', 'device', 'add', '1', '--sn', info.devices[0]!]).code).toBe(0);
    return { run, dataDir };
  }

  it('tests the connection: every step ok; a wrong secret fails with 400_04 explained, en and zh-CN, exit 1', () => {
    const { run } = setUp();
    const ok = run(['bridge', 'test', '1']);
    expect(ok.code, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/^ok +TCP reach: /m);
    expect(ok.stdout).toMatch(/^ok +Sign-in \(C_AUTH\): /m);
    expect(ok.stdout).toMatch(/^ok +Clock offset: 0 ms/m);
    expect(ok.stdout).toMatch(/^ok +HTTPS reach: /m);
    expect(ok.stdout).toContain('every check passed');
    const json = JSON.parse(run(['bridge', 'test', '1', '--json']).stdout) as { ok: boolean; lines: { check: string; ok: boolean }[] };
    expect(json.ok).toBe(true);
    expect(json.lines.map((l) => l.check)).toEqual(['tcp', 'auth', 'clock', 'https']);

    expect(run(['bridge', 'update', '1', '--access-secret', 'not-the-secret']).code).toBe(0);
    const wrong = run(['bridge', 'test', '1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^FAILED +Sign-in \(C_AUTH\): platform error 400_04/m);
    expect(wrong.stdout).toContain('check accessId, accessKey and accessSecret exactly as the platform issued them');
    expect(wrong.stdout).toContain('a check failed');
    expect(wrong.stdout).not.toContain('not-the-secret');
    const zh = run(['bridge', 'test', '1', '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^失败 +认证（C_AUTH）：平台错误 400_04/m);
    expect(zh.stdout).toContain('核对 accessId、accessKey 和 accessSecret');

    const status = JSON.parse(run(['bridge', 'status', '1', '--json']).stdout) as { running: boolean; devices: { sn: string; status: string }[] };
    expect(status).toMatchObject({ running: false, devices: [{ sn: sim.info.devices[0], status: 'stopped' }] });
  });

  it('runs the bridge in the foreground: a queued task is carried out and answered (status 1), Ctrl+C stops it', async () => {
    const { run, dataDir } = setUp();
    const admin = new URL('/__sim/tasks', sim.info.url);
    const answer = await fetch(admin, { method: 'POST', headers: { authorization: `Bearer ${sim.info.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ sn: sim.info.devices[0], apicode: 'T_CLEAR_DEVICE_PERSON' }) });
    expect(answer.status).toBeLessThan(300);
    const { taskid } = (await answer.json()) as { taskid: string };

    const child = spawn(process.execPath, [cliEntry, 'bridge', 'run', '1', '--data-dir', dataDir], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 20_000;
    while (!stdout.includes(`task ${taskid} (T_CLEAR_DEVICE_PERSON) reported status 1`)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no report: ${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stderr).toContain('Bridge 1 is running with 1 device. Press Ctrl+C to stop it.');
    expect(stdout).toContain(`${sim.info.devices[0]}: online`);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('Bridge 1 stopped.');

    const statuses = (await (await fetch(new URL('/__sim/statuses', sim.info.url), { headers: { authorization: `Bearer ${sim.info.adminToken}` } })).json()) as { taskid: string; status: number }[] | { statuses: { taskid: string; status: number }[] };
    const list = Array.isArray(statuses) ? statuses : statuses.statuses;
    expect(list.filter((s) => s.taskid === taskid).map((s) => s.status)).toEqual([1]);
    const tasks = JSON.parse(run(['bridge', 'tasks', '1', '--json']).stdout) as { tasks: { taskid: string; state: string }[] };
    expect(tasks.tasks).toEqual([expect.objectContaining({ taskid, state: 'reported' })]);
  });
});
