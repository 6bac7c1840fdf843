import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startHongtuSimulator, type HongtuSimulator } from '../../simulators/hongtu/server.ts';
import { startK30Simulator, type K30Simulator } from '../../simulators/k30/server.ts';
import { startZkbioSimulator, type ZkbioSimulator } from '../../simulators/zkbio/server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { FAST, recordBus, storedIds, until } from './harness.ts';

const tempDir = useTempDirs();
const TOKEN = 'events-pipeline-token';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function coreAt(dataDir: string): Core {
  const core = createCore({ dataDir, runtime: 'node', events: { timings: FAST } });
  cleanups.push(() => core.close());
  return core;
}

async function hongtu(): Promise<HongtuSimulator> {
  const sim = await startHongtuSimulator();
  cleanups.push(() => sim.close());
  return sim;
}

async function siteWith(core: Core, add: (siteId: number) => Promise<number>): Promise<{ siteId: number; backendId: number }> {
  const site = await call(core, 'sites.create', { name: `Gate ${Math.random().toString(36).slice(2, 7)}` });
  await call(core, 'sites.select', { id: site.id });
  return { siteId: site.id, backendId: await add(site.id) };
}

describe('the event pipeline (issue 15 item 1)', () => {
  it('polls Hongtu without a receiver: stored and announced once, stale then offline while down, and what was made meanwhile read after', async () => {
    const sim = await hongtu();
    const core = coreAt(tempDir());
    const bus = recordBus(core);
    const { siteId, backendId } = await siteWith(core, async (siteId) => (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    await core.events.start();
    await until('the first read', () => (core.events.streams(siteId)[0]?.lastOkAt ?? null) !== null);
    const polling = (await call(core, 'events.streams', { siteId })).streams[0];
    expect(polling).toMatchObject({ backendId, state: 'polling', channel: 'poll' });
    expect(polling?.reason?.['zh-CN']).toContain('轮询');

    const before = [sim.emitPassRecord(), sim.emitPassRecord()].map((r) => `ht:${r.id}`);
    await until('the first records', () => before.every((id) => storedIds(core, backendId).includes(id)));

    const down = sim.faults.reset();
    await until('stale', () => bus.states.some((s) => s.state === 'stale'));
    await until('offline', () => bus.states.some((s) => s.state === 'offline'));
    const offline = bus.states.find((s) => s.state === 'offline');
    expect(offline?.reason?.en).toMatch(/No answer/);
    expect(offline?.reason?.['zh-CN']).toMatch(/无应答/);
    const whileDown = [sim.emitPassRecord(), sim.emitPassRecord(), sim.emitPassRecord()].map((r) => `ht:${r.id}`);
    sim.faults.clear(down);
    await until('back and the records made while down', () => whileDown.every((id) => storedIds(core, backendId).includes(id)));
    await until('polling again', () => bus.states.at(-1)?.state === 'polling');

    for (const id of [...before, ...whileDown]) expect(bus.announced.get(`${backendId}/${id}`)).toBe(1);
    const order = bus.states.filter((s) => s.backendId === backendId).map((s) => s.state);
    expect(order.indexOf('stale')).toBeLessThan(order.indexOf('offline'));
    expect(order.lastIndexOf('polling')).toBeGreaterThan(order.indexOf('offline'));
  });

  it('with Hongtu pushing: connected, pushes lost are filled by the poll, duplicates stored once, and a vanished subscription registered again', async () => {
    const sim = await hongtu();
    const core = coreAt(tempDir());
    const bus = recordBus(core);
    const { backendId } = await siteWith(core, async (siteId) => (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    const { url } = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    await core.events.start();
    await until('connected', () => bus.states.some((s) => s.backendId === backendId && s.state === 'connected' && s.channel === 'push'));

    sim.faults.dropPushes({ count: 2 });
    sim.faults.duplicatePushes({ count: 2 });
    const records = [sim.emitPassRecord(), sim.emitPassRecord(), sim.emitPassRecord(), sim.emitPassRecord()].map((r) => `ht:${r.id}`);
    await until('every record, pushed or polled', () => records.every((id) => storedIds(core, backendId).includes(id)));
    for (const id of records) expect(bus.announced.get(`${backendId}/${id}`)).toBe(1);
    expect(storedIds(core, backendId).filter((id) => records.includes(id))).toHaveLength(4);

    // The platform restarted and forgot its subscribers.
    await call(core, 'backends.call', { id: backendId, endpoint: 'pubsub.recordUnbind', params: {} });
    await until('subscribed again', () => {
      return sim.state.subscriptions.get(sim.appKey)?.pushUrl === url;
    });
  });

  it('reads ZKBio by its monitor and the list without storing a pass twice, with its clock minutes off ours', async () => {
    const skewMs = -7 * 60_000;
    const sim: ZkbioSimulator = await startZkbioSimulator({ token: TOKEN, clock: () => new Date(Date.now() + skewMs) });
    cleanups.push(() => sim.close());
    const core = coreAt(tempDir());
    const bus = recordBus(core);
    const { backendId } = await siteWith(core, async (siteId) => (await call(core, 'backends.add', { siteId, vendor: 'zkbio', baseUrl: sim.url, credentials: { token: TOKEN } })).id);
    await core.events.start();
    await until('connected by the monitor', () => bus.states.some((s) => s.backendId === backendId && s.state === 'connected' && s.channel === 'monitor'));
    const made = [sim.emitTransaction(), sim.emitTransaction(), sim.emitTransaction()];
    await until('every transaction', () => made.every((t) => storedIdsByTime(core, backendId, t.eventTime, t.pin) > 0));
    // Give the list a turn after the monitor (or the other way round): still one row per pass.
    const listed = sim.counters.get('transaction.list.v2');
    await until('the list read twice more', () => sim.counters.get('transaction.list.v2') > listed + 1);
    // Each pass once, under the list's id (a monitored one adopted by it), however alike they are.
    const stored = storedIds(core, backendId);
    for (const t of made) expect(stored.filter((id) => id === `zk:${t.id}`)).toHaveLength(1);
    expect(new Set(made.map((t) => t.eventTime)).size).toBe(1);
    for (const time of new Set(made.map((t) => t.eventTime))) expect(storedIdsByTime(core, backendId, time)).toBe(made.filter((t) => t.eventTime === time).length);
  });

  it('polls K30, and what was made while the app was closed is read when it starts again (the cursor is kept)', async () => {
    const sim: K30Simulator = await startK30Simulator();
    cleanups.push(() => sim.close());
    const dataDir = tempDir();
    const first = createCore({ dataDir, runtime: 'node', events: { timings: FAST } });
    const { backendId } = await siteWith(first, async (siteId) => (await call(first, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id);
    await first.events.start();
    const early = sim.emitPassRecord();
    await until('the first record', () => storedIds(first, backendId).includes(`k30:${early.no}`));
    await first.close();

    const whileClosed = [sim.emitPassRecord(), sim.emitPassRecord()];
    const second = coreAt(dataDir);
    const bus = recordBus(second);
    await second.events.start();
    await until('the records made while closed', () => whileClosed.every((r) => storedIds(second, backendId).includes(`k30:${r.no}`)));
    expect(bus.announced.has(`${backendId}/k30:${early.no}`)).toBe(false);
  });

  it('follows the current site: another site selected stops the streams, its backends say they are not watched', async () => {
    const sim = await hongtu();
    const core = coreAt(tempDir());
    const bus = recordBus(core);
    const { siteId, backendId } = await siteWith(core, async (siteId) => (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    await core.events.start();
    await until('polling', () => bus.states.some((s) => s.backendId === backendId && s.state === 'polling'));
    const other = await call(core, 'sites.create', { name: 'Other gate' });
    await call(core, 'sites.select', { id: other.id });
    await until('not watched', () => core.events.streams(siteId)[0]?.reason?.en.startsWith('Not watched') === true);
    const record = sim.emitPassRecord();
    await new Promise((r) => setTimeout(r, 400));
    expect(storedIds(core, backendId)).not.toContain(`ht:${record.id}`);
    await call(core, 'sites.select', { id: siteId });
    await until('watched again and caught up', () => storedIds(core, backendId).includes(`ht:${record.id}`));
  });
});

function storedIdsByTime(core: Core, backendId: number, occurredAt: string, pin?: string): number {
  const rows = core.db.prepare('SELECT person_pin FROM events WHERE backend_id = ? AND occurred_at = ?').all(backendId, occurredAt) as { person_pin: string | null }[];
  return pin === undefined ? rows.length : rows.filter((r) => (r.person_pin ?? '') === pin).length;
}

describe('the vendor’s record kept beside a polled event', () => {
  it('stores the pass record as read from the list (for the alarm tables), long texts left out', async () => {
    const sim = await startHongtuSimulator();
    cleanups.push(() => sim.close());
    const core = coreAt(tempDir());
    const { backendId } = await siteWith(core, async (siteId) => (await call(core, 'backends.add', { siteId, vendor: 'hongtu', baseUrl: sim.url, credentials: { appKey: sim.appKey, secretKey: sim.secretKey } })).id);
    await core.events.start();
    const record = sim.emitPassRecord();
    await until('the record', () => storedIds(core, backendId).includes(`ht:${record.id}`));
    const row = core.db.prepare('SELECT raw FROM events WHERE backend_id = ? AND event_id = ?').get(backendId, `ht:${record.id}`) as { raw: string | null };
    expect(JSON.parse(row.raw ?? 'null')).toMatchObject({ uuid: record.id, passType: expect.any(Number) });
  });
});
