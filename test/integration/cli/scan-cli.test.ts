import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/** `scan` as a user types it: findings named, JSON lines as they come, a summary, saved with a site. */
const NET = '127.0.12';
const tempDir = useTempDirs();
let sims: SimProcess[] = [];
let ports = '';

beforeAll(async () => {
  sims = await Promise.all([
    startSimProcess('zkbio', ['--host', `${NET}.2`, '--token', 'T']),
    startSimProcess('hongtu', ['--host', `${NET}.3`]),
    startSimProcess('k30', ['--host', `${NET}.4`]),
  ]);
  ports = sims.map((s) => new URL(s.url).port).join(',');
}, 30_000);

afterAll(async () => {
  await Promise.all(sims.map((s) => s.stop()));
});

describe('CLI scan', () => {
  it('--json: names the simulators, with durationMs in the summary', () => {
    const run = runCliProcess(['--data-dir', tempDir(), 'scan', `${NET}.0/24`, '--ports', ports, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { summary: { durationMs: number; hostsFound: number; addressesTotal: number }; findings: { address: string; kind: string }[]; scanId: number | null };
    expect(out.findings.map((f) => [f.address, f.kind])).toEqual([[`${NET}.2`, 'zkbio'], [`${NET}.3`, 'hongtu'], [`${NET}.4`, 'k30']]);
    expect(out.summary).toMatchObject({ hostsFound: 3, addressesTotal: 254 });
    expect(out.summary.durationMs).toBeGreaterThan(0);
    expect(out.scanId).toBeNull();
  });

  it('--jsonl: one line per finding, then the summary; saved with the chosen site', () => {
    const dataDir = tempDir();
    expect(runCliProcess(['--data-dir', dataDir, 'sites', 'add', 'North gate']).code).toBe(0);
    const run = runCliProcess(['--data-dir', dataDir, 'scan', `${NET}.1-10`, '--ports', ports, '--site', '1', '--jsonl']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).map((l) => l['kind']).sort()).toEqual(['hongtu', 'k30', 'zkbio']);
    expect(lines[3]).toMatchObject({ scanId: 1, siteId: 1, summary: { hostsFound: 3, addressesTotal: 10 } });
    const list = runCliProcess(['--data-dir', dataDir, 'scan', 'list', '--site', '1']);
    expect(list.stdout).toMatch(/^1 {2}done .* 127\.0\.12\.1-10 {2}3 found$/m);
    const hosts = runCliProcess(['--data-dir', dataDir, 'scan', 'hosts', '--site', '1']);
    expect(hosts.stdout).toContain(`${NET}.3  Hongtu 2000  ports ${new URL(sims[1]?.url ?? '').port}`);
  });

  it('prints findings for people, in Chinese too', () => {
    const run = runCliProcess(['--data-dir', tempDir(), '--lang', 'zh-CN', 'scan', `${NET}.3`, '--ports', ports]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${NET}.3  鸿图2000（95%）`);
    expect(run.stdout).toContain('接口应答：GET /v1/api/device/info → 200');
    expect(run.stdout).toMatch(/在 1 个地址中发现 1 台开放端口的主机/);
  });

  it('explains bad targets and large scans, and what to do', () => {
    const bad = runCliProcess(['--data-dir', tempDir(), 'scan', '10.0.0.0/33']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Not an address, subnet or range: write 192.168.1.20');
    const large = runCliProcess(['--data-dir', tempDir(), 'scan', '10.0.0.0/16']);
    expect(large.code).toBe(1);
    expect(large.stderr).toContain('65,534 addresses, more than 4,096');
    expect(large.stderr).toContain('--allow-large');
  });

  it('Ctrl+C cancels and prints what was found so far', async () => {
    const entry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, [entry, '--data-dir', tempDir(), 'scan', `${NET}.0/24`, '--ports', ports, '--rate', '20', '--jsonl'], { env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', LANG: 'en_US.UTF-8' } });
    let stdout = '';
    // Ctrl+C once the scan is under way (its first finding printed), however slowly the process started.
    const firstFinding = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve();
      });
    });
    await firstFinding;
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const out = JSON.parse(lines.at(-1) ?? '') as { summary: { cancelled: boolean; addressesDone: number } };
    expect(out.summary.cancelled).toBe(true);
    expect(out.summary.addressesDone).toBeLessThan(254);
  });
});
