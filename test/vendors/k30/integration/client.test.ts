import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import type { LocalizedText } from '../../../../electron/drivers/driver-error.ts';
import { K30Client } from '../../../../electron/drivers/k30/client.ts';
import type { K30ClientOptions } from '../../../../electron/drivers/k30/client.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import type { K30Simulator } from '../../../simulators/k30/server.ts';

/** A fixed clock shared by the simulator and the client (the envelope's timestamp is checked against it). */
let nowMs = new Date(2025, 5, 2, 9, 0, 0, 0).getTime();
const OTHER_COMPANY_NO = '1700000000000099';
const DEVICES = { pageindex: 1, pagesize: 20 };

async function failure(promise: Promise<unknown>): Promise<DriverError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof DriverError)) throw error;
  return error;
}

/** The K30 client over real HTTP against the strict simulator: every call sealed, every failure typed. */
describe('K30 client', () => {
  let sim: K30Simulator;
  const clients: K30Client[] = [];
  const warnings: { warning: LocalizedText; endpoint: string }[] = [];
  const client = (options: Partial<K30ClientOptions> = {}) => {
    const made = new K30Client({ baseUrl: sim.url, companyNo: DEFAULT_COMPANY_NO, now: () => nowMs, onSignWarning: (warning, endpoint) => warnings.push({ warning, endpoint }), ...options });
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    sim = await startK30Simulator({ clock: () => new Date(nowMs) });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
    sim.counters.reset();
    warnings.length = 0;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it('seals a call as the document says and reads the decrypted, checked reply', async () => {
    const page = (await client().call('device.list', DEVICES)) as { total: number; data: { no: string; outintype?: number; onlinestatus?: number }[] };
    expect(page.total).toBe(3);
    expect(page.data.map((d) => d.no)).toEqual(expect.arrayContaining([SEED_IDS.gateIn, SEED_IDS.gateOut, SEED_IDS.office]));
    expect(page.data.find((d) => d.no === SEED_IDS.gateIn)).toMatchObject({ outintype: 1, onlinestatus: 1 });
    expect(sim.counters.get('device.list')).toBe(1);
    expect(warnings).toEqual([]);
  });

  it('a write: people.create answers the new person number, which people.update addresses', async () => {
    const c = client();
    const created = (await c.call('people.create', { name: '李四', deptno: SEED_IDS.department, jobnumber: 'W-0001' })) as { no: string };
    expect(created.no).toMatch(/^\d+$/);
    await c.call('people.update', { no: created.no, name: '李四四', deptno: SEED_IDS.department, jobnumber: 'W-0001' });
    expect(sim.state.people.get(created.no)?.name).toBe('李四四');
  });

  it('checks parameters before sending: the table’s fields and its cross-field rules (二选一必填, 不能跨月)', async () => {
    const c = client();
    expect((await failure(c.call('people.sync', { no: SEED_IDS.zhangSan }))).code).toBe('invalid_params');
    expect((await failure(c.call('record.list', { ...DEVICES, startdate: '2025-05-30', effdate: '2025-06-02' }))).code).toBe('invalid_params');
    expect((await failure(c.call('device.list', { pageindex: 1 }))).code).toBe('invalid_params');
    expect(sim.counters.total()).toBe(0);
  });

  it('resultcode "0": vendor_error with the server’s msg and what to do in both languages', async () => {
    const error = await failure(client().call('people.delete', { no: '1799999999999999' }));
    expect(error).toMatchObject({ code: 'vendor_error', vendor: 'k30', endpoint: 'people.delete', vendorCode: 0 });
    expect(error.details?.['vendorMessage']).toMatch(/人员不存在/);
    expect(error.advice?.en).toMatch(/Refresh the inventory/);
    expect(error.advice?.['zh-CN']).toMatch(/刷新清单/);
  });

  it('wrong-company: refused in another number’s envelope → bad_credentials naming the company number', async () => {
    sim.faults.wrongCompany({ endpoint: 'device.list', count: 1 });
    const error = await failure(client().call('device.list', DEVICES));
    expect(error.code).toBe('bad_credentials');
    expect(error.advice?.en).toMatch(/company number/);
    expect(error.advice?.['zh-CN']).toMatch(/企业编号/);
    expect(warnings.map((w) => w.endpoint)).toEqual(['device.list']);
  });

  it('a company number K30 does not have → bad_credentials', async () => {
    const error = await failure(client({ companyNo: OTHER_COMPANY_NO }).call('device.list', DEVICES));
    expect(error.code).toBe('bad_credentials');
    expect(error.details?.['vendorMessage']).toMatch(/企业编号错误/);
  });

  it('a company number that is not 16 bytes: a clear error, nothing sent', async () => {
    const error = await failure(client({ companyNo: '12345' }).call('device.list', DEVICES));
    expect(error).toMatchObject({ code: 'bad_credentials', details: { reason: 'company-number-length', bytes: 5 } });
    expect(sim.counters.total()).toBe(0);
  });

  it('undecryptable-data: bad_credentials (the company number is most likely wrong)', async () => {
    sim.faults.undecryptableData({ endpoint: 'device.list', count: 1 });
    const error = await failure(client().call('device.list', DEVICES));
    expect(error).toMatchObject({ code: 'bad_credentials', details: { reason: 'undecryptable' } });
    expect(error.advice?.en).toMatch(/company number/);
  });

  it('bad-reply-sign: used with a warning (warn, the default), refused when strict, unchecked when off', async () => {
    sim.faults.badReplySign({ endpoint: 'device.list', count: 1 });
    const warned = client();
    expect(((await warned.call('device.list', DEVICES)) as { total: number }).total).toBe(3);
    expect(warnings).toHaveLength(1);
    expect(warned.lastSignWarning?.endpoint).toBe('device.list');
    expect(warnings[0]?.warning['zh-CN']).toMatch(/签名/);

    sim.faults.badReplySign({ endpoint: 'device.list', count: 1 });
    const strict = await failure(client({ signCheck: 'strict' }).call('device.list', DEVICES));
    expect(strict).toMatchObject({ code: 'bad_credentials', details: { reason: 'bad-sign' } });

    sim.faults.badReplySign({ endpoint: 'device.list', count: 1 });
    await client({ signCheck: 'off' }).call('device.list', DEVICES);
    expect(warnings).toHaveLength(1);
  });

  it('a good reply verifies when strict', async () => {
    expect(((await client({ signCheck: 'strict' }).call('device.list', DEVICES)) as { total: number }).total).toBe(3);
  });

  it('html-page (a login page, not K30’s JSON) → not_json', async () => {
    sim.faults.htmlPage({ endpoint: 'device.list', count: 1 });
    const error = await failure(client().call('device.list', DEVICES));
    expect(error.code).toBe('not_json');
    expect(error.message).toMatch(/K30/);
  });

  it('truncated JSON → truncated_json; JSON that is not the K30 envelope → schema_mismatch', async () => {
    sim.faults.malformedJson({ endpoint: 'device.list', count: 1 });
    expect((await failure(client().call('device.list', DEVICES))).code).toBe('truncated_json');
    sim.faults.wrongShape('envelope', { endpoint: 'device.list', count: 1 });
    expect((await failure(client().call('device.list', DEVICES))).code).toBe('schema_mismatch');
  });

  it('plaintext data as the document’s own examples print it (E9) is read as it is', async () => {
    sim.faults.wrongShape('data', { endpoint: 'device.list', count: 1 });
    expect(((await client().call('device.list', DEVICES)) as { total: number }).total).toBe(3);
  });

  it('5xx: http_status (Spring’s JSON 500 and an nginx page alike)', async () => {
    sim.faults.httpError(500, { endpoint: 'device.list', count: 1 });
    expect(await failure(client().call('device.list', DEVICES))).toMatchObject({ code: 'http_status', status: 500 });
    sim.faults.httpError(503, { endpoint: 'device.list', count: 1 });
    expect(await failure(client().call('device.list', DEVICES))).toMatchObject({ code: 'http_status', status: 503 });
  });

  it('reset → reset; the next call is answered', async () => {
    sim.faults.reset({ endpoint: 'device.list', count: 1 });
    const c = client();
    expect((await failure(c.call('device.list', DEVICES))).code).toBe('reset');
    expect(((await c.call('device.list', DEVICES)) as { total: number }).total).toBe(3);
  });

  it('latency past the timeout → timeout; cancelling → aborted', async () => {
    sim.faults.latency(5_000, { endpoint: 'device.list', count: 1 });
    expect((await failure(client({ timeoutMs: 200 }).call('device.list', DEVICES))).code).toBe('timeout');
    sim.faults.latency(5_000, { endpoint: 'device.list', count: 1 });
    const controller = new AbortController();
    const call = client().call('device.list', DEVICES, { signal: controller.signal });
    controller.abort();
    expect((await failure(call)).code).toBe('aborted');
  });

  it('nothing listening → refused', async () => {
    const closed = await startK30Simulator({ clock: () => new Date(nowMs) });
    const url = closed.url;
    await closed.close();
    expect((await failure(client({ baseUrl: url }).call('device.list', DEVICES))).code).toBe('refused');
  });

  it('pages through pageindex/pagesize until total is reached', async () => {
    const c = client();
    for (let i = 0; i < 24; i++) await c.call('people.create', { name: `分页${i}`, deptno: SEED_IDS.department, jobnumber: `P-${String(i).padStart(3, '0')}` });
    const total = sim.state.people.size;
    sim.counters.reset();
    const people = (await c.collect('people.list', {}, { pageSize: 10 })) as { no: string }[];
    expect(people).toHaveLength(total);
    expect(new Set(people.map((p) => p.no)).size).toBe(total);
    expect(sim.counters.get('people.list')).toBe(Math.ceil(total / 10));
  });

  it('record.list over several months: one month at a time, every record once', async () => {
    const c = client();
    const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10, 0, 0).getTime();
    const added = [at(2025, 3, 30), at(2025, 4, 15), at(2025, 5, 1), at(2025, 5, 31)].map((time) => sim.emitPassRecord({ deviceno: SEED_IDS.gateIn, peopleno: SEED_IDS.zhangSan, at: time }).no);
    sim.emitPassRecord({ deviceno: SEED_IDS.gateIn, peopleno: SEED_IDS.zhangSan, at: at(2025, 3, 1) });
    sim.counters.reset();
    const records: { no: string }[] = [];
    for await (const record of c.passRecords('2025-03-15', '2025-05-31', { peopleno: SEED_IDS.zhangSan })) records.push(record as { no: string });
    expect(records.map((r) => r.no).sort()).toEqual([...added].sort());
    expect(sim.counters.get('record.list')).toBe(3);
  });

  it('keeps people.list under 60 a minute: the 60th call in a minute waits its turn (and can be cancelled)', async () => {
    const c = client();
    for (let i = 0; i < 59; i++) await c.call('people.list', { pageindex: 1, pagesize: 1 });
    expect(sim.counters.get('people.list')).toBe(59);
    // device.list has no limit: it goes at once.
    await c.call('device.list', DEVICES);
    const controller = new AbortController();
    const sixtieth = c.call('people.list', { pageindex: 1, pagesize: 1 }, { signal: controller.signal });
    controller.abort();
    const error = await failure(sixtieth);
    expect(error).toMatchObject({ code: 'aborted', details: { waitedForRateLimitMs: 60_000 } });
    expect(sim.counters.get('people.list')).toBe(59);
    // A minute later the window has room again.
    nowMs += 60_001;
    await c.call('people.list', { pageindex: 1, pagesize: 1 });
    expect(sim.counters.get('people.list')).toBe(60);
  });
});
