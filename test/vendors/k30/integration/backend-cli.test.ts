import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { astronautJpeg } from '../../../support/astronaut.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../../support/sim-process.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('k30');
});
afterAll(async () => {
  await sim.stop();
});

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

/** K30 is a backend you can add (issue 14 item 4): the CLI's add, test, inventory and call against the simulator. */
describe('K30 backend through the CLI', () => {
  it('adds with --company-no, tests ok, reads the inventory and calls any endpoint', () => {
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Gate 2', ...dir]).code).toBe(0);
    const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', sim.companyNo, ...dir]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toBe('1');

    const listed = json<{ backends: { vendor: string; credentialFields: string[] }[] }>(runCliProcess(['backend', 'list', '--json', ...dir]).stdout);
    expect(listed.backends).toMatchObject([{ vendor: 'k30', credentialFields: ['companyNo'] }]);
    expect(JSON.stringify(listed)).not.toContain(sim.companyNo);

    const tested = runCliProcess(['backend', 'test', '1', '--json', ...dir]);
    expect(tested.code).toBe(0);
    expect(json<{ verdict: string; facts: Record<string, unknown> }>(tested.stdout)).toMatchObject({ verdict: 'ok', facts: { product: 'K30', devices: 3 } });

    const inventory = json<{ devices: { id: string; online: boolean | null }[]; doors: { id: string }[]; readers: unknown[]; accessLevels: unknown[]; departments: unknown[] }>(
      runCliProcess(['backend', 'inventory', '1', '--json', ...dir]).stdout,
    );
    expect(inventory.devices).toHaveLength(3);
    expect(inventory.doors).toHaveLength(3);
    expect(inventory.readers).toHaveLength(3);
    expect(inventory.accessLevels).toHaveLength(2);
    expect(inventory.departments).toHaveLength(1);

    const devices = json<{ total: number }>(runCliProcess(['call', '1', 'device.list', '--params', '{"pageindex":1,"pagesize":10}', '--json', ...dir]).stdout);
    expect(devices.total).toBe(3);
    const opened = runCliProcess(['call', '1', 'device.openDoor', '--params', JSON.stringify({ deviceno: inventory.devices.find((d) => d.online === true)?.id }), '--json', ...dir]);
    expect(opened.code).toBe(0);
  });

  it('refuses a company number that is not 16 characters, saying so, and stores nothing', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'Gate 2', ...dir]);
    const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', '12345', ...dir]);
    expect(added.code).not.toBe(0);
    expect(added.stderr).toMatch(/exactly 16 characters/);
    expect(json<{ backends: unknown[] }>(runCliProcess(['backend', 'list', '--json', ...dir]).stdout).backends).toEqual([]);
  });

  it('a wrong company number is a bad-credentials verdict', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'Gate 2', ...dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', 'ABCDEFGHIJKLMNOP', ...dir]);
    const tested = runCliProcess(['backend', 'test', '1', '--json', ...dir]);
    expect(json<{ verdict: string }>(tested.stdout).verdict).toBe('bad-credentials');
  });
});

/** Enrolment reaching K30 through the outbox, with the pin ↔ no pairs in the data folder's store (migration 012). */
describe('K30 people through the CLI’s enroll and sync', () => {
  it('enrolls with a face into a region, then re-enrolls: one person in K30 (the kept no), updated, with the photo', () => {
    const data = tempDir();
    const dir = ['--data-dir', data];
    const ok = (args: string[]) => {
      const run = runCliProcess([...args, ...dir]);
      expect(run.code, run.stderr + run.stdout).toBe(0);
      return run.stdout;
    };
    const photo = join(data, 'face.jpg');
    writeFileSync(photo, astronautJpeg());
    ok(['sites', 'add', 'Gate 2']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', sim.companyNo]);
    ok(['enroll', '--site', '1', '--pin', 'E2001', '--name', '钱七', '--photo', photo, '--backend', '1', '--levels', SEED_IDS.gateRegion]);
    ok(['sync', '--once']);
    const people = () =>
      json<{ data: { no: string; jobNumber: string; name: string; photo: string | null }[] }>(ok(['call', '1', 'people.list', '--params', '{"pageindex":1,"pagesize":100}', '--json'])).data.filter(
        (p) => p.jobNumber === 'E2001',
      );
    const [first] = people();
    expect(first).toMatchObject({ name: '钱七' });
    expect(first?.photo).toBeTruthy();

    ok(['enroll', '--site', '1', '--pin', 'E2001', '--name', '钱七七', '--photo', photo, '--backend', '1', '--levels', SEED_IDS.gateRegion]);
    ok(['sync', '--once']);
    expect(people()).toEqual([expect.objectContaining({ no: first?.no, name: '钱七七' })]);
    expect(json<{ entries: { state: string }[] }>(ok(['outbox', 'list', '--json'])).entries.map((e) => e.state)).toEqual(['done', 'done']);
  });
});
