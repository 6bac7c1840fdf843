import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { callK30 } from './k30-http.ts';

/**
 * `receiver start|status|stop` for a K30 backend from the CLI as a process (issue 14 item 5): no
 * registration call; the URL and where to type it, in the user's language; each callback's record
 * and per-device result printed as it arrives.
 */
const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
let sim: K30Simulator;
let dir: string[];
const running: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  sim = await startK30Simulator();
  dir = ['--data-dir', tempDir()];
  runCliProcess(['sites', 'add', 'Gate 2', ...dir]);
  const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', sim.companyNo, ...dir]);
  expect(added.code, added.stderr).toBe(0);
});

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  await sim.close();
});

function startReceiver(...args: string[]) {
  const child = spawn(process.execPath, [cliEntry, 'receiver', 'start', '1', '--host', '127.0.0.1', ...args, ...dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.push(child);
  const lines = createInterface({ input: child.stdout });
  const queue: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else queue.push(line);
  });
  const next = () => new Promise<string>((resolve) => {
    const line = queue.shift();
    if (line !== undefined) resolve(line);
    else waiting.push(resolve);
  });
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  };
  return { next, stop };
}

describe('receiver start for K30 from the CLI', () => {
  it('prints the URL and where to type it (en: with the K30 software’s own words), then each record as its callback arrives', async () => {
    const receiver = startReceiver('--lang', 'en');
    const first = await receiver.next();
    const url = /Receiving callbacks at (\S+)/.exec(first)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/push\//);
    expect(await receiver.next()).toContain('Type this URL into the K30 software’s third-party forwarding URL setting (在K30软件中配置转发第三方URL)');
    sim.callbacks.configure({ url });
    const record = sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    expect(await receiver.next()).toContain(`k30:${record.no}`);
    await receiver.stop();
    expect(sim.counters.total()).toBe(0);

    const status = runCliProcess(['receiver', 'status', '1', '--lang', 'en', ...dir]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('registration: manual');
    expect(status.stdout).toContain('stored events: 1');
    const json = JSON.parse(runCliProcess(['receiver', 'status', '1', '--json', ...dir]).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ running: false, registration: 'manual', lastReceivedAt: null, stored: 1 });
    expect(json).not.toHaveProperty('registered');
    expect(runCliProcess(['receiver', 'stop', '1', '--lang', 'en', ...dir]).stdout).toContain('The URL stays configured in the vendor’s software');
  });

  it('says it in Chinese, prints per-device results, and refuses a sign check that is not off, warn or strict', async () => {
    const receiver = startReceiver('--lang', 'zh-CN', '--sign-check', 'strict');
    const url = /正在 (\S+) 接收回调/.exec(await receiver.next())?.[1] ?? '';
    expect(await receiver.next()).toContain('请将此 URL 填入K30 软件中的转发第三方 URL 设置');
    sim.callbacks.configure({ url });
    // people.sync as any caller of the K30 API makes it (not through this CLI: a synchronous child would block the simulator).
    const synced = await callK30(sim.url, '/openapi/people/syncwhitelist', { no: SEED_IDS.zhangSan, device_nos: SEED_IDS.gateIn }, { companyNo: sim.companyNo, timestamp: formatTimestamp(new Date()) });
    expect(synced.envelope.resultcode).toBe('1');
    expect(await receiver.next()).toContain(`下发到设备 ${SEED_IDS.gateIn}：成功 上报成功`);
    await receiver.stop();

    const bad = runCliProcess(['receiver', 'start', '1', '--sign-check', 'loose', '--lang', 'en', ...dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--sign-check "loose": choose one of off, warn, strict');
  });
});
