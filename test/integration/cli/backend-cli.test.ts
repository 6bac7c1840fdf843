import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('zkbio', ['--token', 'Sim-Token-4242']);
});
afterAll(async () => {
  await sim.stop();
});

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

describe('backend CLI against the ZKBio simulator', () => {
  it('adds, tests, reads the inventory and calls any endpoint', () => {
    const dataDir = tempDir();
    const dir = ['--data-dir', dataDir];
    expect(runCliProcess(['sites', 'add', 'Block 3', ...dir]).code).toBe(0);
    const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', sim.token, ...dir]);
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toBe('1');

    const listed = json<{ backends: { id: number; vendor: string; credentialFields: string[] }[] }>(runCliProcess(['backend', 'list', '--json', ...dir]).stdout);
    expect(listed.backends).toMatchObject([{ id: 1, vendor: 'zkbio', credentialFields: ['token'] }]);
    expect(JSON.stringify(listed)).not.toContain(sim.token);

    const tested = runCliProcess(['backend', 'test', '1', '--json', ...dir]);
    expect(tested.code).toBe(0);
    expect(json<{ verdict: string }>(tested.stdout).verdict).toBe('ok');

    const inventory = json<{ doors: unknown[]; devices: unknown[]; readers: unknown[] }>(runCliProcess(['backend', 'inventory', '1', '--json', ...dir]).stdout);
    expect(inventory.doors.length).toBeGreaterThan(0);
    expect(inventory.devices.length).toBeGreaterThan(0);
    // Kept for offline use: readable without asking the backend.
    expect(json<{ doors: unknown[] }>(runCliProcess(['backend', 'inventory', '1', '--cached', '--json', ...dir]).stdout).doors).toHaveLength(inventory.doors.length);

    const doors = json<{ total: number; data: { id: string }[] }>(runCliProcess(['call', '1', 'door.list.v2', '--params', '{"pageNo":1,"pageSize":50}', '--json', ...dir]).stdout);
    expect(doors.total).toBe(inventory.doors.length);
    const opened = runCliProcess(['call', '1', 'door.remoteOpenById', '--params', JSON.stringify({ doorId: doors.data[0]?.id, interval: 5 }), '--json', ...dir]);
    expect(opened.code).toBe(0);

    // The token is sealed in the database and never written to the log.
    const db = ['doorman.db', 'doorman.db-wal']
      .map((f) => join(dataDir, f))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    expect(db).toContain('v1.kf.');
    expect(db).not.toContain(sim.token);
    expect(readFileSync(join(dataDir, 'logs', 'doorman.log'), 'utf8')).not.toContain(sim.token);
  });

  it('shows a part of the inventory that could not be read as that part\'s error, the rest read, and exits 1 (issue 11 item 17)', { timeout: 120_000 }, async () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'S', ...dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', sim.token, ...dir]);
    const fault = (spec: Record<string, unknown>) =>
      fetch(`${sim.url}/__sim/faults`, { method: 'POST', headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' }, body: JSON.stringify(spec) });
    // Both runs' faults are set before the CLI runs (a kept-alive socket would go stale meanwhile).
    expect((await fault({ kind: 'wrong-shape', shape: 'data', endpoint: 'reader.list.v2', count: 2 })).status).toBe(200);
    expect((await fault({ kind: 'empty-list', shape: 'null', endpoint: 'department.getDepartmentList', count: 1 })).status).toBe(200);
    const text = runCliProcess(['backend', 'inventory', '1', ...dir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/readers \(0\)\n {2}! not read this time, showing what was stored: The server answered, but not as this backend should/);
    expect(text.stdout).toContain('departments (0)');
    expect(text.stdout).toMatch(/doors \([1-9]\d*\)/);
    const zh = runCliProcess(['backend', 'inventory', '1', '--json', '--lang', 'zh-CN', ...dir]);
    expect(zh.code).toBe(1);
    const inventory = json<{ doors: unknown[]; partErrors: Record<string, { code: string }> }>(zh.stdout);
    expect(inventory.partErrors).toEqual({ readers: expect.objectContaining({ code: 'backend_bad_reply' }) });
    expect(inventory.doors.length).toBeGreaterThan(0);
  });

  it('gives a bad-token verdict in the user language and exits 1', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'S', ...dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', 'wrong', ...dir]);
    const en = runCliProcess(['backend', 'test', '1', ...dir]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('Credentials refused');
    expect(en.stdout).toContain('API Authorization');
    const zh = runCliProcess(['backend', 'test', '1', '--lang', 'zh-CN', ...dir]);
    expect(zh.stdout).toContain('凭据被拒绝');
    expect(zh.stdout).toContain('API 授权');
  });

  it('exits 2 naming the problem: unknown endpoint, bad --params JSON, missing field', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'S', ...dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', sim.token, ...dir]);
    const unknown = runCliProcess(['call', '1', 'door.explode', ...dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('door.explode');
    const badJson = runCliProcess(['call', '1', 'door.list.v2', '--params', '{pageNo:1', ...dir]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('--params');
    const missing = runCliProcess(['call', '1', 'door.remoteOpenById', '--params', '{"doorId":"x"}', ...dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('interval');
    const badUrl = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', 'ftp://x', '--token', 't', ...dir]);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toContain('http://host:port');
  });

  it('lists all 217 ZKBio endpoints', () => {
    const rows = json<{ id: string; method: string; path: string }[]>(runCliProcess(['endpoints', 'zkbio', '--json']).stdout);
    expect(rows).toHaveLength(217);
    expect(rows.find((r) => r.id === 'door.remoteOpenById')).toMatchObject({ method: 'POST', path: '/api/door/remoteOpenById' });
    expect(rows.find((r) => r.id === 'person.addPersons.v2')).toMatchObject({ method: 'POST', path: '/api/v2/person/addPersons' });
  });
});
