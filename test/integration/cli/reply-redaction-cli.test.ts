import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/**
 * Issue 11 item 11: a backend that echoes the request URL (`…?pageNo=1&access_token=<token>`) into
 * its reply must not carry the token into anything Doorman shows or keeps: CLI text, `--json`,
 * the stored last test result, the outbox, the log. The ZKBio simulator's `echo-url` fault answers
 * every call with a failure whose message quotes the request line.
 */
const tempDir = useTempDirs();
const TOKEN = 'Leak-Token-7731+/=x';
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('zkbio', ['--token', TOKEN]);
});
afterAll(async () => {
  await sim.stop();
});

async function fault(spec: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sim.url}/__sim/faults`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(spec) });
  expect(res.status).toBe(200);
}

/** Every form the token could take in an echoed URL or JSON. */
const forms = [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ t: TOKEN }).toString().slice(2), JSON.stringify(TOKEN).slice(1, -1)];

function expectClean(where: string, text: string): void {
  for (const form of forms) expect(text, `${where} carries the token`).not.toContain(form);
}

describe('a backend that echoes the request URL', () => {
  it('never puts access_token into CLI text, --json, the database or the log', { timeout: 180_000 }, async () => {
    const dataDir = tempDir();
    const dir = ['--data-dir', dataDir];
    expect(runCliProcess(['sites', 'add', 'Block 3', ...dir]).code).toBe(0);
    expect(runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'zkbio', '--url', sim.url, '--token', TOKEN, ...dir]).code).toBe(0);
    await fault({ kind: 'echo-url' });

    const runs = [
      runCliProcess(['backend', 'test', '1', ...dir]),
      runCliProcess(['backend', 'test', '1', '--json', ...dir]),
      runCliProcess(['backend', 'inventory', '1', ...dir]),
      runCliProcess(['backend', 'inventory', '1', '--json', ...dir]),
      runCliProcess(['call', '1', 'door.list.v2', '--params', '{"pageNo":1,"pageSize":5}', ...dir]),
      runCliProcess(['call', '1', 'door.list.v2', '--params', '{"pageNo":1,"pageSize":5}', '--json', ...dir]),
      runCliProcess(['enroll', '--site', '1', '--pin', 'E1', '--name', 'Echo', '--backend', '1', ...dir]),
      runCliProcess(['sync', '--once', ...dir]),
      runCliProcess(['outbox', 'list', '--json', ...dir]),
    ];
    // The echo reached Doorman (the test would prove nothing otherwise) …
    expect(runs[1]?.stdout).toContain('access_token=');
    expect(runs[8]?.stdout).toContain('access_token=');
    // … and the token did not.
    for (const [i, run] of runs.entries()) {
      expectClean(`run ${i} stdout`, run.stdout);
      expectClean(`run ${i} stderr`, run.stderr);
    }
    const db = ['doorman.db', 'doorman.db-wal']
      .map((f) => join(dataDir, f))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f).toString('utf8'))
      .join('');
    expect(db).toContain('access_token=');
    expectClean('the database', db);
    expectClean('the log', readFileSync(join(dataDir, 'logs', 'doorman.log'), 'utf8'));
  });
});
