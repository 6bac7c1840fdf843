import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { startSimProcess, type SimProcess } from '../../../support/sim-process.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** `bridge add|list|device|tasks|queue` through the CLI against a temp data folder (issue 16 item 6). */
describe('bridge CLI', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSimProcess('k30');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('adds a bridge (secrets from options or the environment, an http:// URL warned about), maps devices to inventory doors, shows tasks and queue', () => {
    const dataDir = tempDir();
    const run = (args: string[], env: Record<string, string> = {}) => runCliProcess([...args, '--data-dir', dataDir], env);
    const ok = (args: string[], env: Record<string, string> = {}) => {
      const result = run(args, env);
      expect(result.code, result.stderr).toBe(0);
      return result;
    };
    ok(['sites', 'add', 'Gate house', '--time-zone', 'Asia/Shanghai']);
    ok(['backend', 'add', '--site', '1', '--vendor', 'k30', '--url', sim.url, '--company-no', DEFAULT_COMPANY_NO]);
    ok(['backend', 'inventory', '1']);
    const doors = (JSON.parse(ok(['doors', 'list', '--site', '1', '--json']).stdout) as { doors: { doorId: string; name: string }[] }).doors;
    expect(doors.length).toBeGreaterThanOrEqual(2);
    // The mapping lists a device's doors by backend, then door id.
    const [d1, d2] = [...doors].sort((a, b) => (a.doorId < b.doorId ? -1 : 1)) as [{ doorId: string; name: string }, { doorId: string; name: string }];

    // Secrets on the command line; an https URL: no warning.
    const first = ok(['bridge', 'add', '--site', '1', '--tcp', '10.1.2.3:9000', '--url', 'https://platform.test/api', '--access-id', 'AID', '--access-key', 'AKEY', '--access-secret', 'S3CRET-CLI', '--name', 'City platform']);
    expect(first.stdout.trim()).toBe('1');
    expect(first.stderr).toBe('');

    // Secrets from the environment; http:// warned about in the user's language.
    const env = { DOORMAN_ZJ_ACCESS_ID: 'AID2', DOORMAN_ZJ_ACCESS_KEY: 'AKEY2', DOORMAN_ZJ_ACCESS_SECRET: 'S3CRET-ENV' };
    const second = ok(['bridge', 'add', '--site', '1', '--tcp', '127.0.0.1:9100', '--url', 'http://127.0.0.1:9101', '--tls', 'accept-any', '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ id: 2, plainHttp: true, tls: 'accept-any', credentialFields: ['accessId', 'accessKey', 'accessSecret'] });
    expect(second.stderr).toContain('Warning: http://127.0.0.1:9101 is plain http://');
    const zh = ok(['bridge', 'add', '--site', '1', '--tcp', '127.0.0.1:9200', '--url', 'http://127.0.0.1:9201', '--lang', 'zh-CN'], env);
    expect(zh.stderr).toContain('警告：http://127.0.0.1:9201 是不加密的 http:// 地址');
    ok(['bridge', 'remove', '3']);

    const missing = run(['bridge', 'add', '--site', '1', '--tcp', '10.1.2.3:9000', '--url', 'https://p.test', '--access-id', 'A', '--access-key', 'K']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--access-secret (or $DOORMAN_ZJ_ACCESS_SECRET)');
    const badTcp = run(['bridge', 'add', '--site', '1', '--tcp', '10.1.2.3', '--url', 'https://p.test'], env);
    expect(badTcp.code).toBe(2);
    expect(badTcp.stderr).toContain('host:port');

    const listed = ok(['bridge', 'list']).stdout;
    expect(listed).toContain('1  City platform  site 1  tcp 10.1.2.3:9000  https://platform.test/api  tls verify  enabled  credentials: accessId, accessKey, accessSecret');
    for (const secret of ['S3CRET-CLI', 'S3CRET-ENV']) {
      expect(ok(['bridge', 'list', '--json']).stdout).not.toContain(secret);
      expect(readFileSync(join(dataDir, 'logs', 'doorman.log'), 'utf8')).not.toContain(secret);
    }

    // Settings: a switch and a field number change; a clash is refused naming it; a secret rotated from the environment.
    const changed = JSON.parse(ok(['bridge', 'update', '1', '--settings', '{"switches":{"httpsParamEncoding":"string"},"fieldNumbers":{"requests":{"C_SIGN_IN":{"sign":15}}}}', '--json']).stdout) as { settings: Record<string, unknown> };
    expect(changed.settings).toMatchObject({ switches: { httpsParamEncoding: 'string', imgSignMode: 'delete' }, fieldNumbers: { requests: { C_SIGN_IN: { sign: 15 } } } });
    const clash = run(['bridge', 'update', '1', '--settings', '{"fieldNumbers":{"requests":{"C_SIGN_IN":{"sign":2}}}}']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('C_SIGN_IN request: sn and sign both 2');
    ok(['bridge', 'update', '1'], { DOORMAN_ZJ_ACCESS_SECRET: 'ROTATED' });

    // Devices: two doors with repeated --door; an unknown door refused by name, in both languages.
    const added = ok(['bridge', 'device', 'add', '1', '--sn', 'ZJ-GATE-01', '--door', `1:${d1.doorId}`, '--door', `1:${d2.doorId}`]).stdout;
    expect(added).toContain(`Device ZJ-GATE-01 (#1) added to bridge 1, standing for 1:${d1.doorId} (${d1.name}), 1:${d2.doorId} (${d2.name}).`);
    const unknown = run(['bridge', 'device', 'add', '1', '--sn', 'ZJ-GATE-02', '--door', '1:NOPE']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Door NOPE of backend 1 is not in the stored inventory of site 1.');
    expect(run(['bridge', 'device', 'add', '1', '--sn', 'ZJ-GATE-02', '--door', '1:NOPE', '--lang', 'zh-CN']).stderr).toContain('后台 1 的门 NOPE 不在工地 1 已保存的设备清单中');
    const taken = run(['bridge', 'device', 'add', '1', '--sn', 'ZJ-GATE-02', '--door', `1:${d1.doorId}`]);
    expect(taken.stderr).toContain('already stands for device ZJ-GATE-01');
    expect(run(['bridge', 'device', 'add', '1', '--sn', 'ZJ-GATE-01']).stderr).toContain('already has a device ZJ-GATE-01');
    ok(['bridge', 'device', 'add', '1', '--sn', 'ZJ-SIDE-02']);
    const list = ok(['bridge', 'device', 'list', '1']).stdout;
    expect(list).toContain(`#1  ZJ-GATE-01  1:${d1.doorId} (${d1.name}), 1:${d2.doorId} (${d2.name})  levels `);
    expect(list).toMatch(/^#1 .*levels .+: .+ \(covering its doors\)$/m);
    expect(list).toContain('#2  ZJ-SIDE-02  no door yet  levels —\n');

    // Access levels: none set, the backend's levels covering the doors; one set with --level; an unknown one refused, en and zh-CN.
    const [gate] = (JSON.parse(ok(['bridge', 'device', 'list', '1', '--json']).stdout) as { devices: { levels: { accessLevelIds: string[]; from: string }[] }[] }).devices;
    expect(gate!.levels[0]).toMatchObject({ from: 'doors' });
    const levelId = gate!.levels[0]!.accessLevelIds[0]!;
    const set = ok(['bridge', 'device', 'update', '1', '1', '--level', `1:${levelId}`]).stdout;
    expect(set).toContain(`Device ZJ-GATE-01 (#1) of bridge 1 now stands for 1:${d1.doorId} (${d1.name}), 1:${d2.doorId} (${d2.name}); levels `);
    expect(set).toContain(`${levelId} (set)`);
    const badLevel = run(['bridge', 'device', 'update', '1', '1', '--level', '1:NOPE']);
    expect(badLevel.code).toBe(1);
    expect(badLevel.stderr).toContain('Access level NOPE of backend 1 is not in the stored inventory of site 1.');
    expect(run(['bridge', 'device', 'update', '1', '1', '--level', '1:NOPE', '--lang', 'zh-CN']).stderr).toContain('后台 1 的权限组 NOPE 不在工地 1 已保存的设备清单中');
    expect(ok(['bridge', 'device', 'remove', '1', '2']).stdout).toContain('Device #2 removed from bridge 1.');

    expect(ok(['bridge', 'tasks', '1']).stdout).toContain('Bridge 1 has received no task yet.');
    expect(JSON.parse(ok(['bridge', 'tasks', '1', '--json']).stdout)).toEqual({ tasks: [] });
    expect(ok(['bridge', 'queue', '1']).stdout).toBe('Bridge 1: 0 attendance records waiting.\n  ZJ-GATE-01: 0\n');
    expect(JSON.parse(ok(['bridge', 'queue', '1', '--json']).stdout)).toMatchObject({ depth: 0, oldestRecordTime: null, failed: [] });
    expect(ok(['bridge', 'queue', '1', '--lang', 'zh-CN']).stdout).toContain('桥接 1：0 条考勤记录待上报。');

    const gone = run(['bridge', 'queue', '9']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('There is no bridge 9.');
    // Some thirty CLI processes, one after another, on a shared machine.
  }, 180_000);
});
