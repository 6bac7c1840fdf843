import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/contract/index.ts';
import { call } from '../../../../electron/cli/call.ts';
import { createCore, type Core } from '../../../../electron/core/create-core.ts';
import { K30_CALLBACK_ACK } from '../../../../electron/drivers/k30/callbacks.ts';
import { sign } from '../../../../electron/drivers/k30/sign.ts';
import type { Logger } from '../../../../electron/log/logger.ts';
import { sealCallback } from '../../../simulators/k30/callbacks.ts';
import { SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator, type K30Simulator } from '../../../simulators/k30/server.ts';
import { useTempDirs } from '../../../support/temp-dir.ts';

/**
 * The K30 callback receiver through the core (issue 14 item 5), over real HTTP: the K30 simulator
 * posts its callbacks (seed 000 §7) to the URL `receivers.start` gives, as the K30 software does
 * once the installer has typed it in.
 */
const tempDir = useTempDirs();
let sim: K30Simulator;
let core: Core;
let backendId: number;
let siteId: number;
let warnings: string[];

/** A logger that keeps the warnings (the receiver's "taken with a warning" and "rejected" lines). */
function keepingLogger(): Logger {
  const quiet = () => undefined;
  const logger = {
    trace: quiet, debug: quiet, info: quiet, error: quiet, fatal: quiet, flush: quiet,
    warn: (fields: unknown, message?: string) => void warnings.push(`${message ?? ''} ${JSON.stringify(fields)}`),
    child: () => logger,
  };
  return logger as unknown as Logger;
}

beforeEach(async () => {
  warnings = [];
  sim = await startK30Simulator();
  core = createCore({ dataDir: tempDir(), runtime: 'node', logger: keepingLogger() });
  siteId = (await call(core, 'sites.create', { name: 'Gate 2' })).id;
  backendId = (await call(core, 'backends.add', { siteId, vendor: 'k30', baseUrl: sim.url, credentials: { companyNo: sim.companyNo } })).id;
});

afterEach(async () => {
  await core.close();
  await sim.close();
});

async function startReceiving(signCheck?: 'off' | 'warn' | 'strict'): Promise<string> {
  const started = await call(core, 'receivers.start', { backendId, host: '127.0.0.1', ...(signCheck ? { signCheck } : {}) });
  sim.callbacks.configure({ url: started.url });
  return started.url;
}

