import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPin } from '../../../electron/bridge/worker-pin.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../simulators/zhejiang/server.ts';
import type { Worker } from '../../simulators/zhejiang/tasks.ts';
import { runCliProcess } from '../../support/cli.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { cliJson } from '../support/cli.ts';
import { startApp, type App } from '../support/app.ts';

const tempDir = useTempDirs();
const WAIT = { timeout: 20_000 };
const SN = 'ZJ-GATE-01';
const WORKERS: Worker[] = [
  { personId: '4508004291609636864', name: '张三', photo: 'ok' },
  { personId: '4508004291609636865', name: '李四', photo: 'broken' },
  { personId: '4508004291609636866', name: '王五', photo: 'ok' },
];

/**
 * A platform task in the running app (issue 16 item 3): the app runs the enabled bridge by itself;
 * a T_SEND_PERSON queued on the Zhejiang platform loads its workers onto the K30 backend behind the
 * device's door (the Sync page shows their writes done), and the platform hears of the task once,
 * after those writes, with the worker whose photo could not be read in failedFaces. A
 * T_DEL_DEVICE_PERSON then waits for its deletes on K30 the same way, and fails by the one K30 refuses.
 */
describe('a Zhejiang platform task carried out by the running app', () => {
  let k30: K30Simulator;
  let platform: ZhejiangSimulator;
  let app: App;
  let dataDir: string;

  beforeAll(async () => {
    k30 = await startK30Simulator({ host: '127.0.0.9' });
    platform = await startZhejiangSimulator({ http: true, devices: [SN], pageSize: 2 });
    dataDir = tempDir();
    await cliJson(dataDir, 'sites', 'add', 'Gate 4', '--time-zone', 'Asia/Shanghai');
    await cliJson(dataDir, 'sites', 'select', '1');
    await cliJson(dataDir, 'backend', 'add', '--site', '1', '--vendor', 'k30', '--url', k30.url, '--company-no', k30.companyNo);
    await cliJson(dataDir, 'backend', 'inventory', '1');
    const { doors } = await cliJson<{ doors: { doorId: string }[] }>(dataDir, 'doors', 'list', '--site', '1');
    await cliJson(dataDir, 'bridge', 'add', '--site', '1', '--tcp', platform.tcpAddress, '--url', platform.apiUrl, '--access-id', platform.accessId, '--access-key', platform.accessKey, '--access-secret', platform.accessSecret, '--settings', '{"heartbeatSeconds":5}');
    await cliJson(dataDir, 'bridge', 'device', 'add', '1', '--sn', SN, '--door', `1:${doors[0]!.doorId}`);
    app = await startApp(dataDir);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await platform?.close();
    await k30?.close();
  });

  it('loads the workers onto the backend (Sync page: done) and reports the task once, after their writes; a T_DEL_DEVICE_PERSON likewise after the deletes, failed by the one K30 refuses', async () => {
    const task = platform.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: WORKERS, personIds: [], param: undefined });
    const { context, page } = await app.open('sync');
    for (const worker of [WORKERS[0]!, WORKERS[2]!]) {
      await expect.poll(() => page.locator(`[data-testid="outbox-row"][data-pin="${workerPin(worker.personId)}"]`).getAttribute('data-state'), WAIT).toBe('done');
    }
    expect(await page.locator(`[data-testid="outbox-row"][data-pin="${workerPin(WORKERS[1]!.personId)}"]`).count()).toBe(0);
    await expect.poll(() => platform.statuses.filter((s) => s.taskid === task.taskid).length, WAIT).toBe(1);
    expect(platform.statuses.find((s) => s.taskid === task.taskid)).toMatchObject({ status: 1, personCount: 2, faceCount: 2, failedPersons: [], failedFaces: [{ personId: WORKERS[1]!.personId, errCode: '404_2' }] });
    const jobnumbers = [...k30.state.people.values()].map((p) => p.jobnumber);
    expect(jobnumbers).toEqual(expect.arrayContaining([workerPin(WORKERS[0]!.personId), workerPin(WORKERS[2]!.personId)]));
    // The task history says what happened, in English and Chinese (the reason kept for the history, not sent to the platform).
    await expect.poll(async () => (await cliJson<{ tasks: { state: string }[] }>(dataDir, 'bridge', 'tasks', '1')).tasks[0]?.state, WAIT).toBe('reported');
    const history = runCliProcess(['bridge', 'tasks', '1', '--data-dir', dataDir]).stdout;
    expect(history).toMatch(new RegExp(`${task.taskid}  T_SEND_PERSON  reported  2/2`));
    expect(history).toContain(`    failed face ${WORKERS[1]!.personId} (404_2) — the photo could not be read: `);
    const zh = runCliProcess(['bridge', 'tasks', '1', '--data-dir', dataDir, '--lang', 'zh-CN']).stdout;
    expect(zh).toContain('T_SEND_PERSON  已上报  2/2');
    expect(zh).toContain(`    失败人脸 ${WORKERS[1]!.personId}（404_2）`);

    // Then the platform deletes both workers: reported only once K30 has the deletes, failed by the one K30 refuses.
    const [refused, deleted] = [WORKERS[0]!, WORKERS[2]!];
    // K30 takes 3 s for each delete and refuses the first worker's.
    const slow = k30.faults.latency(3000, { endpoint: 'people.delete' });
    k30.state.deleteRefusals.set(workerPin(refused.personId), '人员存在未处理记录，不能删除');
    const del = platform.queueTask({ sn: SN, apicode: 'T_DEL_DEVICE_PERSON', workers: [], personIds: [refused.personId, deleted.personId], param: undefined });
    const heard = () => platform.statuses.filter((s) => s.taskid === del.taskid);
    // A delete is on its way to K30: the platform has not heard of the task.
    await expect.poll(() => page.locator('[data-testid="outbox-row"][data-state="sending"]').count(), WAIT).toBeGreaterThan(0);
    expect(heard()).toEqual([]);
    await expect.poll(() => page.locator(`[data-testid="outbox-row"][data-pin="${workerPin(refused.personId)}"][data-state="failed"]`).count(), WAIT).toBe(1);
    await expect.poll(() => page.locator(`[data-testid="outbox-row"][data-pin="${workerPin(deleted.personId)}"][data-state="done"]`).count(), WAIT).toBe(2);
    await expect.poll(() => heard().length, WAIT).toBe(1);
    expect(heard()[0]).toMatchObject({ status: 2, personCount: 0, faceCount: 0 });
    const left = [...k30.state.people.values()].map((p) => p.jobnumber);
    expect(left).toContain(workerPin(refused.personId));
    expect(left).not.toContain(workerPin(deleted.personId));
    await expect.poll(async () => (await cliJson<{ tasks: { taskid: string; state: string }[] }>(dataDir, 'bridge', 'tasks', '1')).tasks.find((t) => t.taskid === del.taskid)?.state, WAIT).toBe('reported');
    const delHistory = runCliProcess(['bridge', 'tasks', '1', '--data-dir', dataDir]).stdout;
    expect(delHistory).toContain(`    failed worker ${refused.personId} (404_1) — backend 1: `);
    expect(delHistory).toContain('不能删除');
    k30.faults.clear(slow);
    await context.close();
  });
});
