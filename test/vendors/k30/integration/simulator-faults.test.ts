import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataCodecError, decryptData, sealRequest } from '../../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';
import { REJECTION_MESSAGES } from '../../../simulators/k30/auth.ts';
import { parseSimulatorArgs } from '../../../simulators/k30/cli.ts';
import { foreignCompanyNo } from '../../../simulators/k30/faults.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import type { K30Simulator } from '../../../simulators/k30/server.ts';
import { callK30, postRaw } from './k30-http.ts';

const NOW = new Date(2025, 5, 2, 9, 0, 0, 0);
const OTHER_COMPANY_NO = '1700000000000099';
const DEVICES = { pageindex: 1, pagesize: 20 };
const LIST = '/openapi/Device/GetList';

/** The faults a K30 driver must survive, over real HTTP: the common ones and K30's own. */
describe('K30 simulator faults', () => {
  let sim: K30Simulator;
  const call = (payload: unknown, companyNo = DEFAULT_COMPANY_NO, path = LIST) => callK30(sim.url, path, payload, { companyNo, timestamp: formatTimestamp(NOW) });
  const raw = async () => (await postRaw(sim.url, LIST, JSON.stringify(sealRequest(DEVICES, DEFAULT_COMPANY_NO, formatTimestamp(NOW))))).json() as Promise<Record<string, string>>;

  beforeAll(async () => {
    sim = await startK30Simulator({ clock: () => NOW });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
  });

  it('latency: the right reply, no sooner than asked', async () => {
    sim.faults.latency(150, { endpoint: 'device.list', count: 1 });
    const started = performance.now();
    const reply = await call(DEVICES);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply).toMatchObject({ signed: true, envelope: { resultcode: '1' } });
  });

  it('5xx: Spring’s JSON 500, an nginx page for 502/503/504', async () => {
    sim.faults.httpError(500, { count: 1 });
    const spring = await postRaw(sim.url, LIST, '{}');
    expect(spring.status).toBe(500);
    expect(await spring.json()).toMatchObject({ status: 500, error: 'Internal Server Error', path: LIST });
    sim.faults.httpError(503, { count: 1 });
    const nginx = await postRaw(sim.url, LIST, '{}');
    expect(nginx.status).toBe(503);
    expect(await nginx.text()).toContain('<center>nginx</center>');
  });

  it('reset: the connection drops without an answer, then the next call is answered', async () => {
    sim.faults.reset({ endpoint: 'device.list', count: 1 });
    await expect(call(DEVICES)).rejects.toThrow();
    expect((await call(DEVICES)).signed).toBe(true);
  });

  it('undecryptable-data: the call runs, but `data` is not whole AES blocks', async () => {
    sim.faults.undecryptableData({ endpoint: 'device.list', count: 1 });
    const envelope = await raw();
    expect(envelope).toMatchObject({ resultcode: '1', companyno: DEFAULT_COMPANY_NO });
    expect(envelope['data']).toMatch(/^[A-Za-z0-9%]+$/);
    expect(() => decryptData(envelope['data'] ?? '', DEFAULT_COMPANY_NO)).toThrow(expect.objectContaining({ name: 'DataCodecError', code: 'undecryptable' }));
    // also a reply that has no payload (people.sync answers data "")
    sim.faults.undecryptableData({ endpoint: 'people.sync', count: 1 });
    const body = sealRequest({ no: SEED_IDS.zhangSan, device_nos: SEED_IDS.gateIn }, DEFAULT_COMPANY_NO, formatTimestamp(NOW));
    const synced = (await (await postRaw(sim.url, '/openapi/people/syncwhitelist', JSON.stringify(body))).json()) as Record<string, string>;
    expect(() => decryptData(synced['data'] ?? '', DEFAULT_COMPANY_NO)).toThrow(DataCodecError);
    expect((await call(DEVICES)).signed).toBe(true);
  });

  it('wrong-company: refused in another company number, so the caller cannot verify it', async () => {
    sim.faults.wrongCompany({ count: 1 });
    const reply = await call(DEVICES);
    expect(reply.envelope).toMatchObject({ resultcode: '0', msg: REJECTION_MESSAGES['unknown-company'], companyno: foreignCompanyNo(DEFAULT_COMPANY_NO), data: '' });
    expect(reply.signed).toBe(false);
    expect(foreignCompanyNo(DEFAULT_COMPANY_NO)).not.toBe(DEFAULT_COMPANY_NO);
    expect((await call(DEVICES)).signed).toBe(true);
  });

  it('bad-reply-sign and wrong-company can be set over /__sim/faults', async () => {
    const post = (body: unknown) => fetch(new URL('/__sim/faults', sim.url), { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_COMPANY_NO}` }, body: JSON.stringify(body) });
    for (const kind of ['undecryptable-data', 'wrong-company']) expect((await post({ kind, endpoint: 'device.list', count: 1 })).status).toBe(200);
    expect(sim.faults.list().map((rule) => rule.kind)).toEqual(['undecryptable-data', 'wrong-company']);
  });
});

describe('K30 simulator configured with another company number', () => {
  it('by default refuses in an envelope signed with the caller’s number (verifiable)', async () => {
    const sim = await startK30Simulator({ clock: () => NOW, companyNo: OTHER_COMPANY_NO });
    try {
      const reply = await callK30(sim.url, LIST, DEVICES, { companyNo: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW) });
      expect(reply).toMatchObject({ signed: true, envelope: { resultcode: '0', companyno: DEFAULT_COMPANY_NO, msg: REJECTION_MESSAGES['unknown-company'] } });
    } finally {
      await sim.close();
    }
  });

  it('with companyMismatch own-number (--company-mismatch) refuses in its own number: the sign does not verify', async () => {
    expect(parseSimulatorArgs(['--company', OTHER_COMPANY_NO, '--company-mismatch', 'own-number'])).toMatchObject({ companyNo: OTHER_COMPANY_NO, companyMismatch: 'own-number' });
    expect(() => parseSimulatorArgs(['--company-mismatch', 'maybe'])).toThrow(/--company-mismatch/);
    const sim = await startK30Simulator({ clock: () => NOW, companyNo: OTHER_COMPANY_NO, companyMismatch: 'own-number' });
    try {
      const reply = await callK30(sim.url, LIST, DEVICES, { companyNo: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW) });
      expect(reply).toMatchObject({ signed: false, envelope: { resultcode: '0', companyno: OTHER_COMPANY_NO } });
      const own = await callK30(sim.url, LIST, DEVICES, { companyNo: OTHER_COMPANY_NO, timestamp: formatTimestamp(NOW) });
      expect(own).toMatchObject({ signed: true, envelope: { resultcode: '1' } });
    } finally {
      await sim.close();
    }
  });
});
