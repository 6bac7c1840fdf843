import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HongtuAdapter } from '../../../../electron/drivers/hongtu/adapter.ts';
import { SEED_IDS } from '../../../simulators/hongtu/seed.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../../simulators/hongtu/server.ts';
import { callHongtu, envelope } from './hongtu-http.ts';

let sim: HongtuSimulator;
let adapter: HongtuAdapter;

/** A face panel at the front door (an access-control point), and the seed's camera. */
const PANEL = 'e0000000000000000000000000000001';
const CAMERA = SEED_IDS.camera;

beforeEach(async () => {
  sim = await startHongtuSimulator();
  sim.state.addDevice({ uuid: PANEL, name: '前门面板', location: '一楼大厅', deviceType: 2, deviceModel: 40, discoveryMethod: 1, online: true, isDoor: true }, Date.now());
  adapter = new HongtuAdapter({ baseUrl: sim.url, appKey: sim.appKey, secretKey: sim.secretKey, timeoutMs: 5_000 });
});

afterEach(async () => {
  await adapter.close();
  await sim.close();
});

const T0 = Date.parse('2026-03-02T02:00:00Z');

async function alarmList(body: Record<string, unknown>) {
  return envelope(await callHongtu(sim.url, 'POST', '/v1/api/device_alarm/list', { body, appKey: sim.appKey, secretKey: sim.secretKey }));
}

describe('Hongtu simulator: device_alarm/list (deviceAlarm.list)', () => {
  it('lists emitted alarms newest first with the document\'s fields, filtered by time range, type, status and devices, paged', async () => {
    sim.emitDeviceAlarm({ deviceUuid: PANEL, alarmType: 500100, at: T0 });
    sim.emitDeviceAlarm({ deviceUuid: CAMERA, alarmType: 500500, at: T0 + 1000 });
    sim.emitDeviceAlarm({ deviceUuid: PANEL, alarmType: 500100, alarmStatus: 0, at: T0 + 2000 });

    const all = await alarmList({});
    expect(all.code).toBe(0);
    const data = all.data as { total: number; list: Record<string, unknown>[] };
    expect(data.total).toBe(3);
    expect(data.list.map((item) => item['alarmTime'])).toEqual([String(T0 + 2000), String(T0 + 1000), String(T0)]);
    expect(Object.keys(data.list[2] ?? {}).sort()).toEqual(
      ['alarmStatus', 'alarmStatusNow', 'alarmTime', 'alarmType', 'deviceLocation', 'deviceModel', 'deviceName', 'deviceStatus', 'deviceType', 'deviceUuid', 'gmtCreate', 'gmtModified'].sort(),
    );
    // The tamper alarm was cleared since: its current status is 0.
    expect(data.list[2]).toMatchObject({ deviceUuid: PANEL, alarmType: 500100, alarmStatus: 1, alarmStatusNow: 0 });

    const items = async (body: Record<string, unknown>) => ((await alarmList(body)).data as { list: Record<string, unknown>[] }).list;
    expect(await items({ startAlarmTime: String(T0 + 1000) })).toHaveLength(2);
    expect(await items({ startAlarmTime: T0, endAlarmTime: T0 + 1000 })).toHaveLength(1);
    expect(await items({ alarmType: 500500 })).toMatchObject([{ deviceUuid: CAMERA }]);
    expect(await items({ alarmStatus: 1 })).toHaveLength(2);
    expect(await items({ deviceUuids: [CAMERA] })).toHaveLength(1);
    const second = (await alarmList({ pageNum: 2, pageSize: 2 })).data as { pageNum: number; total: number; list: unknown[] };
    expect(second).toMatchObject({ pageNum: 2, total: 3 });
    expect(second.list).toHaveLength(1);
  });

  it('refuses a time that is neither "yyyy-MM-dd HH:mm:ss" nor epoch ms (100003), and a start after the end (121040)', async () => {
    expect((await alarmList({ startAlarmTime: 'yesterday' })).code).toBe(100003);
    expect((await alarmList({ startAlarmTime: T0 + 1, endAlarmTime: T0 })).code).toBe(121040);
    expect((await alarmList({ startAlarmTime: '2020-01-01 10:00:00' })).code).toBe(0);
  });

  it('POST /__sim/device-alarms adds one; an undocumented alarmType or unknown device is refused', async () => {
    const admin = (body: unknown) => fetch(`${sim.url}/__sim/device-alarms`, { method: 'POST', headers: { authorization: `Bearer ${sim.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const res = await admin({ alarmType: 500104, deviceUuid: PANEL, at: T0 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ alarmType: 500104, alarmStatus: 1, alarmTime: T0, deviceUuid: PANEL });
    expect((await admin({ alarmType: 123 })).status).toBe(400);
    expect((await admin({ alarmType: 500100, deviceUuid: 'nope' })).status).not.toBe(200);
    expect(sim.deviceAlarms.all()).toHaveLength(1);
  });
});

describe('Hongtu adapter: events() reads device alarms with the pass records', () => {
  it('a raised alarm is an alarm event with its record; a cleared one is none; the cursor moves past both lists', async () => {
    const start = adapter.eventsCursorAt(new Date(T0 - 60_000));
    const pass = sim.emitPassRecord({ deviceUuid: PANEL, at: T0 });
    sim.emitDeviceAlarm({ deviceUuid: PANEL, alarmType: 500100, at: T0 + 5000 });
    sim.emitDeviceAlarm({ deviceUuid: PANEL, alarmType: 500100, alarmStatus: 0, at: T0 + 6000 });

    const page = await adapter.events(start);
    expect(page.events.map((e) => [e.kind, e.eventId])).toEqual([
      [expect.any(String), `ht:${pass.id}`],
      ['alarm', `ht:alarm:${PANEL}:500100:${T0 + 5000}`],
    ]);
    expect(page.events[1]).toMatchObject({ kind: 'alarm', doorId: PANEL, description: '防拆报警', occurredAt: new Date(T0 + 5000).toISOString() });
    expect(page.raw?.get(`ht:alarm:${PANEL}:500100:${T0 + 5000}`)).toMatchObject({ alarmType: 500100, alarmStatus: 1 });

    // Read again from the new cursor: nothing twice; a pass record at the alarm's very time still comes.
    expect((await adapter.events(page.cursor)).events).toEqual([]);
    const later = sim.emitPassRecord({ deviceUuid: PANEL, at: T0 + 5000 });
    const fire = sim.emitDeviceAlarm({ deviceUuid: CAMERA, alarmType: 500500, at: T0 + 7000 });
    const next = await adapter.events(page.cursor);
    expect(next.events.map((e) => e.eventId)).toEqual([`ht:${later.id}`, `ht:alarm:${CAMERA}:500500:${fire.alarmTime}`]);
    expect((await adapter.events(next.cursor)).events).toEqual([]);
  });
});

describe('Hongtu adapter: a platform that refuses the device alarm list', () => {
  it('still gives the pass records (the alarm list is a second source, not a condition)', async () => {
    const start = adapter.eventsCursorAt(new Date(T0 - 60_000));
    const pass = sim.emitPassRecord({ deviceUuid: PANEL, at: T0 });
    const rule = sim.faults.httpError(500, { endpoint: 'deviceAlarm.list' });
    try {
      const page = await adapter.events(start);
      expect(page.events.map((e) => e.eventId)).toContain(`ht:${pass.id}`);
    } finally {
      sim.faults.clear(rule);
    }
  });
});
