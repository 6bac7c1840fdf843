import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonLineProcess } from '../../../support/json-line-process.ts';
import { startSimProcess } from '../../../support/sim-process.ts';
import type { SimProcess } from '../../../support/sim-process.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { callK30 } from './k30-http.ts';
import type { Page } from './k30-http.ts';

/** The simulator as its own process, as tests, benchmarks and `npm run cli -- sim k30` start it. */
const CLI = fileURLToPath(new URL('../../../../electron/cli/main.ts', import.meta.url));
const OTHER_COMPANY = 'pm5a667aa9f6b001';

describe('K30 simulator process', () => {
  let sim: SimProcess;

  beforeAll(async () => {
    sim = await startSimProcess('k30');
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('prints {url, companyNo}: the document’s verified company number by default', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.companyNo).toBe(DEFAULT_COMPANY_NO);
    expect(sim.token).toBe('');
  });

  it('answers a signed device list, and a person created over HTTP is listed', async () => {
    const devices = await callK30(sim.url, '/openapi/Device/GetList', { pageindex: 1, pagesize: 20 }, { companyNo: sim.companyNo });
    expect(devices.envelope.resultcode).toBe('1');
    expect(devices.signed).toBe(true);
    expect((devices.payload as Page).data.map((device) => device['no'])).toContain(SEED_IDS.gateIn);

    const created = await callK30(sim.url, '/openapi/people/Create', { name: '周八', deptno: SEED_IDS.department, jobnumber: 'P-0008' }, { companyNo: sim.companyNo });
    const { no } = created.payload as { no: string };
    const listed = await callK30(sim.url, '/openapi/people/getlist', { pageindex: 1, pagesize: 20, name: '周八' }, { companyNo: sim.companyNo });
    expect((listed.payload as Page).data).toEqual([expect.objectContaining({ no, name: '周八', jobNumber: 'P-0008' })]);
  });

  it('takes --company, and refuses one that is not a 16-character AES-128 key', async () => {
    const other = await startSimProcess('k30', ['--company', OTHER_COMPANY]);
    try {
      expect(other.companyNo).toBe(OTHER_COMPANY);
      expect((await callK30(other.url, '/openapi/Device/GetList', { pageindex: 1, pagesize: 1 }, { companyNo: OTHER_COMPANY })).envelope.resultcode).toBe('1');
      expect((await callK30(other.url, '/openapi/Device/GetList', { pageindex: 1, pagesize: 1 }, { companyNo: DEFAULT_COMPANY_NO })).envelope.msg).toBe('企业编号错误: companyno不存在');
    } finally {
      await other.stop();
    }
    await expect(startSimProcess('k30', ['--company', '2201140459374'])).rejects.toThrow(/exited with 1/);
  });

  it('runs from the CLI: `sim k30 --company …` forwards the company number', async () => {
    const run = await startJsonLineProcess<{ url: string; companyNo: string }>(CLI, ['sim', 'k30', '--port', '0', '--company', OTHER_COMPANY]);
    try {
      expect(run.info.companyNo).toBe(OTHER_COMPANY);
      expect((await callK30(run.info.url, '/openapi/Device/GetDeviceStatus', { deviceno: SEED_IDS.gateIn }, { companyNo: OTHER_COMPANY })).payload).toMatchObject({ no: SEED_IDS.gateIn, onlinestatus: 1 });
    } finally {
      await run.stop();
    }
  });
});
