import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { BridgeConfigsTable } from '../../../electron/store/bridge-configs-table.ts';
import { BridgeDevicesTable } from '../../../electron/store/bridge-devices-table.ts';
import { backoffMs, BridgeSigninsTable, SIGNIN_BACKOFF, type NewSignin } from '../../../electron/store/bridge-signins-table.ts';
import { BridgeTasksTable } from '../../../electron/store/bridge-tasks-table.ts';
import { BridgeWorkersTable } from '../../../electron/store/bridge-workers-table.ts';
import { openStore } from '../../../electron/store/database.ts';
import { PeopleTable } from '../../../electron/store/people-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const NOW = '2026-12-07T10:00:00.000Z';
const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A store file in a temp folder with a site, a backend and a bridge with two devices. */
function setUp(path = join(tempDir(), 'doorman.db')) {
  const db = openStore(path).db;
  opened.push(db);
  new SitesTable(db).insert('Site', NOW, 'Asia/Shanghai');
  new BackendsTable(db).insert({ siteId: 1, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: [] }, NOW);
  const bridges = new BridgeConfigsTable(db);
  const bridge = bridges.insert(
    { siteId: 1, name: 'Platform', tcpHost: '127.0.0.1', tcpPort: 9000, httpsUrl: 'https://p.example', tls: { mode: 'verify' }, credentialsSealed: 'sealed', settings: '{}', enabled: true },
    NOW,
  );
  const devices = new BridgeDevicesTable(db);
  const gate = devices.insert(bridge.id, 'SN-GATE', [{ backendId: 1, doorId: 'D1' }], NOW);
  const side = devices.insert(bridge.id, 'SN-SIDE', [], NOW);
  return { path, db, bridges, bridge, devices, gate, side, signins: new BridgeSigninsTable(db), tasks: new BridgeTasksTable(db), workers: new BridgeWorkersTable(db) };
}

const pass = (deviceId: number, eventId: string, recordTime: number): NewSignin => ({ deviceId, backendId: 1, eventId, personId: `P${eventId}`, recordTime, type: '1' });

describe('bridge_signins: the attendance queue', () => {
  it('enqueues a pass once (backend_id + event_id) and hands them out oldest record time first, one in flight per device', () => {
    const { signins, gate, side } = setUp();
    expect(signins.enqueue(pass(gate.id, 'e2', 2_000), 10)).toBe(true);
    expect(signins.enqueue(pass(gate.id, 'e1', 1_000), 10)).toBe(true);
    expect(signins.enqueue(pass(gate.id, 'e1', 1_000), 11)).toBe(false);
    expect(signins.enqueue({ ...pass(side.id, 's1', 500), temperature: 36.7, photoRef: 'faces/abc.jpg' }, 10)).toBe(true);
    expect(signins.depth(gate.id)).toEqual({ depth: 2, oldestRecordTime: 1_000 });

    const first = signins.claim(gate.id, 100)!;
    expect(first).toMatchObject({ eventId: 'e1', personId: 'Pe1', state: 'sending', sn: 'SN-GATE', attempts: 0 });
    expect(signins.claim(gate.id, 100)).toBeUndefined();
    const other = signins.claim(side.id, 100)!;
    expect(other).toMatchObject({ eventId: 's1', temperature: 36.7, photoRef: 'faces/abc.jpg', type: '1' });

    signins.done(first.id);
    expect(signins.claim(gate.id, 100)).toMatchObject({ eventId: 'e2' });
    expect(signins.depth(gate.id)).toEqual({ depth: 1, oldestRecordTime: 2_000 });
  });

  it('on failure counts the attempt, keeps the error and waits out a doubling backoff; a record in backoff does not hold back newer ones', () => {
    const { signins, gate, bridge } = setUp();
    signins.enqueue(pass(gate.id, 'e1', 1_000), 0);
    signins.enqueue(pass(gate.id, 'e2', 2_000), 0);
    const first = signins.claim(gate.id, 1_000)!;
    signins.failed(first.id, '500_01 系统异常', 1_000);
    expect(signins.get(first.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: '500_01 系统异常', nextAttemptAt: 1_000 + SIGNIN_BACKOFF.firstMs });

    const second = signins.claim(gate.id, 1_001)!;
    expect(second.eventId).toBe('e2');
    signins.done(second.id);
    expect(signins.claim(gate.id, 1_000 + SIGNIN_BACKOFF.firstMs - 1)).toBeUndefined();
    expect(signins.claim(gate.id, 1_000 + SIGNIN_BACKOFF.firstMs)?.eventId).toBe('e1');
    signins.failed(first.id, 'timeout', 10_000);
    expect(signins.get(first.id)).toMatchObject({ attempts: 2, nextAttemptAt: 10_000 + 2 * SIGNIN_BACKOFF.firstMs });
    expect(backoffMs(40)).toBe(SIGNIN_BACKOFF.maxMs);

    expect(signins.failures(bridge.id, 10).map((s) => [s.eventId, s.lastError])).toEqual([['e1', 'timeout']]);
    expect(signins.retryNow(bridge.id, 10_001)).toBe(1);
    expect(signins.claim(gate.id, 10_001)?.eventId).toBe('e1');
  });

  it('after a kill, the record left sending goes back to queued when the file is opened again: only it repeats', () => {
    const { signins, gate, path, db } = setUp();
    for (let i = 1; i <= 3; i++) signins.enqueue(pass(gate.id, `e${i}`, i * 1_000), 0);
    const done = signins.claim(gate.id, 0)!;
    signins.done(done.id);
    const inFlight = signins.claim(gate.id, 0)!;
    db.close();
    opened.splice(0);

    const reopened = openStore(path).db;
    opened.push(reopened);
    const again = new BridgeSigninsTable(reopened);
    expect(again.claim(gate.id, 0)).toBeUndefined();
    expect(again.requeueSending()).toBe(1);
    const sent: string[] = [];
    for (let s = again.claim(gate.id, 0); s; s = again.claim(gate.id, 0)) {
      sent.push(s.eventId);
      again.done(s.id);
    }
    expect(sent).toEqual([inFlight.eventId, 'e3']);
    expect(again.depth(gate.id)).toEqual({ depth: 0, oldestRecordTime: null });
  });

  it('reports the depth per device of a bridge, empty devices included', () => {
    const { signins, gate, side, bridge } = setUp();
    signins.enqueue(pass(gate.id, 'e1', 1_000), 0);
    expect(signins.bridgeDepths(bridge.id)).toEqual([
      { deviceId: gate.id, sn: 'SN-GATE', depth: 1, oldestRecordTime: 1_000 },
      { deviceId: side.id, sn: 'SN-SIDE', depth: 0, oldestRecordTime: null },
    ]);
  });
});

