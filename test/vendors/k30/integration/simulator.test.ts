import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeJpegHeader, makePng, toBase64 } from '../../../simulators/common/image-fixtures.ts';
import { REJECTION_MESSAGES, SKEW_MARKER } from '../../../simulators/k30/auth.ts';
import { CATALOG, catalogEntry } from '../../../simulators/k30/catalog.ts';
import { sealRequest } from '../../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../../electron/drivers/k30/timestamp.ts';
import { HANDLERS } from '../../../simulators/k30/handlers/index.ts';
import { DEFAULT_COMPANY_NO, SEED_IDS } from '../../../simulators/k30/seed.ts';
import { startK30Simulator } from '../../../simulators/k30/server.ts';
import type { K30Simulator } from '../../../simulators/k30/server.ts';
import { callK30, postRaw, readReply } from './k30-http.ts';
import type { Page } from './k30-http.ts';

const NOW = new Date(2025, 5, 2, 9, 0, 0, 0);
const TODAY = '2025-06-02';
const ENVELOPE_KEYS = ['companyno', 'data', 'msg', 'resultcode', 'sign', 'timestamp'];

/** The documented reply fields of a list's items (catalog: `data[].x`), with the JSON type each kind goes out as. */
function itemShape(id: string): Record<string, string> {
  const fields = catalogEntry(id).replyFields.filter((field) => /^data\[\]\.[A-Za-z]+$/.test(field.name));
  return Object.fromEntries(fields.map((field) => [field.name.slice('data[].'.length), field.kind === 'i' ? 'number' : 'string']));
}

const sealed = (payload: unknown) => sealRequest(payload, DEFAULT_COMPANY_NO, formatTimestamp(NOW));

function shapeOf(item: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(item).map(([key, value]) => [key, value === null ? 'null' : typeof value]));
}