function post(url: string, body: string, type = 'application/json;charset=UTF-8'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': type } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const stored = () => core.db.prepare("SELECT event_id, source, person_pin, door_id, kind FROM events WHERE backend_id = ? ORDER BY id").all(backendId) as { event_id: string; source: string; person_pin: string | null; door_id: string; kind: string }[];

describe('K30 callbacks into the core', () => {
  it('needs no registration: start gives the URL and where to type it; status waits for the first callback, then shows it', async () => {
    const started = await call(core, 'receivers.start', { backendId, host: '127.0.0.1' });
    expect(started).toMatchObject({ registration: 'manual', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/push\//) });
    expect(started.where?.en).toContain('在K30软件中配置转发第三方URL');
    expect(started.where?.['zh-CN']).toContain('K30 软件');
    expect(await call(core, 'receivers.status', { backendId })).toMatchObject({ running: true, registration: 'manual', lastReceivedAt: null, stored: 0 });
    expect(sim.counters.total()).toBe(0);
    sim.callbacks.configure({ url: started.url });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    const status = await call(core, 'receivers.status', { backendId });
    expect(status.lastReceivedAt).not.toBeNull();
    expect(status).toMatchObject({ stored: 1, stats: { received: 1, events: 1, stored: 1 } });
    expect(await call(core, 'receivers.stop', { backendId })).toEqual({ stopped: true });
    expect(await call(core, 'receivers.status', { backendId })).toMatchObject({ running: false, registration: 'manual', lastReceivedAt: null });
  });

  it('signed callbacks are stored once each; answered with K30’s success envelope', async () => {
    await startReceiving('strict');
    const records = [sim.emitPassRecord({ deviceno: SEED_IDS.gateIn }), sim.emitPassRecord({ deviceno: SEED_IDS.gateOut }), sim.emitPassRecord({ stranger: true })];
    await sim.callbacks.idle();
    expect(sim.callbacks.log.map((entry) => entry.status)).toEqual([200, 200, 200]);
    expect(stored().map((row) => row.event_id).sort()).toEqual(records.map((r) => `k30:${r.no}`).sort());
    expect(stored().every((row) => row.source === 'push')).toBe(true);
    expect(stored().find((row) => row.event_id === `k30:${records[2]?.no}`)?.kind).toBe('denied');
    const reply = await post((await call(core, 'receivers.status', { backendId })).url ?? '', JSON.stringify(sealCallback('authstatus', '{"no":"1","deviceno":"D","resultcode":"1","msg":"上报成功"}', sim.companyNo, '20250101000000000')));
    expect(reply).toEqual({ status: 200, body: K30_CALLBACK_ACK });
  });

  it('the same record by poll and by callback is stored once, with one id', async () => {
    const record = sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    const driver = await core.backends.driverOf(backendId);
    const polled = (await driver.events(null)).events.filter((event) => event.eventId === `k30:${record.no}`);
    expect(polled).toHaveLength(1);
    core.events.add(backendId, 'poll', polled.map((event) => ({ event })));
    await startReceiving();
    // The callback of the same record, as K30 would send it again (the simulator sends each record once, when it happens).
    const sent = sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(stored().map((row) => row.event_id)).toEqual([`k30:${record.no}`, `k30:${sent.no}`]);
    const url = (await call(core, 'receivers.status', { backendId })).url ?? '';
    const replay = sealCallback('UploadRecord', JSON.stringify({ recordNo: record.no, peopleNo: record.peopleno, deviceNo: record.deviceno, recogMode: '0', addTime: polled[0]?.occurredAt, exceptionMode: '1' }), sim.companyNo, '20250101000000000');
    expect((await post(url, JSON.stringify(replay))).status).toBe(200);
    expect(stored()).toHaveLength(2);
    expect((await call(core, 'receivers.status', { backendId })).stats).toMatchObject({ received: 2, stored: 1, duplicates: 1 });
  });

  it('a duplicated callback is stored once', async () => {
    await startReceiving();
    sim.faults.duplicateCallback({ count: 1 });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(sim.callbacks.log.filter((entry) => entry.delivered)).toHaveLength(2);
    expect(stored()).toHaveLength(1);
  });

  it('a forged sign: warn stores it and logs it; strict refuses it (401)', async () => {
    await startReceiving('warn');
    sim.faults.forgedCallbackSign({ count: 1 });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(stored()).toHaveLength(1);
    expect(warnings.some((line) => /taken with a warning/.test(line) && /sign does not match/.test(line))).toBe(true);
    await call(core, 'receivers.stop', { backendId });

    await startReceiving('strict');
    sim.faults.forgedCallbackSign({ count: 1 });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(sim.callbacks.log.at(-1)).toMatchObject({ status: 401, delivered: false });
    expect(stored()).toHaveLength(1);
  });

  it('an oversized callback is refused (413) and stores nothing', async () => {
    await startReceiving();
    sim.faults.oversizedCallback({ count: 1 });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(sim.callbacks.log.at(-1)?.status).toBe(413);
    expect(stored()).toHaveLength(0);
  });

  it('another company’s callback is refused (403); data that does not decrypt is 400', async () => {
    const url = await startReceiving();
    const foreign = sealCallback('UploadRecord', '{"recordNo":"1","addTime":"2025-01-01 08:00:00"}', '9999888877776666', '20250101000000000');
    const refused = await post(url, JSON.stringify(foreign));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('9999888877776666');
    const garbled = { ...sealCallback('UploadRecord', '{"recordNo":"1"}', sim.companyNo, '1'), data: 'AAAAAAAAAAAAAAAAAAAAAA%3d%3d' };
    expect((await post(url, JSON.stringify(garbled))).status).toBe(400);
    expect((await post(url, 'a=1', 'text/plain')).status).toBe(415);
    expect(stored()).toHaveLength(0);
    expect((await call(core, 'receivers.status', { backendId })).stats?.rejected).toBe(3);
  });

  it('a company number edited while the receiver runs applies to the next callback', async () => {
    const url = await startReceiving('strict');
    const other = '6666777788889999';
    const callback = (companyNo: string) => JSON.stringify(sealCallback('authstatus', '{"no":"3","deviceno":"D3","resultcode":"1","msg":"上报成功"}', companyNo, '20250101000000000'));
    expect((await post(url, callback(other))).status).toBe(403);
    await call(core, 'backends.update', { id: backendId, credentials: { companyNo: other } });
    expect((await post(url, callback(other))).status).toBe(200);
    expect((await post(url, callback(sim.companyNo))).status).toBe(403);
  });

  it('a form-encoded envelope is read like the JSON one (data percent-encoded once more, or not at all)', async () => {
    const url = await startReceiving('strict');
    const json = JSON.stringify({ recordNo: 'F1', deviceNo: SEED_IDS.gateIn, recogMode: '0', addTime: '2025-06-02 09:00:00', exceptionMode: '1' });
    const envelope = sealCallback('UploadRecord', json, sim.companyNo, '20250602090000000');
    const encodedTwice = new URLSearchParams({ ...envelope }).toString();
    expect((await post(url, encodedTwice, 'application/x-www-form-urlencoded')).status).toBe(200);
    const second = sealCallback('UploadRecord', json.replace('F1', 'F2'), sim.companyNo, '20250602090000000');
    const asIs = Object.entries(second).map(([name, value]) => `${name}=${name === 'data' ? value : encodeURIComponent(value)}`).join('&');
    expect((await post(url, asIs, 'application/x-www-form-urlencoded; charset=UTF-8')).status).toBe(200);
    expect(stored().map((row) => row.event_id)).toEqual(['k30:F1', 'k30:F2']);
    expect((await post(url, `${asIs}&data=x`, 'application/x-www-form-urlencoded')).status).toBe(400);
  });

  it.each(['integers', 'example'] as const)('the %s record form is stored the same way', async (form) => {
    await startReceiving('strict');
    sim.callbacks.configure({ recordForm: form });
    const record = sim.emitPassRecord({ deviceno: SEED_IDS.gateOut });
    await sim.callbacks.idle();
    expect(stored()).toEqual([expect.objectContaining({ event_id: `k30:${record.no}`, door_id: SEED_IDS.gateOut, kind: 'pass', source: 'push' })]);
  });

  it('authstatus after a person is synced lands in outbox.deviceResults with the pin, announced on the bus', async () => {
    await startReceiving('strict');
    const announced: EventPayload<'outbox.deviceResult'>[] = [];
    core.bus.listen((event, payload) => {
      if (event === 'outbox.deviceResult') announced.push(payload as EventPayload<'outbox.deviceResult'>);
    });
    await call(core, 'people.enroll', { siteId, person: { pin: 'CB1001', name: '王五' }, targets: [{ backendId, accessLevelIds: [SEED_IDS.gateRegion] }], noFaceReason: 'test' });
    await core.sync.runOnce();
    await sim.callbacks.idle();
    const { results } = await call(core, 'outbox.deviceResults', { siteId });
    expect(results.map((r) => r.deviceNo).sort()).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut].sort());
    for (const result of results) expect(result).toMatchObject({ backendId, pin: 'CB1001', ok: true, message: '上报成功', personNo: expect.stringMatching(/^\d+$/) });
    expect(announced.map((a) => ({ siteId: a.siteId, pin: a.pin })).sort()).toEqual([{ siteId, pin: 'CB1001' }, { siteId, pin: 'CB1001' }]);

    // The latest result per person and device replaces the one before: a failed second push.
    sim.faults.failSyncResult({ count: 1 });
    await call(core, 'people.enroll', { siteId, person: { pin: 'CB1001', name: '王五' }, targets: [{ backendId, accessLevelIds: [SEED_IDS.gateRegion] }], noFaceReason: 'test' }).catch(() => undefined);
    await call(core, 'backends.call', { id: backendId, endpoint: 'people.sync', params: { no: results[0]?.personNo, device_nos: results[0]?.deviceNo } });
    await sim.callbacks.idle();
    const after = (await call(core, 'outbox.deviceResults', { siteId })).results;
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.deviceNo === results[0]?.deviceNo)).toMatchObject({ ok: false, message: '上报失败', pin: 'CB1001' });
    expect(await call(core, 'outbox.deviceResults', { siteId: (await call(core, 'sites.create', { name: 'Other' })).id })).toEqual({ results: [] });
  });

  it('a receiver’s sign check is the receiver’s: off takes a callback signed with anything', async () => {
    const url = await startReceiving('off');
    const envelope = sealCallback('authstatus', '{"no":"7","deviceno":"D9","resultcode":"1","msg":"上报成功"}', sim.companyNo, '1');
    const forged = { ...envelope, sign: sign({ x: '1' }, 'other') };
    expect((await post(url, JSON.stringify(forged))).status).toBe(200);
    expect((await call(core, 'outbox.deviceResults', { siteId })).results).toEqual([expect.objectContaining({ personNo: '7', deviceNo: 'D9', pin: null, ok: true })]);
  });
});
