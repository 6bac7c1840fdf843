import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeState } from '../../../../shared/contract/index.ts';
import { call } from '../../../../electron/cli/call.ts';
import { BridgeLeases } from '../../../../electron/bridge/bridge-lease.ts';
import { BridgeRunners } from '../../../../electron/bridge/bridge-runners.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { SitesTable } from '../../../../electron/store/sites-table.ts';
import { runCliProcess } from '../../../support/cli.ts';
import type { JsonLineProcess } from '../../../support/json-line-process.ts';
import { until } from '../../../support/until.ts';
import { startZhejiangSimProcess, type ZhejiangSimInfo } from '../../../support/sim-process.ts';

/**
 * One runner per bridge (issue 16 item 2): `bridge run` in a terminal and the app's background
 * runners (a core's BridgeRunners, as startBackground makes them) share the bridge's lease in the
 * data folder. A second `bridge run` is refused (who, since when, what to do; en and zh-CN; exit 1);
 * the app skips the bridge and shows it `elsewhere`, then takes it over when the terminal stops —
 * at once when the terminal was killed with -9. `bridge status` from another terminal says where it
 * runs. The simulator and each CLI are their own processes; waits are for conditions (20 s).
 */
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));


const children: ChildProcessWithoutNullStreams[] = [];

/** `bridge run <id>` as its own process, its output gathered. */
function bridgeRun(dataDir: string, bridgeId: number) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cliEntry, 'bridge', 'run', String(bridgeId), '--data-dir', dataDir], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' },
  });
  children.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited };
}