describe('K30 simulator over HTTP', () => {
  let sim: K30Simulator;
  const call = (path: string, payload: unknown, tamper?: (body: Record<string, unknown>) => Record<string, unknown>) =>
    callK30(sim.url, path, payload, { companyNo: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW), ...(tamper ? { tamper } : {}) });

  beforeAll(async () => {
    sim = await startK30Simulator({ clock: () => NOW });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(() => {
    sim.faults.clear();
  });

  it('has a handler for every one of the document’s 27 endpoints', () => {
    expect(CATALOG).toHaveLength(27);
    expect([...HANDLERS.keys()].sort()).toEqual(CATALOG.map((entry) => entry.id).sort());
  });

  describe('a signed call', () => {
    it('lists the devices: a signed envelope, encrypted data, the documented fields and types', async () => {
      const reply = await call('/openapi/Device/GetList', { pageindex: 1, pagesize: 20 });
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.envelope).sort()).toEqual(ENVELOPE_KEYS);
      expect(reply.envelope).toMatchObject({ resultcode: '1', msg: '查询成功', companyno: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(NOW) });
      expect(reply.envelope.data).toMatch(/^[A-Za-z0-9%]+$/);
      expect(reply.signed).toBe(true);
      const page = reply.payload as Page;
      expect(page).toMatchObject({ total: 3, totalPage: 1 });
      for (const item of page.data) expect(shapeOf(item)).toEqual(itemShape('device.list'));
      expect(page.data.find((device) => device['no'] === SEED_IDS.office)).toMatchObject({ onlinestatus: 0, regionname: '默认区域' });
    });

    it('pages with pageindex from 1 and refuses 0', async () => {
      const second = await call('/openapi/Device/GetList', { pageindex: 2, pagesize: 2 });
      expect(second.payload).toMatchObject({ total: 3, totalPage: 2, data: [{ no: SEED_IDS.office }] });
      const zero = await call('/openapi/Device/GetList', { pageindex: 0, pagesize: 2 });
      expect(zero.envelope).toMatchObject({ resultcode: '0', msg: '获取列表失败: pageindex必须大于0', data: '' });
      expect(zero.signed).toBe(true);
    });

    it('creates a person and lists them with people.list’s own spelling', async () => {
      const photo = `data:image/jpeg;base64,${toBase64(makeJpegHeader(480, 640))}`;
      const created = await call('/openapi/people/Create', { name: '李四', deptno: SEED_IDS.department, jobnumber: 'K30-0002', sex: '2', iccard: '2000000002', pwd: '123456', photo });
      expect(created.envelope).toMatchObject({ resultcode: '1', msg: 'Success' });
      const { no } = created.payload as { no: string };
      expect(no).toMatch(/^\d{16}$/);

      const listed = await call('/openapi/people/getlist', { pageindex: 1, pagesize: 20, no });
      const page = listed.payload as Page;
      expect(page.total).toBe(1);
      const [person] = page.data;
      expect(person).toMatchObject({ no, jobNumber: 'K30-0002', name: '李四', sex: '女', icCard: '2000000002', type: '白名单', deptNo: SEED_IDS.department, deptName: '项目部', idCardPhoto1: null });
      expect(person?.['startDate']).toBe('2025-06-02 09:00:00');
      expect(person?.['effDate']).toBe('2075-06-02 09:00:00');
      const { idCardPhoto1: _extra, ...documented } = person ?? {};
      expect(shapeOf(documented)).toEqual(itemShape('people.list'));
      const photoUrl = String(person?.['photo']);
      expect(photoUrl).toMatch(/\/Files\/arkcloudweb\/20250602\/\d{16}\.jpeg$/);
      const image = await fetch(photoUrl);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
    });

    it('refuses a person in an unknown department, a taken job number, a bad pwd and a PNG photo, naming the field', async () => {
      const base = { name: '王五', deptno: SEED_IDS.department, jobnumber: 'K30-0003' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, deptno: '404' }, '失败: 部门不存在(deptno: 404)'],
        [{ ...base, jobnumber: 'A0001' }, '失败: 工号已存在(jobnumber: A0001)'],
        [{ ...base, pwd: '12ab' }, '失败: pwd只能是数字，最大6位'],
        [{ ...base, photo: `data:image/jpeg;base64,${toBase64(makePng(4, 4))}` }, '失败: photo不是有效的JPEG图片'],
        [{ ...base, photo: toBase64(makeJpegHeader(4, 4)) }, '失败: photo格式错误: 需带data:image/jpeg;base64前缀的base64图片'],
        [{ name: '王五', deptno: SEED_IDS.department }, '失败: jobnumber不能为空'],
        [{ ...base, name: 'x'.repeat(51) }, '失败: name长度不能超过50'],
        [{ ...base, startdate: '2025/06/02' }, '失败: startdate格式错误: 应为yyyy-MM-dd HH:mm:ss'],
      ];
      for (const [payload, msg] of cases) expect((await call('/openapi/people/Create', payload)).envelope).toMatchObject({ resultcode: '0', msg, data: '' });
    });

    it('updates and deletes a person', async () => {
      const { no } = (await call('/openapi/people/Create', { name: '赵六', deptno: SEED_IDS.department, jobnumber: 'K30-0006', phone: '13900000006' })).payload as { no: string };
      expect((await call('/openapi/people/Update', { no, name: '赵六六', deptno: SEED_IDS.department, jobnumber: 'K30-0006' })).envelope.resultcode).toBe('1');
      expect(sim.state.people.get(no)).toMatchObject({ name: '赵六六', phone: '13900000006' });
      expect((await call('/openapi/people/Delete', { no })).envelope).toMatchObject({ resultcode: '1', data: '' });
      expect((await call('/openapi/people/Delete', { no })).envelope.msg).toBe(`失败: 人员不存在(no: ${no})`);
    });

    it('lists and creates departments; deletes one at the document’s /api/v2 path', async () => {
      const created = await call('/openapi/department/Create', { name: '钢筋班组', parentno: SEED_IDS.department, linkername: '班长' });
      const { no } = created.payload as { no: string };
      const listed = (await call('/openapi/department/getlist', { pageindex: 1, pagesize: 20, name: '钢筋' })).payload as Page;
      expect(listed.data).toEqual([{ no, name: '钢筋班组', companyno: DEFAULT_COMPANY_NO, linkername: '班长', linkerphone: '', remark: '', parentno: SEED_IDS.department }]);
      for (const item of listed.data) expect(shapeOf(item)).toEqual(itemShape('department.list'));
      expect((await call('/openapi/department/Create', { name: '钢筋班组', parentno: SEED_IDS.department })).envelope.msg).toBe('失败: 部门名称已存在(name: 钢筋班组)');
      expect((await call('/api/v2/department/Delete', { no })).envelope.resultcode).toBe('1');
      expect((await call('/api/v2/department/Delete', { no: SEED_IDS.department })).envelope.msg).toBe('失败: 部门下存在人员，不能删除');
    });

    it('opens a door: a remote-open pass record in record.list; an offline door refuses', async () => {
      expect((await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.gateIn })).envelope).toMatchObject({ resultcode: '1', msg: '开门成功', data: '' });
      const records = (await call('/openapi/record/getlist', { pageindex: 1, pagesize: 20, startdate: TODAY, effdate: TODAY, deviceno: SEED_IDS.gateIn, mode: 11 })).payload as Page;
      expect(records.data[0]).toMatchObject({ deviceno: SEED_IDS.gateIn, mode: '11', group: '0', outintype: '1', exceptionmode: '1', addtime: '2025-06-02 09:00:00' });
      for (const item of records.data) expect(shapeOf(item)).toEqual(itemShape('record.list'));
      expect((await call('/openapi/Device/OpenDoor', { deviceno: SEED_IDS.office })).envelope.msg).toBe(`操作失败: 设备离线(deviceno: ${SEED_IDS.office})`);
      expect((await call('/openapi/record/getlist', { pageindex: 1, pagesize: 20, startdate: '2025-05-31', effdate: TODAY })).envelope.msg).toBe('获取列表失败: 开始日期和结束日期不能跨月');
    });

    it('pushes a person to devices, then a walk-through lets them in and region.peopleList shows them', async () => {
      const { no } = (await call('/openapi/people/Create', { name: '孙七', deptno: SEED_IDS.department, jobnumber: 'K30-0007' })).payload as { no: string };
      expect((await call('/openapi/people/syncwhitelist', { no })).envelope.msg).toBe('失败: device_nos和deptno必须填其中一个');
      expect((await call('/openapi/people/syncwhitelist', { no, device_nos: `${SEED_IDS.gateIn},${SEED_IDS.gateOut}` })).envelope.resultcode).toBe('1');
      expect(sim.emitPassRecord({ deviceno: SEED_IDS.gateIn, peopleno: no }).exceptionmode).toBe(1);
      const inside = (await call('/openapi/region/getpeoplelist', { pageindex: 1, pagesize: 20, no: SEED_IDS.gateRegion, name: '孙七' })).payload as Page;
      expect(inside.data).toEqual([expect.objectContaining({ no, deviceno: SEED_IDS.gateIn, entertime: '2025-06-02 09:00:00', sex: '0', rolename: '' })]);
    });

    it('reproduces the document’s visitor flow: create answers {no}, sync and delete answer data ""', async () => {
      const created = await call('/openapi/visitor/Create', { name: '访客甲', phone: '13700000000', staffno: SEED_IDS.zhangSan, begintime: '2025-06-02 09:00:00', endtime: '2025-06-02 18:00:00', idcard: '110101199003070000' });
      expect(created.envelope).toMatchObject({ resultcode: '1', msg: '新增访客成功' });
      const { no } = created.payload as { no: string };
      expect((await call('/openapi/visitor/SyncVisitor', { no, devicenos: SEED_IDS.gateIn })).envelope).toMatchObject({ resultcode: '1', msg: '下发成功', data: '' });
      expect((await call('/openapi/visitor/Delete', { no })).envelope).toMatchObject({ resultcode: '1', msg: '删除成功' });
    });
  });

  describe('refusals', () => {
    const devices = { pageindex: 1, pagesize: 20 };

    it('refuses a bad sign with resultcode "0" and 签名错误', async () => {
      const reply = await call('/openapi/Device/GetList', devices, (body) => ({ ...body, sign: '0'.repeat(32) }));
      expect(reply.status).toBe(200);
      expect(reply.envelope).toMatchObject({ resultcode: '0', msg: '签名错误', companyno: DEFAULT_COMPANY_NO, data: '' });
      expect(reply.signed).toBe(true);
      const upper = await call('/openapi/Device/GetList', devices, (body) => ({ ...body, sign: String(body['sign']).toUpperCase() }));
      expect(upper.envelope.msg).toBe('签名错误');
    });

    it('refuses a wrong company number, missing fields, a numeric timestamp, unencoded or undecryptable data', async () => {
      const cases: [(body: Record<string, unknown>) => Record<string, unknown>, string][] = [
        [(body) => ({ ...body, companyno: '1762766749844336' }), REJECTION_MESSAGES['unknown-company']],
        [({ sign: _sign, ...body }) => body, '参数错误: sign不能为空'],
        [(body) => ({ ...body, data: '' }), '参数错误: data不能为空'],
        [(body) => ({ ...body, timestamp: 20250602090000000 }), '参数错误: timestamp必须是字符串'],
        [(body) => ({ ...body, timestamp: '1748826000000' }), REJECTION_MESSAGES['bad-timestamp']],
        [(body) => ({ ...body, data: decodeURIComponent(String(body['data'])) }), REJECTION_MESSAGES['not-encoded']],
        [(body) => ({ ...body, data: `AAAA${String(body['data'])}` }), REJECTION_MESSAGES.undecryptable],
        [(body) => ({ ...body, data: devices }), '参数错误: data必须是字符串'],
      ];
      for (const [tamper, msg] of cases) {
        const reply = await call('/openapi/Device/GetList', devices, tamper);
        expect(reply.envelope, msg).toMatchObject({ resultcode: '0', msg, data: '' });
      }
    });

    it('tells clock skew apart, with the server’s time', async () => {
      const stale = await callK30(sim.url, '/openapi/Device/GetList', devices, { companyNo: DEFAULT_COMPANY_NO, timestamp: formatTimestamp(new Date(NOW.getTime() - 10 * 60_000)) });
      expect(stale.envelope.resultcode).toBe('0');
      expect(stale.envelope.msg).toContain(SKEW_MARKER);
      expect(stale.envelope.msg).toContain(formatTimestamp(NOW));
    });

    it('refuses data that is not a JSON object, and a missing required parameter', async () => {
      expect((await call('/openapi/Device/GetList', [1, 2])).envelope.msg).toBe(REJECTION_MESSAGES['data-not-object']);
      expect((await call('/openapi/Device/GetList', { pagesize: 20 })).envelope.msg).toBe('获取列表失败: pageindex不能为空');
      expect((await call('/openapi/Device/GetList', { pageindex: 'one', pagesize: 20 })).envelope.msg).toBe('获取列表失败: pageindex格式错误: 应为整数');
    });

    it('answers an unsigned or empty request to any /openapi/ path with a resultcode "0" envelope', async () => {
      const attempts: [string, string | undefined, string][] = [
        ['/openapi/Device/GetList', undefined, 'POST'],
        ['/openapi/Device/GetList', '{}', 'POST'],
        ['/openapi/Device/GetList', 'not json', 'POST'],
        ['/openapi/Device/GetList', undefined, 'GET'],
        ['/openapi/no/Such', '{}', 'POST'],
      ];
      for (const [path, body, method] of attempts) {
        const res = await postRaw(sim.url, path, body, method);
        expect(res.status).toBe(200);
        const reply = await readReply(res, '');
        expect(Object.keys(reply.envelope).sort()).toEqual(ENVELOPE_KEYS);
        expect(reply.envelope).toMatchObject({ resultcode: '0', companyno: '', data: '' });
        expect(reply.signed).toBe(true);
      }
    });

    it('answers a signed request to an unknown path, or a documented one in another case, with a plain 404', async () => {
      for (const path of ['/openapi/people/create', '/openapi/device/GetList', '/openapi/Device/GetList/', '/api/v2/department/delete', '/nope']) {
        const res = await postRaw(sim.url, path, JSON.stringify(sealed(devices)));
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type'), path).toContain('text/html');
      }
    });

    it('serves a home page titled 门禁软件K30 at GET /', async () => {
      const res = await fetch(sim.url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>门禁软件K30</title>');
    });
  });

  describe('faults and admin', () => {
    it('bad-reply-sign: the reply’s sign no longer verifies', async () => {
      sim.faults.badReplySign({ endpoint: 'device.list', count: 1 });
      const reply = await call('/openapi/Device/GetList', { pageindex: 1, pagesize: 20 });
      expect(reply.envelope.resultcode).toBe('1');
      expect(reply.signed).toBe(false);
      expect((await call('/openapi/Device/GetList', { pageindex: 1, pagesize: 20 })).signed).toBe(true);
    });

    it('wrong-shape data: the payload as a plain object, as the document’s device examples print it', async () => {
      sim.faults.wrongShape('data', { endpoint: 'device.status', count: 1 });
      const res = await postRaw(sim.url, '/openapi/Device/GetDeviceStatus', JSON.stringify(sealed({ deviceno: SEED_IDS.gateIn })));
      expect(((await res.json()) as { data: unknown }).data).toMatchObject({ no: SEED_IDS.gateIn, onlinestatus: 1 });
    });

    it('html-page and http-error answer before the envelope', async () => {
      sim.faults.htmlPage({ count: 1 });
      const page = await postRaw(sim.url, '/openapi/Device/GetList', '{}');
      expect(await page.text()).toContain('门禁软件K30');
      sim.faults.httpError(502, { count: 1 });
      expect((await postRaw(sim.url, '/openapi/Device/GetList', '{}')).status).toBe(502);
    });

    it('steers devices over /__sim/ with the company number as Bearer token', async () => {
      const denied = await fetch(new URL('/__sim/devices', sim.url), { method: 'POST', body: JSON.stringify({ no: SEED_IDS.office, online: true }) });
      expect(denied.status).toBe(401);
      const res = await fetch(new URL('/__sim/devices', sim.url), { method: 'POST', headers: { authorization: `Bearer ${DEFAULT_COMPANY_NO}` }, body: JSON.stringify({ no: SEED_IDS.office, online: true }) });
      expect(await res.json()).toMatchObject({ no: SEED_IDS.office, online: true });
      expect((await call('/openapi/Device/GetDeviceStatus', { deviceno: SEED_IDS.office })).payload).toMatchObject({ onlinestatus: 1 });
      sim.state.devices.get(SEED_IDS.office)!.online = false;
    });

    it('counts requests per endpoint id', () => {
      expect(sim.counters.get('device.list')).toBeGreaterThan(0);
    });
  });
});