describe('bridge_tasks', () => {
  it('keeps each taskid once per device and resumes from the last durable step', () => {
    const { tasks, gate, side, bridge } = setUp();
    expect(tasks.receive(gate.id, ['t1', 't2'], NOW)).toEqual(['t1', 't2']);
    expect(tasks.receive(gate.id, ['t2', 't3'], NOW)).toEqual(['t3']);
    expect(tasks.receive(side.id, ['t1'], NOW)).toEqual(['t1']);
    const [t1] = tasks.open(gate.id);
    tasks.fetched(t1!.id, 'T_SEND_PERSON', { note: 'x' }, NOW);
    tasks.progress(t1!.id, 2, 5, NOW);
    expect(tasks.get(t1!.id)).toMatchObject({ state: 'running', apicode: 'T_SEND_PERSON', param: { note: 'x' }, currentPage: 2, totalPage: 5 });
    tasks.finish(t1!.id, { state: 'done', failedPersons: [{ personId: 'P1', reason: 'no face' }] }, NOW);
    expect(tasks.get(t1!.id)).toMatchObject({ state: 'done', failedPersons: [{ personId: 'P1', reason: 'no face' }], failedFaces: [], finishedAt: NOW });
    tasks.reported(t1!.id, NOW);
    expect(tasks.open(gate.id).map((t) => t.taskid)).toEqual(['t2', 't3']);
    expect(tasks.history(bridge.id, 10).map((t) => `${t.sn}/${t.taskid}/${t.state}`)).toEqual(['SN-SIDE/t1/received', 'SN-GATE/t3/received', 'SN-GATE/t2/received', 'SN-GATE/t1/reported']);
    expect(() => tasks.finish(t1!.id, { state: 'reported' as 'done' }, NOW)).toThrow(RangeError);
  });
});

describe('bridge devices and workers', () => {
  it('keeps sn unique per bridge, a door on one device per bridge, and maps a door to its device', () => {
    const { devices, bridge, gate } = setUp();
    expect(() => devices.insert(bridge.id, 'SN-GATE', [], NOW)).toThrow(/UNIQUE/);
    expect(() => devices.insert(bridge.id, 'SN-3', [{ backendId: 1, doorId: 'D1' }], NOW)).toThrow(/UNIQUE/);
    expect(devices.bySn(bridge.id, 'SN-3')).toBeUndefined();
    expect(devices.doorOwner(bridge.id, { backendId: 1, doorId: 'D1' })).toEqual({ id: gate.id, sn: 'SN-GATE' });
    expect(devices.forDoor(1, 'D1')).toEqual([{ bridgeId: bridge.id, deviceId: gate.id, sn: 'SN-GATE' }]);
    expect(devices.list(bridge.id).map((d) => [d.sn, d.doors])).toEqual([['SN-GATE', [{ backendId: 1, doorId: 'D1' }]], ['SN-SIDE', []]]);
    expect(devices.remove(bridge.id, gate.id)).toBe(true);
    expect(devices.forDoor(1, 'D1')).toEqual([]);
  });

  it('maps platform workers to Doorman people per device, one worker on several devices', () => {
    const { db, workers, gate, side, bridge } = setUp();
    new PeopleTable(db).upsert(1, '7', '{}', null, null, NOW);
    workers.put(gate.id, 'P-1', 1, NOW);
    workers.put(side.id, 'P-1', 1, NOW);
    workers.put(gate.id, 'P-2', null, NOW);
    expect(workers.count(gate.id)).toBe(2);
    expect(workers.personIdOf(side.id, 1)).toBe('P-1');
    expect(workers.byPersonId(bridge.id, 'P-1').map((w) => w.deviceId)).toEqual([gate.id, side.id]);
    expect(workers.remove(gate.id, 'P-1')).toBe(true);
    expect(workers.clear(gate.id)).toBe(1);
    expect(workers.list(side.id)).toMatchObject([{ personId: 'P-1', doormanPersonId: 1 }]);
    db.exec('DELETE FROM people WHERE id = 1');
    expect(workers.list(side.id)).toMatchObject([{ personId: 'P-1', doormanPersonId: null }]);
  });
});