describe('one runner per bridge', () => {
  let sim: JsonLineProcess<ZhejiangSimInfo>;
  let core: Core;
  let dataDir: string;
  let bridgeId: number;
  beforeAll(async () => {
    sim = await startZhejiangSimProcess();
    // One data folder for the whole file (the lease is the state the tests hand on).
    dataDir = mkdtempSync(join(tmpdir(), 'doorman-test-'));
    core = createCore({ dataDir, runtime: 'node' });
    const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
    const info = sim.info;
    ({ id: bridgeId } = (await call(core, 'bridge.add', {
      siteId,
      tcp: info.tcp,
      httpsUrl: info.url,
      credentials: { accessId: info.accessId, accessKey: info.accessKey, accessSecret: info.accessSecret },
    })) as { id: number });
    await call(core, 'bridge.devices.add', { bridgeId, sn: info.devices[0]! });
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await core.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The app's background runners on the same data folder, looking again every 100 ms. */
  function appRunners(): BridgeRunners {
    return new BridgeRunners(
      { bridges: core.bridges, bus: core.bus, people: new PeopleTable(core.db), sites: new SitesTable(core.db), log: core.log, tuning: { heartbeatMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 } },
      { checkMs: 100 },
    );
  }

  it('a terminal holds the bridge: a second terminal is refused, the app waits and takes over when it stops', async () => {
    const first = bridgeRun(dataDir, bridgeId);
    await until(() => first.out.stderr.includes('is running with 1 device') || first.child.exitCode !== null, 'the first bridge run');
    await until(() => first.out.stdout.includes(': online'), `the first bridge run online: ${first.out.stdout}${first.out.stderr}`);

    const second = runCliProcess(['bridge', 'run', String(bridgeId), '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Bridge ${bridgeId} is already running in a terminal (bridge run) (pid ${first.child.pid} on ${hostname()}) since `);
    expect(second.stderr).toContain('close the desktop app, or stop “bridge run” in the other terminal (Ctrl+C), then try again');
    expect(second.stderr).not.toMatch(/\d{4}-\d\d-\d\dT/); // the time is the site's, not an ISO instant
    const zh = runCliProcess(['bridge', 'run', String(bridgeId), '--data-dir', dataDir, '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain(`桥接 ${bridgeId} 已在终端（bridge run）中运行（${hostname()} 上的进程 ${first.child.pid}）`);
    expect(zh.stderr).toContain('请关闭桌面应用，或在另一个终端停止“bridge run”（Ctrl+C），然后重试');

    const status = runCliProcess(['bridge', 'status', String(bridgeId), '--data-dir', dataDir]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain(`Bridge ${bridgeId}: running in a terminal (bridge run) (pid ${first.child.pid} on ${hostname()}) since `);
    const statusJson = JSON.parse(runCliProcess(['bridge', 'status', String(bridgeId), '--json', '--data-dir', dataDir]).stdout) as BridgeState;
    expect(statusJson).toMatchObject({ running: false, elsewhere: { holder: 'terminal', pid: first.child.pid, host: hostname() }, devices: [{ status: 'elsewhere' }] });

    const app = appRunners();
    const states: BridgeState[] = [];
    const unlisten = core.bus.listen((name, payload) => {
      if (name === 'bridge.state') states.push(payload as BridgeState);
    });
    try {
      app.startEnabled();
      expect(app.status(bridgeId)).toMatchObject({ running: false, elsewhere: { holder: 'terminal', pid: first.child.pid }, devices: [{ status: 'elsewhere' }] });
      expect(states.at(-1)).toMatchObject({ bridgeId, elsewhere: { holder: 'terminal' } });

      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      await until(() => app.status(bridgeId).devices[0]?.status === 'online', 'the app online after the terminal stopped');
      expect(app.status(bridgeId).elsewhere).toBeUndefined();

      const refused = runCliProcess(['bridge', 'run', String(bridgeId), '--data-dir', dataDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`Bridge ${bridgeId} is already running in the desktop app (pid ${process.pid} on ${hostname()}) since `);
      const seen = JSON.parse(runCliProcess(['bridge', 'status', String(bridgeId), '--json', '--data-dir', dataDir]).stdout) as BridgeState;
      expect(seen.elsewhere).toMatchObject({ holder: 'app', pid: process.pid });
    } finally {
      unlisten();
      await app.close();
    }
    // Closed, the app gave the bridge up.
    expect(JSON.parse(runCliProcess(['bridge', 'status', String(bridgeId), '--json', '--data-dir', dataDir]).stdout)).toMatchObject({ running: false, devices: [{ status: 'stopped' }] });
  });

  it('a terminal killed with -9 leaves its lease behind: the app takes the bridge over at once', async () => {
    const killed = bridgeRun(dataDir, bridgeId);
    await until(() => killed.out.stderr.includes('is running with 1 device') || killed.child.exitCode !== null, 'the bridge run');
    expect(killed.out.stderr).toContain('is running with 1 device');
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(core.bridges.tables.leases.get(bridgeId)).toMatchObject({ holder: 'terminal', pid: killed.child.pid });

    const app = appRunners();
    try {
      app.startEnabled();
      expect(app.status(bridgeId)).toMatchObject({ running: true });
      expect(core.bridges.tables.leases.get(bridgeId)).toMatchObject({ holder: 'app', pid: process.pid });
    } finally {
      await app.close();
    }
  });

  it('a lease from another computer holds until it is 90 s old; a dead pid only counts on this computer', () => {
    const leases = core.bridges.tables.leases;
    const other = new BridgeLeases(leases, { pid: 4242, host: 'other-pc' });
    const here = new BridgeLeases(leases);
    expect(other.acquire(bridgeId, 'terminal')).toBeUndefined();
    // pid 4242 is not alive here, but it is another computer's pid: held.
    expect(here.acquire(bridgeId, 'app')).toMatchObject({ holder: 'terminal', host: 'other-pc', pid: 4242 });
    expect(here.elsewhere(bridgeId)).toMatchObject({ host: 'other-pc' });
    // Not renewed for 91 s: given up.
    core.db.prepare('UPDATE bridge_leases SET renewed_at = ? WHERE bridge_id = ?').run(new Date(Date.now() - 91_000).toISOString(), bridgeId);
    expect(here.elsewhere(bridgeId)).toBeUndefined();
    expect(here.acquire(bridgeId, 'app')).toBeUndefined();
    // The other computer learns it lost the bridge when it renews.
    expect(other.renew(bridgeId)).toBe(false);
    expect(here.renew(bridgeId)).toBe(true);
    here.release(bridgeId);
    expect(leases.get(bridgeId)).toBeUndefined();
  });
});
