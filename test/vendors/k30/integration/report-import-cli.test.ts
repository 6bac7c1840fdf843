import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoorTestResult } from '../../../../shared/contract/door-tests.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../../support/sim-process.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('k30');
}, 30_000);
afterAll(async () => {
  await sim.stop();
}, 30_000);

function cli(dir: string) {
  return (args: string[], code = 0) => {
    const run = runCliProcess([...args, '--data-dir', dir]);
    expect(run.code, run.stderr + run.stdout).toBe(code);
    return run.stdout;
  };
}

/** K30 in the report and in the import (issue 14 item 6), through the CLI against the simulator process. */
describe('K30 door tests in the report, and import to K30', () => {
  it('a door test on a K30 device is a row of the site report, with its verdict and latency', () => {
    const dir = tempDir();
    const ok = cli(dir);
    ok(['sites', 'add', 'Gate 2']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', sim.companyNo]);
    ok(['backend', 'inventory', '1', '--json']);
    const result = JSON.parse(ok(['door-test', '1', '--door', SEED_IDS.gateIn, '--timeout', '10', '--json'])) as DoorTestResult;
    expect(result).toMatchObject({ verdict: 'pass', vendor: 'k30' });
    const html = join(dir, 'report.html');
    ok(['report', '1', '--html', html]);
    const report = readFileSync(html, 'utf8');
    expect(report).toContain('<td class="pass">Pass</td>');
    expect(report).toContain(`${result.latencyMs} ms`);
    expect(report).toContain(result.doorName);
    // The evidence's event is K30's own 远程开门, named in the report's language, not marked unknown.
    expect(report).toContain('(Remote open)');
    expect(report).not.toContain('as K30 wrote it');
    const zh = join(dir, 'report-zh.html');
    ok(['report', '1', '--html', zh, '--lang', 'zh-CN']);
    const zhReport = readFileSync(zh, 'utf8');
    expect(zhReport).toContain('(远程开门)');
    expect(zhReport).not.toContain('原文');
  }, 90_000);

  it('an import run with K30 as the target reaches the simulator', () => {
    const dir = tempDir();
    const ok = cli(dir);
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, ['工号,姓名,手机', 'K1,赵六,13800000011', 'K2,孙七,13800000012'].join('\n'));
    ok(['sites', 'add', 'Gate 2']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', sim.companyNo]);
    const run = ok(['import', csv, '--site', '1', '--no-face-check', '--backend', '1']);
    expect(run).toContain('Saved and queued: 2;');
    ok(['sync', '--once']);
    const outbox = JSON.parse(ok(['outbox', 'list', '--json'])) as { entries: { pin: string; state: string }[] };
    expect(outbox.entries.map((e) => [e.pin, e.state])).toEqual([
      ['K1', 'done'],
      ['K2', 'done'],
    ]);
    const people = (JSON.parse(ok(['call', '1', 'people.list', '--params', '{"pageindex":1,"pagesize":100}', '--json'])) as { data: { jobNumber: string; name: string }[] }).data;
    expect(people.filter((p) => p.jobNumber.startsWith('K')).map((p) => [p.jobNumber, p.name])).toEqual(
      expect.arrayContaining([
        ['K1', '赵六'],
        ['K2', '孙七'],
      ]),
    );
  }, 90_000);
});
