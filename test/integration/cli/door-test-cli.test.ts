import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorTestResult } from '../../../shared/contract/door-tests.ts';
import { runCliProcess } from '../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('zkbio', ['--token', 'Sim-Token-19']);
}, 30_000);

afterAll(async () => {
  await sim.stop();
}, 30_000);

/** Sets a fault on the simulator process over its admin route. */
async function fault(spec: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', headers: { Authorization: `Bearer ${sim.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(spec) });
  expect(response.status).toBe(200);
}

describe('door-test from the CLI against a backend that never answers', () => {
  it('stores and prints a timeout (exit 1), and the report shows it as a timeout, never as cancelled', async () => {
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Block 3', ...dir]).code).toBe(0);
    expect(runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', sim.token, ...dir]).code).toBe(0);
    const inventory = JSON.parse(runCliProcess(['backend', 'inventory', '1', '--json', ...dir]).stdout) as { doors: { id: string }[] };
    const door = inventory.doors[0]?.id ?? '';
    await fault({ kind: 'latency', ms: 120_000, endpoint: 'door.remoteOpenById' });

    const run = runCliProcess(['door-test', '1', '--door', door, '--timeout', '1', '--json', ...dir]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as DoorTestResult;
    expect(result.verdict).toBe('timeout');
    expect(result.evidence.steps.map((s) => s.key)).not.toContain('cancelled');

    const zh = runCliProcess(['door-test', '1', '--door', door, '--timeout', '1', '--lang', 'zh-CN', ...dir]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^超时/);

    const html = join(tempDir(), 'report.html');
    expect(runCliProcess(['report', '1', '--html', html, ...dir]).code).toBe(0);
    const report = readFileSync(html, 'utf8');
    expect(report.match(/<td class="timeout">Timeout<\/td>/g)).toHaveLength(2);
    expect(report).not.toContain('class="cancelled"');
  }, 90_000);
});
