import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccessEvent, Alarm } from '../../../shared/contract/index.ts';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startK30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startCore(): Promise<{ core: Core; siteId: number }> {
  const core = createCore({ dataDir: tempDir(), runtime: 'node' });
  closers.push(() => core.close());
  const siteId = (await call(core, 'sites.create', { name: 'Gate house' })).id;
  return { core, siteId };
}

function nextAlarm(core: Core): Promise<{ alarm: Alarm; open: number }> {
  return new Promise((resolve) => {
    const stop = core.bus.listen((event, payload) => {
      if (event !== 'alarms.raised') return;
      stop();
      resolve(payload as { alarm: Alarm; open: number });
    });
  });
}

describe('alarms from the simulators, through the core', () => {
  it('ZKBio: a transaction with eventLevel 2 "Duress Password Open" raises a duress alarm, once', async () => {
    const sim = await startZkbioSimulator({ token: 'alarm-test-token' });
    closers.push(() => sim.close());
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: sim.token } })).id;
    sim.emitTransaction({ eventLevel: 2, eventNo: 101, eventName: 'Duress Password Open' });
    sim.emitTransaction({});
    // What the event pipeline does with a poll: store what is new, announce it.
    const driver = await core.backends.driverOf(backendId);
    const page = await driver.events(driver.eventsCursorAt(new Date(Date.now() - 60_000)));
    for (let i = 0; i < 2; i++) {
      const { added } = core.events.add(backendId, 'poll', page.events.map((event) => ({ event })));
      if (added.length > 0) core.bus.emit('events.received', { backendId, events: added });
    }
    await core.alarms.idle();
    const { alarms } = await call(core, 'alarms.list', { siteId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ alarmClass: 'duress', backendId, ack: null, reason: { en: 'Duress opening', 'zh-CN': '胁迫开门' } });
    expect(await call(core, 'alarms.count', { siteId })).toEqual({ open: 1 });
  });

  it('K30: an UploadRecord callback with recogMode 16 raises duress; ack keeps who, when, where and the note', async () => {
    const sim = await startK30Simulator();
    closers.push(() => sim.close());
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1', signCheck: 'strict' });
    sim.callbacks.configure({ url });
    const raised = nextAlarm(core);
    sim.emitPassRecord({ mode: 16 });
    const { alarm, open } = await raised;
    expect(alarm).toMatchObject({ alarmClass: 'duress', backendId, siteId, ack: null });
    expect(open).toBe(1);

    await call(core, 'alarms.setSettings', { guardName: 'Wang Wei' });
    const acked = new Promise<{ alarm: Alarm; open: number }>((resolve) => {
      const stop = core.bus.listen((event, payload) => {
        if (event !== 'alarms.acked') return;
        stop();
        resolve(payload as { alarm: Alarm; open: number });
      });
    });
    const before = Date.now();
    const done = await call(core, 'alarms.ack', { id: alarm.id, note: 'Called the police' });
    expect(done.ack).toMatchObject({ by: 'Wang Wei', note: 'Called the police' });
    expect(done.ack?.station).not.toBe('');
    expect(Date.parse(done.ack?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
    expect((await acked).open).toBe(0);
    await expect(call(core, 'alarms.ack', { id: alarm.id })).rejects.toMatchObject({ code: 'alarm_already_acknowledged' });
    await expect(call(core, 'alarms.ack', { id: 9999 })).rejects.toMatchObject({ code: 'alarm_not_found' });
    expect(await call(core, 'alarms.count', { siteId })).toEqual({ open: 0 });
    // Kept: the list still has it, acknowledged.
    const { alarms } = await call(core, 'alarms.list', { siteId, open: false });
    expect(alarms.map((a) => a.ack?.by)).toEqual(['Wang Wei']);
    expect((await call(core, 'alarms.list', { siteId, open: true })).alarms).toEqual([]);
  });

  it('Hongtu: a pushed stranger (recognitionType 4) raises a stranger alarm', async () => {
    const sim = await startHongtuSimulator();
    closers.push(() => sim.close());
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id;
    await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    const raised = nextAlarm(core);
    const record = sim.emitPassRecord();
    const { alarm } = await raised;
    expect(alarm).toMatchObject({ alarmClass: 'stranger', backendId, eventId: `ht:${record.id}`, reason: { en: 'Stranger', 'zh-CN': '陌生人' } });
  });
});

