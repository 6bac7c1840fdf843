import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';
import { parseSimulatorArgs } from '../../../simulators/k30/cli.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import type { K30Simulator } from '../../../simulators/k30/server.ts';
import { openCallback, startCallbackReceiver } from './callback-receiver.ts';
import type { CallbackReceiver, OpenedCallback } from './callback-receiver.ts';
import { callK30 } from './k30-http.ts';
import type { Page } from './k30-http.ts';

const NOW = new Date(2025, 5, 2, 9, 0, 0, 0);
const TODAY = '2025-06-02';
/** The envelope keys in the order the document's callback examples print them. */
const CALLBACK_KEYS = ['companyno', 'method', 'timestamp', 'data', 'sign'];
const UPLOAD_STRING_KEYS = ['recordNo', 'peopleNo', 'peopleName', 'deviceNo', 'deviceName', 'outinType', 'companyName', 'recogMode', 'addTime', 'exceptionMode', 'photo'];
const UPLOAD_INTEGER_KEYS = ['recordNo', 'departmentNo', 'departmentName', 'peopleNo', 'peopleName', 'deviceNo', 'deviceName', 'outinType', 'recogMode', 'addTime', 'exceptionMode', 'photo'];

describe('K30 simulator callbacks to a third-party URL (§7)', () => {
  let sim: K30Simulator;
  let receiver: CallbackReceiver;
  const call = (path: string, payload: unknown) => callK30(sim.url, path, payload, { companyNo: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW) });
  const admin = (method: string, body?: unknown) =>
    fetch(new URL('/__sim/callbacks', sim.url), { method, headers: { authorization: `Bearer ${DEFAULT_COMPANY_NO}` }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  /** Everything received since the last call, opened. */
  const drain = async (): Promise<OpenedCallback[]> => {
    await sim.callbacks.idle();
    return receiver.received.splice(0).map((entry) => openCallback(entry.raw, DEFAULT_COMPANY_NO));
  };

  beforeAll(async () => {
    receiver = await startCallbackReceiver();
    sim = await startK30Simulator({ clock: () => NOW, callbackUrl: receiver.url });
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });
  beforeEach(() => {
    sim.faults.clear();
    receiver.status = 200;
  });
  afterEach(async () => {
    await sim.callbacks.idle();
    receiver.received.length = 0;
    sim.callbacks.configure({ url: receiver.url, recordForm: 'strings' });
  });

  it('people.create answers K30’s `no`; people.sync reports one authstatus per device, signed and encrypted as the document shows', async () => {
    const created = await call('/openapi/people/Create', { name: '周八', deptno: SEED_IDS.department, jobnumber: 'CB-0001' });
    const { no } = created.payload as { no: string };
    expect(no).toMatch(/^\d{16}$/);
    expect(sim.state.people.get(no)?.name).toBe('周八');
    expect(await drain()).toEqual([]);

    expect((await call('/openapi/people/syncwhitelist', { no, device_nos: `${SEED_IDS.gateIn},${SEED_IDS.office}` })).envelope.resultcode).toBe('1');
    const callbacks = await drain();
    expect(callbacks).toHaveLength(2);
    for (const callback of callbacks) {
      expect(callback.keys).toEqual(CALLBACK_KEYS);
      expect(callback).toMatchObject({ method: 'authstatus', companyno: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW), signed: true });
      expect(Object.keys(callback.payload)).toEqual(['no', 'deviceno', 'resultcode', 'msg']);
    }
    const byDevice = new Map(callbacks.map((callback) => [callback.payload['deviceno'], callback.payload]));
    expect(byDevice.get(SEED_IDS.gateIn)).toEqual({ no, deviceno: SEED_IDS.gateIn, resultcode: '1', msg: '上报成功' });
    expect(byDevice.get(SEED_IDS.office)).toEqual({ no, deviceno: SEED_IDS.office, resultcode: '0', msg: '上报失败' });

    const state = (await (await admin('GET')).json()) as { syncResults: unknown[]; log: { method: string; delivered: boolean }[] };
    expect(state.syncResults).toEqual(expect.arrayContaining([{ no, deviceno: SEED_IDS.gateIn, resultcode: '1', msg: '上报成功' }]));
    expect(state.log.filter((entry) => entry.method === 'authstatus' && entry.delivered)).toHaveLength(2);
  });

  it('a sync by department pushes to its bound devices, one result each', async () => {
    await call('/openapi/people/syncwhitelist', { no: SEED_IDS.zhangSan, deptno: SEED_IDS.department });
    const devices = (await drain()).map((callback) => callback.payload['deviceno']).sort();
    expect(devices).toEqual([SEED_IDS.gateIn, SEED_IDS.gateOut].sort());
  });

  it('device.openDoor’s mode 11 record goes out as UploadRecord, the document’s string form, with record.list’s number', async () => {
    await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
    const [callback, ...rest] = await drain();
    expect(rest).toEqual([]);
    expect(callback).toMatchObject({ method: 'UploadRecord', signed: true, keys: CALLBACK_KEYS });
    const listed = (await call('/openapi/record/getlist', { pageindex: 1, pagesize: 1, startdate: TODAY, effdate: TODAY, deviceno: SEED_IDS.gateIn, mode: 11 })).payload as Page;
    expect(Object.keys(callback?.payload ?? {})).toEqual(UPLOAD_STRING_KEYS);
    expect(callback?.payload).toEqual({
      recordNo: listed.data[0]?.['no'],
      peopleNo: '',
      peopleName: '',
      deviceNo: SEED_IDS.gateIn,
      deviceName: '大门入口',
      outinType: '1',
      companyName: '工地大门',
      recogMode: '11',
      addTime: '2025-06-02 09:00:00',
      exceptionMode: '1',
      photo: '',
    });
  });

  it('switches to the other field list (integers, department) over /__sim/callbacks; a walk-through is reported, a stranger as -8', async () => {
    expect(await (await admin('POST', { recordForm: 'integers' })).json()).toEqual({ url: receiver.url, recordForm: 'integers' });
    const record = sim.emitPassRecord({ deviceno: SEED_IDS.gateOut, peopleno: SEED_IDS.zhangSan });
    sim.emitPassRecord({ deviceno: SEED_IDS.gateOut, stranger: true });
    const [person, stranger] = await drain();
    expect(Object.keys(person?.payload ?? {})).toEqual(UPLOAD_INTEGER_KEYS);
    expect(person?.payload).toMatchObject({ recordNo: record.no, departmentNo: SEED_IDS.department, departmentName: '项目部', peopleNo: SEED_IDS.zhangSan, peopleName: '张三', outinType: 0, recogMode: 0, exceptionMode: 1 });
    expect(stranger?.payload).toMatchObject({ peopleNo: '', recogMode: -8, exceptionMode: 0 });
  });

  it('speaks the example’s form on request: its key order and lowercase `deviceno` (E19)', async () => {
    sim.callbacks.configure({ recordForm: 'example' });
    await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateOut });
    const [callback] = await drain();
    expect(Object.keys(callback?.payload ?? {}).slice(0, 3)).toEqual(['recordNo', 'deviceno', 'peopleNo']);
    expect(Object.keys(callback?.payload ?? {}).sort()).toEqual(UPLOAD_STRING_KEYS.map((key) => (key === 'deviceNo' ? 'deviceno' : key)).sort());
    expect(callback?.payload).toMatchObject({ deviceno: SEED_IDS.gateOut, outinType: '0', recogMode: '11' });
  });

  it('a record burst over /__sim/record-burst: one UploadRecord per record, every one signed, none repeated', async () => {
    const res = await fetch(new URL('/__sim/record-burst', sim.url), { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_COMPANY_NO}` }, body: JSON.stringify({ count: 40, deviceno: SEED_IDS.gateIn, peopleno: SEED_IDS.zhangSan }) });
    expect(await res.json()).toEqual({ count: 40 });
    const deadline = Date.now() + 20_000;
    while (receiver.received.length < 40 && Date.now() < deadline) {
      await sim.callbacks.idle();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const callbacks = await drain();
    expect(callbacks).toHaveLength(40);
    expect(callbacks.every((callback) => callback.signed && callback.method === 'UploadRecord')).toBe(true);
    expect(new Set(callbacks.map((callback) => callback.payload['recordNo'])).size).toBe(40);
  });

  it('sends nothing without a URL, and posts only to loopback', async () => {
    expect(await (await admin('POST', { url: null })).json()).toMatchObject({ url: null });
    await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
    expect(await drain()).toEqual([]);
    const refused = await admin('POST', { url: 'http://192.0.2.10/k30' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toContain('loopback');
    expect(() => parseSimulatorArgs(['--callback-url', 'http://example.com/k30'])).toThrow(/loopback/);
    expect(parseSimulatorArgs(['--callback-url', receiver.url, '--callback-form', 'integers'])).toMatchObject({ callbackUrl: receiver.url, callbackRecordForm: 'integers' });
    expect(() => parseSimulatorArgs(['--callback-form', 'xml'])).toThrow(/--callback-form/);
  });

  it('does not retry a callback the receiver refuses (the document describes no retries)', async () => {
    receiver.status = 500;
    sim.callbacks.clearLog();
    await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
    await sim.callbacks.idle();
    expect(receiver.received).toHaveLength(1);
    expect(sim.callbacks.log).toEqual([expect.objectContaining({ method: 'UploadRecord', status: 500, delivered: false })]);
  });

  describe('faults', () => {
    it('callback-forged-sign: the envelope decrypts but its sign does not verify', async () => {
      sim.faults.forgedCallbackSign({ count: 1 });
      await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
      await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
      const [forged, honest] = await drain();
      expect(forged).toMatchObject({ method: 'UploadRecord', signed: false });
      expect(forged?.payload['recogMode']).toBe('11');
      expect(honest?.signed).toBe(true);
    });

    it('callback-oversized: a signed body past the configured size', async () => {
      sim.faults.oversizedCallback({ count: 1 });
      await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
      await sim.callbacks.idle();
      const [entry] = receiver.received;
      expect(Buffer.byteLength(entry?.raw ?? '')).toBeGreaterThan(sim.callbacks.policy.oversizeBytes);
      const [opened] = await drain();
      expect(opened?.signed).toBe(true);
      expect(String(opened?.payload['photo'])).toMatch(/^data:image\/jpeg;base64,A+$/);
    });

    it('callback-duplicate: the same callback twice, byte for byte', async () => {
      sim.faults.duplicateCallback({ count: 1 });
      await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn });
      await sim.callbacks.idle();
      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[0]?.raw).toBe(receiver.received[1]?.raw);
      expect(sim.callbacks.log.slice(-2).map((entry) => entry.copy).sort()).toEqual([1, 2]);
    });

    it('sync-result-fail: an online device reports 上报失败', async () => {
      sim.faults.failSyncResult({ count: 1 });
      await call('/openapi/people/syncwhitelist', { no: SEED_IDS.zhangSan, device_nos: SEED_IDS.gateIn });
      const [result] = await drain();
      expect(result?.payload).toEqual({ no: SEED_IDS.zhangSan, deviceno: SEED_IDS.gateIn, resultcode: '0', msg: '上报失败' });
    });

    it('takes callback faults over /__sim/faults, without an endpoint', async () => {
      const faults = (body: unknown) => fetch(new URL('/__sim/faults', sim.url), { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_COMPANY_NO}` }, body: JSON.stringify(body) });
      expect((await faults({ kind: 'callback-duplicate', count: 1 })).status).toBe(200);
      expect((await faults({ kind: 'callback-duplicate', endpoint: 'device.openDoor' })).status).toBe(400);
    });
  });
});
