import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerPin } from '../../../../electron/bridge/worker-pin.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { startZhejiangSimulator, type ZhejiangSimulator } from '../../../simulators/zhejiang/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';
import { until } from '../../../support/until.ts';

/**
 * A worker's pass that reaches Doorman by a K30 *callback* (UploadRecord carries the person's
 * `peopleno`, not the job number) is reported to the platform (issue 16, a doubt raised by B): the
 * worker was loaded onto K30 by a platform task through the outbox, so Doorman stored the K30 person
 * ref and the callback mapping finds the pin from it. The event pipeline's polling is not started:
 * the pass can come only by the callback. Waits are for conditions (20 s ceiling).
 */
const tempDir = useTempDirs();
const SN = 'ZJ-GATE-07';
const WORKER = { personId: '4508004291609636870', name: '赵六', photo: 'ok' as const };

let core: Core;
let k30: K30Simulator;
let sim: ZhejiangSimulator;

beforeAll(async () => {
  core = createCore({ dataDir: tempDir(), runtime: 'node', bridges: { tuning: { heartbeatMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 } } });
  k30 = await startK30Simulator();
  sim = await startZhejiangSimulator({ http: true, devices: [SN] });
});
afterAll(async () => {
  await core?.close();
  await sim?.close();
  await k30?.close();
});

describe('a K30 callback pass of a worker a task loaded', () => {
  it('becomes one C_SIGN_IN with the worker’s personId', async () => {
    const { id: siteId } = await call(core, 'sites.create', { name: 'Gate house', timeZone: 'Asia/Shanghai' });
    const { id: backendId } = await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: k30.url, credentials: { companyNo: k30.companyNo } });
    const inventory = await call(core, 'backends.inventory', { id: backendId, refresh: true });
    const doorId = (inventory?.doors ?? []).map((d) => d.id).sort()[0]!;
    const { id: bridgeId } = await call(core, 'bridge.add', { siteId, tcp: sim.tcpAddress, httpsUrl: sim.apiUrl, credentials: { accessId: sim.accessId, accessKey: sim.accessKey, accessSecret: sim.accessSecret } });
    await call(core, 'bridge.devices.add', { bridgeId, sn: SN, doors: [{ backendId, doorId }] });
    // K30 calls Doorman's receiver for every record (the URL typed into the K30 software).
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    k30.callbacks.configure({ url });
    // The outbox and the bridge only: no event polling.
    core.sync.start();
    core.bridgeRunners.startEnabled();

    // The platform loads the worker; the task is reported once the K30 write is done.
    const task = sim.queueTask({ sn: SN, apicode: 'T_SEND_PERSON', workers: [WORKER], personIds: [], param: undefined });
    await until(() => sim.statuses.some((s) => s.taskid === task.taskid), 'the task reported');
    expect(sim.statuses.filter((s) => s.taskid === task.taskid)).toEqual([expect.objectContaining({ status: 1, failedPersons: [], failedFaces: [] })]);
    const pin = workerPin(WORKER.personId);
    const onK30 = [...k30.state.people.values()].find((p) => p.jobnumber === pin);
    expect(onK30?.devices).toContain(doorId);

    // The worker at the mapped door: K30's UploadRecord callback (peopleno only) → one sign-in.
    const record = k30.emitPassRecord({ deviceno: doorId, peopleno: onK30!.no });
    expect(record.exceptionmode).toBe(1);
    await until(() => sim.signIns.some((s) => s.personId === WORKER.personId), 'the sign-in at the platform');
    const stored = core.db.prepare('SELECT source, person_pin AS pin FROM events WHERE backend_id = ? AND event_id = ?').get(backendId, `k30:${record.no}`);
    expect(stored).toEqual({ source: 'push', pin });
    // Three heartbeats later, still once.
    for (let beat = 0; beat < 3; beat += 1) {
      const last = sim.tcp.lastHeartbeatAt(SN);
      await until(() => sim.tcp.lastHeartbeatAt(SN) !== last, 'a heartbeat');
    }
    expect(sim.signIns.filter((s) => s.personId === WORKER.personId)).toEqual([expect.objectContaining({ sn: SN, personId: WORKER.personId, duplicate: false })]);
  }, 60_000);
});