describe('Hongtu device alarms (deviceAlarm.list), through the core', () => {
  it('a tamper alarm raises one tamper alarm with its Chinese and English reason; read twice, still one; a cleared record none', async () => {
    const sim = await startHongtuSimulator();
    closers.push(() => sim.close());
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id;
    const at = Date.now() - 10_000;
    sim.emitDeviceAlarm({ alarmType: 500100, at });
    sim.emitDeviceAlarm({ alarmType: 500500, alarmStatus: 0, at: at + 1000 });
    // What the event pipeline does with a poll (event-stream.ts): store what is new with its record, announce it.
    const driver = await core.backends.driverOf(backendId);
    const cursor = driver.eventsCursorAt(new Date(Date.now() - 60_000));
    for (let i = 0; i < 2; i++) {
      const page = await driver.events(cursor);
      const { added } = core.events.add(backendId, 'poll', page.events.map((event) => ({ event, raw: page.raw?.get(event.eventId) })));
      if (added.length > 0) core.bus.emit('events.received', { backendId, events: added });
    }
    await core.alarms.idle();
    const { alarms } = await call(core, 'alarms.list', { siteId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ alarmClass: 'tamper', backendId, ack: null, reason: { en: 'Tamper alarm', 'zh-CN': '防拆报警' } });
    expect(alarms[0]?.eventId).toMatch(/^ht:alarm:.+:500100:\d+$/);
    expect(await call(core, 'alarms.count', { siteId })).toEqual({ open: 1 });
  });
});

describe('repeats of an open alarm', () => {
  it('Hongtu: strangers at one door while the first is open add to it (no new alarm); after the ack the next raises anew', async () => {
    const sim = await startHongtuSimulator();
    closers.push(() => sim.close());
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id;
    await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    const seen: { event: string; alarm: Alarm }[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'alarms.raised' || event === 'alarms.repeated') seen.push({ event, alarm: (payload as { alarm: Alarm }).alarm });
    });
    const judged = async (count: number) => {
      await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(count), 20_000);
      await core.alarms.idle();
    };
    const first = sim.emitPassRecord();
    await judged(1);
    sim.emitPassRecord();
    await judged(2);
    sim.emitPassRecord();
    await judged(3);
    let { alarms } = await call(core, 'alarms.list', { siteId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ alarmClass: 'stranger', eventId: `ht:${first.id}`, repeats: 2, ack: null });
    expect(alarms[0]?.lastOccurredAt).not.toBeNull();
    expect(seen.map((s) => [s.event, s.alarm.repeats])).toEqual([['alarms.raised', 0], ['alarms.repeated', 1], ['alarms.repeated', 2]]);
    expect(await call(core, 'alarms.count', { siteId })).toEqual({ open: 1 });

    await call(core, 'alarms.ack', { id: alarms[0]?.id ?? 0, note: 'delivery driver', as: 'Wang' });
    const next = sim.emitPassRecord();
    await judged(4);
    ({ alarms } = await call(core, 'alarms.list', { siteId }));
    expect(alarms.map((a) => [a.eventId, a.repeats, a.ack === null])).toEqual([[`ht:${next.id}`, 0, true], [`ht:${first.id}`, 2, false]]);
  });
});

