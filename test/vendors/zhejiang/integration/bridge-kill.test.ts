import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPin } from '../../../../electron/bridge/worker-pin.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore } from '../../../../electron/core/create-core.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';
import type { Worker } from '../../../simulators/zhejiang/tasks.ts';
import { runCliProcess } from '../../../support/cli.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { until } from '../../../support/until.ts';

/**
 * kill -9 of the bridge during task execution (issue 16 item 3, "Tests and benchmarks"): `bridge run`
 * as a child process against the Zhejiang platform simulator (a T_SEND_PERSON of 40 workers, 10 a
 * page, photos by URL) and a K30 simulator behind the device's door, killed with SIGKILL 20 times at
 * varied moments after it comes online (fetching, paging, enrolling, syncing, waiting, reporting),
 * restarted each time, then run to the end. Nothing is lost and no task runs twice on the backend:
 * every worker is on K30 once, each worker's write was queued once, K30 received it more than once
 * only where the outbox re-sent a write whose sender was killed mid-send (its `attempts`), and the
 * platform heard of the task exactly once, status 1 with no failure.
 */
const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
const SN = 'ZJ-GATE-01';
const KILLS = 20;
const WORKERS: Worker[] = Array.from({ length: 40 }, (_, i) => ({ personId: String(4508004291609637000n + BigInt(i)), name: `工人${i + 1}`, photo: 'ok' }));

let platform: ZhejiangSimulator;
let k30: K30Simulator;
let dataDir: string;

beforeAll(async () => {
  platform = await startZhejiangSimulator({ http: true, devices: [SN], pageSize: 10 });
  k30 = await startK30Simulator();
  dataDir = tempDir();
  const core = createCore({ dataDir, runtime: 'node' });
  try {
    const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
    const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
    const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
    const credentials = { accessId: platform.accessId, accessKey: platform.accessKey, accessSecret: platform.accessSecret };
    await call(core, 'bridge.add', { siteId, tcp: platform.tcpAddress, httpsUrl: platform.apiUrl, credentials, settings: { heartbeatSeconds: 5 } });
    await call(core, 'bridge.devices.add', { bridgeId: 1, sn: SN, doors: [{ backendId, doorId: inventory.doors[0]!.id }] });
  } finally {
    await core.close();
  }
});
afterAll(async () => {
  await platform.close();
  await k30.close();
});

interface Run {
  readonly child: ChildProcess;
  readonly out: () => string;
  readonly exited: Promise<number | null>;
}

function bridgeRun(): Run {
  const child = spawn(process.execPath, [cliEntry, 'bridge', 'run', '1', '--data-dir', dataDir], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' } });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, out: () => out, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

const reportsOf = (taskid: string) => platform.statuses.filter((s) => s.taskid === taskid);

describe('bridge run killed with SIGKILL during a task', () => {
  it(`${KILLS} kills while 40 workers load: each on K30 once, never queued twice, the task reported once`, { timeout: 120_000 }, async () => {
    const task = platform.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const db = new Database(join(dataDir, 'doorman.db'), { readonly: true });
    const enrolled = () => (db.prepare('SELECT count(*) AS n FROM bridge_workers').get() as { n: number }).n;
    const taskState = () => (db.prepare('SELECT state FROM bridge_tasks').get() as { state: string } | undefined)?.state;
    const seen = new Set<string>();
    try {
      for (let kill = 0; kill < KILLS; kill += 1) {
        const run = bridgeRun();
        await until(() => run.out().includes(`${SN}: online`) || run.child.exitCode !== null, `bridge run online (kill ${kill + 1})`);
        // Kill points spread over the task: while paging and enrolling (every two more workers), while
        // it waits for its writes on K30 (syncing), and at once after the restart.
        if (kill < KILLS - 2) await until(() => enrolled() >= 2 + 2 * kill || run.child.exitCode !== null, `${2 + 2 * kill} workers enrolled`);
        else if (kill === KILLS - 2) await until(() => taskState() !== 'fetched' && taskState() !== 'running', 'the task past its pages');
        seen.add(taskState() ?? 'none');
        run.child.kill('SIGKILL');
        await run.exited;
      }
    } finally {
      db.close();
    }
    expect(seen).toContain('running');

    const last = bridgeRun();
    await until(() => reportsOf(task.taskid).length > 0 || last.child.exitCode !== null, 'the status report');
    last.child.kill('SIGINT');
    expect(await last.exited).toBe(0);

    // The platform heard of the task once: done, nobody failed, 40 workers with faces on the device.
    expect(reportsOf(task.taskid)).toEqual([expect.objectContaining({ status: 1, personCount: 40, faceCount: 40, failedPersons: [], failedFaces: [], duplicate: false })]);
    // Every worker is on K30, once.
    const jobnumbers = [...k30.state.people.values()].map((p) => p.jobnumber);
    for (const worker of WORKERS) expect(jobnumbers.filter((j) => j === workerPin(worker.personId))).toHaveLength(1);

    // Each worker's write was queued once; K30 got it more than once only when a killed sender's write was sent again.
    const outbox = JSON.parse(runCliProcess(['outbox', 'list', '--json', '--data-dir', dataDir]).stdout) as { entries: { pin: string; action: string; state: string; attempts: number }[] };
    const upserts = outbox.entries.filter((e) => e.action === 'upsert');
    expect(upserts.map((e) => e.pin).sort()).toEqual(WORKERS.map((w) => workerPin(w.personId)).sort());
    expect(upserts.every((e) => e.state === 'done')).toBe(true);
    let resent = 0;
    for (const entry of upserts) {
      const writes = k30.state.personWrites.get(entry.pin) ?? 0;
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThanOrEqual(entry.attempts);
      resent += writes - 1;
    }
    // At most the writes in flight at each kill (two per backend at once).
    expect(resent).toBeLessThanOrEqual(2 * KILLS);
    const tasks = JSON.parse(runCliProcess(['bridge', 'tasks', '1', '--json', '--data-dir', dataDir]).stdout) as { tasks: { taskid: string; state: string; currentPage: number }[] };
    expect(tasks.tasks).toEqual([expect.objectContaining({ taskid: task.taskid, state: 'reported', currentPage: 4 })]);
  });
});
