import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../support/sim-process.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../electron/cli/main.ts', import.meta.url));
let sim: SimProcess;
beforeAll(async () => {
  sim = await startSimProcess('hongtu');
});
afterAll(async () => {
  await sim.stop();
});

/**
 * A vendor's name for a device holding what a hostile backend can send: an OSC sequence that
 * retitles the terminal (ESC … BEL), a screen clear, NUL, a C1 CSI and a right-to-left override.
 */
const HOSTILE = 'Gate\u001b]0;pwned\u0007\u001b[2J\u0000\u009b31m\u202Egnp.exe';
/** What the CLI prints for it. */
const SHOWN = 'Gate\\u001b]0;pwned\\u0007\\u001b[2J\\u0000\\u009b31m\\u202egnp.exe';
/** The characters a terminal acts on, but the line breaks and tabs the CLI lays its output out with. */
function rawControls(text: string): string[] {
  return [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return (code < 0x20 && c !== '\n' && c !== '\t') || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  });
}

describe('what the CLI prints to a terminal', () => {
  it('refuses a person name over 40 characters saying "at most 40", and a name with control characters', { timeout: 60_000 }, () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'S', ...dir]);
    const long = runCliProcess(['enroll', '--site', '1', '--pin', 'P1', '--name', '张'.repeat(41), ...dir]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('The name is too long: at most 40 characters.');
    expect(long.stderr).not.toContain('80');
    const zh = runCliProcess(['enroll', '--site', '1', '--pin', 'P1', '--name', '张'.repeat(41), '--lang', 'zh-CN', ...dir]);
    expect(zh.stderr).toContain('姓名太长：最多 40 个字符。');
    const hostile = runCliProcess(['enroll', '--site', '1', '--pin', 'P1', '--name', '张三\u001b]0;pwned\u0007', ...dir]);
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain('The name contains a control character');
    expect(JSON.parse(runCliProcess(['people', 'list', '--site', '1', '--json', ...dir]).stdout)).toEqual({ people: [] });
  });

  it('shows a vendor’s control characters escaped, in tables and pushed records, and stores them as given', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const dir = ['--data-dir', dataDir];
    const cli = (...args: string[]) => runCliProcess([...args, ...dir]);
    const data = <T>(...args: string[]): T => {
      const run = cli(...args, '--json');
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
      return JSON.parse(run.stdout) as T;
    };
    cli('sites', 'add', 'S');
    cli('backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', sim.url, '--app-key', sim.appKey, '--secret', sim.secretKey);
    type Page<T> = { list: T[] };
    const panel = data<Page<{ snCode: string }>>('call', '1', 'device.queryReportDevice', '--params', '{"pageNum":1,"pageSize":50}').list[0];
    if (!panel) throw new Error('nothing discovered');
    data('call', '1', 'device.importDevice', '--params', JSON.stringify({ snCode: panel.snCode, name: HOSTILE, location: 'North', deviceType: 2, deviceModel: 40, deviceMode: 1, discoveryMethod: 1 }));
    const devices = data<Page<{ uuid: string; name: string; deviceType: number }>>('call', '1', 'device.list', '--params', '{"pageNum":1,"pageSize":50}').list;
    const gate = devices.find((d) => d.name === HOSTILE);
    const edge = devices.find((d) => d.deviceType === 3);
    if (!gate || !edge) throw new Error('import or edge server missing');
    data('call', '1', 'device.bind', '--params', JSON.stringify({ uuid: edge.uuid, deviceUuids: [gate.uuid] }));
    data('call', '1', 'door.add', '--params', JSON.stringify({ addDeviceUuids: [gate.uuid], removeDeviceUuids: [] }));

    // The inventory as a table: the name escaped, no raw control character anywhere.
    const table = cli('backend', 'inventory', '1');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(SHOWN);
    expect(rawControls(table.stdout)).toEqual([]);
    // --json gives the same name back exactly (and is still JSON a program can read).
    const inventory = data<{ devices: { name: string }[] }>('backend', 'inventory', '1', '--cached');
    expect(inventory.devices.map((d) => d.name)).toContain(HOSTILE);
    expect(rawControls(cli('backend', 'inventory', '1', '--cached', '--json').stdout)).toEqual([]);

    // A pushed record naming the door, as the receiver prints it.
    const receiver = spawn(process.execPath, [cliEntry, 'receiver', 'start', '1', '--host', '127.0.0.1', ...dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: receiver.stdout });
    const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
    expect(await next()).toContain('Receiving pushed records at');
    const arriving = next();
    data('call', '1', 'door.openDoor', '--params', JSON.stringify({ uuid: gate.uuid }));
    const line = await arriving;
    expect(line).toContain(SHOWN);
    expect(rawControls(line)).toEqual([]);
    const exited = new Promise((resolve) => receiver.once('exit', resolve));
    receiver.kill('SIGINT');
    await exited;

    // Stored as the backend sent it.
    const db = new Database(join(dataDir, 'doorman.db'), { readonly: true });
    try {
      const events = db.prepare('SELECT data FROM events').all() as { data: string }[];
      expect(events.map((e) => (JSON.parse(e.data) as { doorName: string | null }).doorName)).toContain(HOSTILE);
    } finally {
      db.close();
    }
  });
});