describe('alarm rules', () => {
  const denied = (id: number, at: Date, doorId = 'door-1'): AccessEvent => ({
    eventId: `zk:d${id}`, occurredAt: at.toISOString(), kind: 'denied', doorId, doorName: 'Gate', deviceSerial: null,
    readerName: null, personPin: null, personName: null, verifyMode: 'Card', description: 'card is not registered', photoUrl: null,
  });

  async function zkbioBackend(): Promise<{ core: Core; siteId: number; backendId: number; store: (events: AccessEvent[]) => Promise<void> }> {
    const { core, siteId } = await startCore();
    const backendId = (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: 'http://127.0.0.1:9', credentials: { token: 't' } })).id;
    const store = async (events: AccessEvent[]) => {
      const { added } = core.events.add(backendId, 'poll', events.map((event) => ({ event })));
      if (added.length > 0) core.bus.emit('events.received', { backendId, events: added });
      await core.alarms.idle();
    };
    return { core, siteId, backendId, store };
  }

  it('3 denials at one door within 2 min raise one "repeated denials" alarm; the 4th adds none; another door counts apart', async () => {
    const { core, siteId, store } = await zkbioBackend();
    const t0 = Date.now() - 60_000;
    await store([denied(1, new Date(t0)), denied(2, new Date(t0 + 20_000))]);
    expect((await call(core, 'alarms.list', { siteId })).alarms).toEqual([]);
    await store([denied(3, new Date(t0 + 40_000))]);
    await store([denied(4, new Date(t0 + 50_000)), denied(5, new Date(t0 + 50_000), 'door-2')]);
    const { alarms } = await call(core, 'alarms.list', { siteId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ alarmClass: 'denied-repeated', doorId: 'door-1', eventId: 'zk:d3' });
  });

  it('strangers (refused, with their own alarm) do not count as repeated denials', async () => {
    const { core, siteId, store } = await zkbioBackend();
    const t0 = Date.now() - 60_000;
    const stranger = (id: number, at: number): AccessEvent => ({ ...denied(id, new Date(at)), result: 'stranger' });
    await store([stranger(1, t0), stranger(2, t0 + 10_000), denied(3, new Date(t0 + 20_000)), stranger(4, t0 + 30_000)]);
    expect((await call(core, 'alarms.list', { siteId })).alarms.map((a) => a.alarmClass).filter((c) => c === 'denied-repeated')).toEqual([]);
    await store([denied(5, new Date(t0 + 40_000)), denied(6, new Date(t0 + 50_000))]);
    expect((await call(core, 'alarms.list', { siteId })).alarms.filter((a) => a.alarmClass === 'denied-repeated').map((a) => a.eventId)).toEqual(['zk:d6']);
  });

  it('the rule follows Settings: 2 denials within 1 min', async () => {
    const { core, siteId, store } = await zkbioBackend();
    await call(core, 'alarms.setSettings', { deniedThreshold: 2, deniedWindowMinutes: 1 });
    const t0 = Date.now() - 600_000;
    // 90 s apart: outside the 1-minute window.
    await store([denied(1, new Date(t0)), denied(2, new Date(t0 + 90_000))]);
    expect((await call(core, 'alarms.list', { siteId })).alarms).toEqual([]);
    await store([denied(3, new Date(t0 + 100_000))]);
    expect((await call(core, 'alarms.list', { siteId })).alarms.map((a) => a.alarmClass)).toEqual(['denied-repeated']);
    expect(await call(core, 'alarms.settings', {})).toEqual({ guardName: '', deniedThreshold: 2, deniedWindowMinutes: 1 });
  });

  it('a backend going offline (events.streamState) raises one alarm per outage', async () => {
    const { core, siteId, backendId } = await zkbioBackend();
    const emit = (state: 'connected' | 'stale' | 'offline', since: string) =>
      core.bus.emit('events.streamState', { backendId, siteId, state, reason: state === 'offline' ? { en: 'connection refused', 'zh-CN': '连接被拒绝' } : null, since, channel: 'poll', lastOkAt: null, retryAt: null });
    emit('stale', '2026-01-01T00:00:00.000Z');
    emit('offline', '2026-01-01T00:01:00.000Z');
    emit('offline', '2026-01-01T00:02:00.000Z');
    await core.alarms.idle();
    const { alarms } = await call(core, 'alarms.list', { siteId });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ alarmClass: 'backend-offline', eventId: null, occurredAt: '2026-01-01T00:01:00.000Z' });
    expect(alarms[0]?.reason.en).toContain('connection refused');
    await call(core, 'alarms.ack', { id: alarms[0]?.id ?? 0, as: 'Zhao' });
    emit('connected', '2026-01-01T00:03:00.000Z');
    emit('offline', '2026-01-01T00:04:00.000Z');
    await core.alarms.idle();
    expect((await call(core, 'alarms.list', { siteId, open: true })).alarms).toHaveLength(1);
  });
});
