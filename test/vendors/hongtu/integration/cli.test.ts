import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../../support/sim-process.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
let sim: SimProcess;

beforeAll(async () => {
  sim = await startSimProcess('hongtu');
});
afterAll(async () => {
  await sim.stop();
});

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

describe('Hongtu from the CLI against the simulator', () => {
  it('commissions a discovered panel, receives the pushed record of a remote open, and unregisters', async () => {
    const dir = ['--data-dir', tempDir()];
    const cli = (...args: string[]) => runCliProcess([...args, ...dir]);
    const data = <T>(...args: string[]): T => {
      const run = cli(...args, '--json');
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
      return json<T>(run.stdout);
    };
    cli('sites', 'add', 'Block 3');
    expect(cli('backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', sim.url, '--app-key', sim.appKey, '--secret', sim.secretKey).stdout.trim()).toBe('1');
    expect(data<{ verdict: string }>('backend', 'test', '1').verdict).toBe('ok');

    type Page<T> = { list: T[] };
    const discovered = data<Page<{ snCode: string; deviceType: number; discoveryMethod: number }>>('call', '1', 'device.queryReportDevice', '--params', '{"pageNum":1,"pageSize":50}').list;
    const panel = discovered[0];
    if (!panel) throw new Error('nothing discovered');
    const deviceModel = 40;
    data('call', '1', 'device.importDevice', '--params', JSON.stringify({ snCode: panel.snCode, name: 'North gate', location: 'North', deviceType: 2, deviceModel, deviceMode: 1, discoveryMethod: 1 }));
    const devices = data<Page<{ uuid: string; name: string; deviceType: number }>>('call', '1', 'device.list', '--params', '{"pageNum":1,"pageSize":50}').list;
    const imported = devices.find((d) => d.name === 'North gate');
    const edge = devices.find((d) => d.deviceType === 3);
    if (!imported || !edge) throw new Error('import or edge server missing');
    data('call', '1', 'device.bind', '--params', JSON.stringify({ uuid: edge.uuid, deviceUuids: [imported.uuid] }));
    data('call', '1', 'door.add', '--params', JSON.stringify({ addDeviceUuids: [imported.uuid], removeDeviceUuids: [] }));
    data('call', '1', 'passGroup.batchAdd', '--params', JSON.stringify({ groupList: [{ name: 'Workers', type: 1 }] }));
    const group = data<Page<{ uuid: string; name: string }>>('call', '1', 'passGroup.list', '--params', '{"type":1}').list.find((g) => g.name === 'Workers');
    const schedule = data<Page<{ uuid: string }>>('call', '1', 'schedule.page', '--params', '{"type":1}').list[0];
    if (!group || !schedule) throw new Error('group or schedule missing');
    data('call', '1', 'passAuthority.add', '--params', JSON.stringify({ deviceUuids: [imported.uuid], groupUuids: [group.uuid], scheduleUuid: schedule.uuid }));
    const inventory = data<{ doors: { id: string }[] }>('backend', 'inventory', '1');
    expect(inventory.doors.map((d) => d.id)).toContain(imported.uuid);

    // The receiver runs in the foreground, as an installer would leave it running.
    const receiver = spawn(process.execPath, [cliEntry, 'receiver', 'start', '1', '--host', '127.0.0.1', '--json', ...dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = createInterface({ input: receiver.stdout });
    const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
    const started = json<{ receiving: string }>(await next());
    expect(started.receiving).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/push\//);
    const arriving = next();
    data('call', '1', 'door.openDoor', '--params', JSON.stringify({ uuid: imported.uuid }));
    const event = json<{ kind: string; doorId: string; eventId: string }>(await arriving);
    expect(event).toMatchObject({ kind: 'remote-open', doorId: imported.uuid });

    const exited = new Promise((resolve) => receiver.once('exit', resolve));
    receiver.kill('SIGINT');
    await exited;
    const status = data<{ registered: unknown; stored: number }>('receiver', 'status', '1');
    expect(status).toMatchObject({ registered: null, stored: 1 });
  });

  it('signs like the document’s example and lists 80 endpoints', () => {
    const signed = json<{ stringToSign: string; sign: string }>(
      runCliProcess(['sign', 'hongtu', '--uri', '/v1/api/person/list', '--method', 'POST', '--body', '{"pageNum":1,"pageSize":10}', '--secret', 'sdfajk3242324fa!djq7', '--app-key', 'appkey1', '--timestamp', '1627300328673', '--nonce', '1234344', '--json']).stdout,
    );
    expect(signed.sign).toBe('52141def7a1e346ceee2f22c43d5fb97');
    expect(signed.stringToSign).toBe('/v1/api/person/list-POST--675c299bcd88edf31c09c48f9c7fba4b-sdfajk3242324fa!djq7-1627300328673-1234344-appkey1');
    expect(json<unknown[]>(runCliProcess(['endpoints', 'hongtu', '--json']).stdout)).toHaveLength(80);
  });

  it('gives signature and clock verdicts in the user language', () => {
    const dir = ['--data-dir', tempDir()];
    runCliProcess(['sites', 'add', 'S', ...dir]);
    runCliProcess(['backend', 'add', '--site', '1', '--vendor', 'hongtu', '--url', sim.url, '--app-key', sim.appKey, '--secret', 'wrong', ...dir]);
    const zh = runCliProcess(['backend', 'test', '1', '--lang', 'zh-CN', ...dir]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain('签名被拒绝');
  });
});
