import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../../shared/contract/backends.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore } from '../../../../electron/core/create-core.ts';
import { PeopleTable } from '../../../../electron/store/people-table.ts';
import { DEFAULT_COMPANY_NO } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangTcpSimulator, type ZhejiangTcpSimulator } from '../../../simulators/zhejiang/tcp-server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { workerPass } from '../worker-pass.ts';

/**
 * Kill -9 during the attendance drain (issue 16 item 4): `bridge run` as its own process drains a
 * backlog of 300 stored passes (caught up from the events table at its start) to the strict TCP
 * platform simulator, and is killed with SIGKILL 20 times, each time a few more records have
 * reached the platform. A last run finishes. Every record arrived; the duplicates the simulator
 * flags (the record acknowledged but not yet removed when the process died) are at most one per kill.
 */
const tempDir = useTempDirs();
const cliEntry = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
const CREDENTIALS = { accessId: 'e752cf16af1c462a9859d565ebaac6c7', accessKey: 'a9f88d5b5f4e4c94962ee3feaa85cdc3', accessSecret: '93f6218530984c32a3bf2b3d03dcb417' };
const SN = 'ZJ-GATE-01';
const RECORDS = 300;
const KILLS = 20;
/** Records each run gets to the platform before it is killed (20 × 8 leaves the last run 140). */
const PER_RUN = 8;

let k30: K30Simulator;
let platform: ZhejiangTcpSimulator;
beforeAll(async () => {
  k30 = await startK30Simulator();
  platform = await startZhejiangTcpSimulator({ ...CREDENTIALS, devices: [SN] });
});
afterAll(async () => {
  await platform.close();
  await k30.close();
});

async function until(condition: () => boolean, what: string, child?: ChildProcess, output?: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output?.() ?? ''}`);
    if (child && child.exitCode !== null) throw new Error(`bridge run exited (${child.exitCode}) before ${what}\n${output?.() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** A data folder with the site, the K30 backend, the bridge (device for one door, worker 1001 mapped) and the passes stored. */
async function prepare(dataDir: string): Promise<number[]> {
  const core = createCore({ dataDir, runtime: 'node' });
  try {
    const { id: siteId } = (await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' })) as { id: number };
    const { id: backendId } = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: DEFAULT_COMPANY_NO } })) as { id: number };
    const inventory = (await call(core, 'backends.inventory', { id: backendId, refresh: true })) as { doors: { id: string }[] };
    const door = inventory.doors.map((d) => d.id).sort()[0]!;
    const { id: bridgeId } = (await call(core, 'bridge.add', { siteId, tcp: `${platform.host}:${platform.port}`, httpsUrl: 'http://127.0.0.1:9', credentials: CREDENTIALS })) as { id: number };
    const { id: deviceId } = (await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId: door }] })) as { id: number };
    const now = new Date().toISOString();
    const worker = new PeopleTable(core.db).upsert(siteId, '1001', JSON.stringify({ name: '张三' }), null, null, now);
    core.bridges.tables.workers.put(deviceId, '4508004291609636864', worker.id, now);
    const first = Date.parse('2026-12-07T07:00:00+08:00');
    const times = Array.from({ length: RECORDS }, (_, i) => first + i * 1_000);
    const wall = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    const events: AccessEvent[] = times.map((t, i) => workerPass(50_000 + i, door, wall(t)));
    for (let i = 0; i < RECORDS; i += 50) core.events.store(backendId, 'poll', events.slice(i, i + 50).map((event) => ({ event })));
    return times;
  } finally {
    await core.close();
  }
}

function bridgeRun(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  const child = spawn(process.execPath, [cliEntry, 'bridge', 'run', '1', '--data-dir', dataDir], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'en_US.UTF-8' } });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => text.slice(-4000), exited };
}

describe('Zhejiang attendance: kill -9 during the drain', () => {
  it(`every record arrives after ${KILLS} SIGKILLs; duplicates at most one per kill`, async () => {
    const dataDir = tempDir();
    const times = await prepare(dataDir);
    let kills = 0;
    for (let run = 0; run < KILLS; run++) {
      const before = platform.signIns.length;
      const { child, output, exited } = bridgeRun(dataDir);
      await until(() => platform.signIns.length >= before + PER_RUN, `${PER_RUN} more sign-ins (run ${run + 1})`, child, output);
      child.kill('SIGKILL');
      kills += 1;
      await exited;
    }
    const { child, output, exited } = bridgeRun(dataDir);
    const arrived = () => new Set(platform.signIns.map((s) => s.recordTime)).size;
    await until(() => arrived() === RECORDS, 'every record', child, output);
    child.kill('SIGINT');
    await exited;
    expect(child.exitCode).toBe(0);

    expect(kills).toBe(KILLS);
    expect([...new Set(platform.signIns.map((s) => s.recordTime))].sort((a, b) => a - b)).toEqual(times);
    const duplicates = platform.signIns.filter((s) => s.duplicate).length;
    expect(duplicates).toBeLessThanOrEqual(kills);
    expect(platform.signIns.length).toBe(RECORDS + duplicates);
    // The first arrival of each record is in time order: a kill never lets a newer one overtake.
    const firsts = platform.signIns.filter((s) => !s.duplicate).map((s) => s.recordTime);
    expect(firsts).toEqual(times);
  }, 60_000);
});
