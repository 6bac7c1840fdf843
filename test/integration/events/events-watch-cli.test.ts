import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

/** `events watch` (issue 15 item 6): one line per event as it is stored, with backend and source, and the stream's state; Ctrl+C stops. */
const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
const running: ChildProcessWithoutNullStreams[] = [];
let sim: HongtuSimulator | null = null;

afterEach(async () => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
  await sim?.close();
  sim = null;
});

function watch(args: readonly string[]) {
  const child = spawn(process.execPath, [cliEntry, 'events', 'watch', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  running.push(child);
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const until = async (what: string, check: () => boolean) => {
    const deadline = Date.now() + 20_000;
    while (!check()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`events watch: no ${what}; printed:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    return exited;
  };
  return { lines, until, stop };
}

describe('events watch from the CLI', () => {
  it('prints each event with its backend, source, door, person and result (--jsonl), and the stream state, until Ctrl+C', async () => {
    sim = await startHongtuSimulator();
    const dir = ['--data-dir', tempDir()];
    expect(runCliProcess(['sites', 'add', 'Gate 9', '--time-zone', 'Asia/Shanghai', ...dir]).code).toBe(0);
    const added = runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', sim.url, '--app-key', sim.appKey, '--secret', sim.secretKey, '--name', 'Tower', ...dir]);
    expect(added.code, added.stderr).toBe(0);
    const record = sim.emitPassRecord();

    const watching = watch(['--site', '1', '--jsonl', ...dir]);
    await watching.until('event line', () => watching.lines.some((l) => l.includes(`ht:${record.id}`)));
    const line = JSON.parse(watching.lines.find((l) => l.includes(`ht:${record.id}`))!) as Record<string, unknown>;
    expect(line).toMatchObject({ type: 'event', backend: 'Tower', source: 'poll', event: { eventId: `ht:${record.id}` } });
    expect(String(line['time'])).toMatch(/\d{2}:\d{2}:\d{2}/);
    await watching.until('stream line', () => watching.lines.some((l) => l.includes('"type":"stream"') && l.includes('"state":"polling"')));
    expect(watching.lines.filter((l) => l.includes(`ht:${record.id}`))).toHaveLength(1);
    expect(await watching.stop()).toBe(0);
  });

  it('says in the user’s language when no site is given or selected', () => {
    const dir = ['--data-dir', tempDir()];
    const run = runCliProcess(['events', 'watch', '--lang', 'zh-CN', ...dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未选择站点');
  });
});
