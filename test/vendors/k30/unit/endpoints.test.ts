import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requestParts } from '../../../../electron/drivers/endpoint-table.ts';
import { k30EndpointById, k30Endpoints } from '../../../../electron/drivers/k30/endpoints.ts';
import { K30ReplyEnvelopeSchema, k30ParamsSchema, replyCompanyNo } from '../../../../electron/drivers/k30/envelope.ts';
import type { K30Endpoint } from '../../../../electron/drivers/k30/envelope.ts';
import { sample } from '../../../support/endpoint-samples.ts';
import { documentEndpoints } from './fixtures/document.ts';

/** The K30 endpoint table (electron/drivers/k30/endpoints.ts): its shape, rules and lenient replies. */
function spec(id: string): K30Endpoint {
  const found = k30EndpointById(id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
}

function ids(filter: (endpoint: K30Endpoint) => boolean): string[] {
  return k30Endpoints.filter(filter).map((endpoint) => endpoint.id);
}

const JPEG_URI = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';

function sampleOf(schema: z.ZodType): unknown {
  return schema.safeParse(JPEG_URI).success ? JPEG_URI : sample(schema);
}

/** Required fields only, plus the one of people.sync's pair the document requires. */
function minimalParams(endpoint: K30Endpoint): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of endpoint.fields) if (field.required) params[field.name] = sampleOf(field.schema);
  if (endpoint.id === 'people.sync') params['deptno'] = '1686638553482330';
  return params;
}

describe('the K30 endpoint table', () => {
  it('has the 27 endpoints, unique by id, section and path, and finds each by id', () => {
    expect(k30Endpoints).toHaveLength(27);
    for (const key of ['id', 'section', 'path'] as const) expect(new Set(k30Endpoints.map((endpoint) => endpoint[key])).size).toBe(27);
    for (const endpoint of k30Endpoints) expect(k30EndpointById(endpoint.id)).toBe(endpoint);
    expect(k30EndpointById('device.closeDoor')).toBeUndefined();
  });

  it('is POST with a JSON object body everywhere, under /openapi/ but department.delete (E11)', () => {
    expect(ids((endpoint) => endpoint.method !== 'POST' || endpoint.body !== 'json-object')).toEqual([]);
    expect(ids((endpoint) => !endpoint.path.startsWith('/openapi/'))).toEqual(['department.delete']);
    expect(spec('department.delete').path).toBe('/api/v2/department/Delete');
    expect(spec('department.delete').notes?.[0]).toMatch(/E11/);
  });

  it('keeps the printed mixed case of the paths (E12)', () => {
    expect(spec('device.list').path).toBe('/openapi/Device/GetList');
    expect(spec('people.list').path).toBe('/openapi/people/getlist');
    expect(spec('people.create').path).toBe('/openapi/people/Create');
    expect(spec('visitor.sync').path).toBe('/openapi/visitor/SyncVisitor');
    expect(spec('device.setLongOpen').path).toBe('/openapi/Device/SetLongOpenByDevice');
  });

  it('pages the nine list endpoints with required pageindex and pagesize, from 1', () => {
    const paged = ids((endpoint) => endpoint.reply === 'page');
    expect(paged).toEqual(['people.list', 'department.list', 'attendance.dailyReport', 'attendance.monthlyReport', 'attendance.abnormalReport', 'record.list', 'device.list', 'region.list', 'region.peopleList']);
    for (const id of paged) {
      const paging = spec(id).fields.filter((field) => field.name === 'pageindex' || field.name === 'pagesize');
      expect(paging.map((field) => [field.name, field.required])).toEqual([
        ['pageindex', true],
        ['pagesize', true],
      ]);
      expect(paging[0]?.schema.safeParse(0).success).toBe(false);
      expect(paging[0]?.schema.safeParse(1).success).toBe(true);
    }
  });

  it('answers {no} from the four creates and nothing from the other writes', () => {
    expect(ids((endpoint) => endpoint.reply === 'object')).toEqual(['people.create', 'department.create', 'device.status', 'visitor.create', 'region.create']);
    expect(spec('people.create').data.parse({ no: '1744965266261879' })).toEqual({ no: '1744965266261879' });
    expect(spec('people.create').data.parse({ no: 1744965266261879 })).toEqual({ no: '1744965266261879' });
    expect(spec('people.create').data.safeParse({}).success).toBe(false);
  });

  it('records the document’s rate limit on people.list, region.list and region.peopleList only', () => {
    expect(ids((endpoint) => endpoint.rateLimit !== undefined)).toEqual(['people.list', 'region.list', 'region.peopleList']);
    for (const id of ['people.list', 'region.list', 'region.peopleList']) {
      expect(spec(id).rateLimit).toEqual({ perMinute: 60, quote: '请求频率小于60次/分钟' });
      expect(spec(id).notes?.[0]).toMatch(/60次\/分钟/);
    }
  });

  it('never declares an envelope field', () => {
    for (const endpoint of k30Endpoints) for (const field of endpoint.fields) expect(['companyno', 'timestamp', 'sign', 'data', 'appid']).not.toContain(field.name);
  });

  it('declares every reply field the digest lists, in the object or the page item', () => {
    // A declared text field reads null as "", a declared Int field reads "1" as 1: an undeclared one would come back as sent.
    const INT_FIELDS = new Set(['device.list outintype', 'device.list isenableattend', 'device.list onlinestatus', 'device.status outintype', 'device.status isenableattend', 'device.status onlinestatus', 'region.list isdefault']);
    for (const doc of documentEndpoints) {
      const endpoint = spec(doc.id);
      const names = doc.replyFields.filter((name) => !/\[\]\..*\[\]\./.test(name)).map((name) => name.replace(/^data\[\]\./, ''));
      if (endpoint.reply === 'none') {
        expect(names, doc.id).toEqual([]);
        continue;
      }
      const sent: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};
      for (const name of names) {
        if (endpoint.reply === 'page' && (name === 'total' || name === 'totalPage')) continue;
        const isInt = INT_FIELDS.has(`${doc.id} ${name}`);
        sent[name] = name === 'monthAttDataList' ? null : isInt ? '1' : null;
        expected[name] = name === 'monthAttDataList' ? [] : isInt ? 1 : '';
      }
      if (endpoint.reply === 'object' && 'no' in sent && Object.keys(sent).length === 1) {
        expect(endpoint.data.parse({ no: 7 }), doc.id).toEqual({ no: '7' });
        continue;
      }
      const parsed = endpoint.data.parse(endpoint.reply === 'page' ? { total: 1, totalPage: 1, data: [sent] } : sent) as Record<string, unknown>;
      const read = endpoint.reply === 'page' ? ((parsed['data'] as unknown[])[0] as Record<string, unknown>) : parsed;
      expect(read, doc.id).toEqual(expected);
    }
  });
});

describe.each(k30Endpoints.map((endpoint) => [endpoint.id, endpoint] as const))('%s', (_id, endpoint) => {
  it('accepts minimal valid params and places them as the plaintext data object', () => {
    const params = minimalParams(endpoint);
    const checked = k30ParamsSchema(endpoint).parse(params);
    expect(requestParts(endpoint, checked)).toEqual({ path: endpoint.path, query: [], json: params, form: {} });
  });

  it('rejects unknown keys, an envelope field among the params, and a missing required field', () => {
    const schema = k30ParamsSchema(endpoint);
    const params = minimalParams(endpoint);
    expect(schema.safeParse({ ...params, notDocumented: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...params, companyno: '1762766749844335' }).success).toBe(false);
    for (const field of endpoint.fields.filter((candidate) => candidate.required)) {
      const { [field.name]: _dropped, ...rest } = params;
      expect(schema.safeParse(rest).success, field.name).toBe(false);
    }
  });
});

describe('cross-field rules the tables state in words', () => {
  it('people.sync needs exactly one of device_nos and deptno (二选一必填, E38)', () => {
    const schema = k30ParamsSchema(spec('people.sync'));
    expect(schema.safeParse({ no: '1', device_nos: '123456,111111,121212' }).success).toBe(true);
    expect(schema.safeParse({ no: '1', deptno: '1686638553482330' }).success).toBe(true);
    expect(schema.safeParse({ no: '1' }).success).toBe(false);
    expect(schema.safeParse({ no: '1', device_nos: '123456', deptno: '1686638553482330' }).error?.issues[0]?.message).toMatch(/exactly one/);
  });

  it('record.list needs start and end date in the same month (不能跨月)', () => {
    const schema = k30ParamsSchema(spec('record.list'));
    expect(schema.safeParse({ pageindex: 1, pagesize: 20, startdate: '2025-01-01', effdate: '2025-01-31' }).success).toBe(true);
    expect(schema.safeParse({ pageindex: 1, pagesize: 20, startdate: '2025-01-31', effdate: '2025-02-01' }).error?.issues[0]?.message).toMatch(/same month/);
    expect(schema.safeParse({ pageindex: 1, pagesize: 20, startdate: '2025-01', effdate: '2025-01-31' }).success).toBe(false);
  });
});

describe('request fields as the tables describe them', () => {
  const create = k30ParamsSchema(spec('people.create'));
  const person = { name: '张三', deptno: '1686638553482330', jobnumber: '100676' };

  it('photos are JPEG data URIs with the comma (E30)', () => {
    expect(create.safeParse({ ...person, photo: JPEG_URI }).success).toBe(true);
    expect(create.safeParse({ ...person, photo: '/9j/4AAQSkZJRg==' }).success).toBe(false);
    expect(create.safeParse({ ...person, photo: 'data:image/png;base64,iVBORw0KGgo=' }).success).toBe(false);
  });

  it('pwd is 1 to 6 digits, sex a code, dates yyyy-MM-dd HH:mm:ss', () => {
    expect(create.safeParse({ ...person, pwd: '123456', sex: '2', startdate: '2022-02-10 00:00:00' }).success).toBe(true);
    for (const bad of [{ pwd: '1234567' }, { pwd: '12a' }, { sex: '男' }, { sex: 1 }, { startdate: '2022-02-10' }]) expect(create.safeParse({ ...person, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it('device codes are the table’s numbers: setLongOpen 1 常开 / 2 常关, outintype 0 / 1', () => {
    const hold = k30ParamsSchema(spec('device.setLongOpen'));
    expect(hold.safeParse({ deviceno: '220114020314C', mode: 1 }).success).toBe(true);
    expect(hold.safeParse({ deviceno: '220114020314C', mode: 2 }).success).toBe(true);
    expect(hold.safeParse({ deviceno: '220114020314C', mode: 0 }).success).toBe(false);
    expect(hold.safeParse({ deviceno: '220114020314C', mode: '1' }).success).toBe(false);
    const update = k30ParamsSchema(spec('device.update'));
    expect(update.safeParse({ no: '220114020314C', ip: '192.168.22.30', name: '4楼门口', outintype: 1, isenableattend: 0 }).success).toBe(true);
    expect(update.safeParse({ no: '220114020314C', ip: '192.168.22.30', name: '4楼门口', outintype: 2 }).success).toBe(false);
  });
});

describe('replies read leniently where the document’s examples disagree', () => {
  it('takes appid for companyno (E10), a numeric resultcode, and no timestamp or sign (E34)', () => {
    const envelope = K30ReplyEnvelopeSchema.parse({ resultcode: '1', appid: 'pm65b0195c12225a37', data: '', msg: '创建成功' });
    expect(replyCompanyNo(envelope)).toBe('pm65b0195c12225a37');
    expect(K30ReplyEnvelopeSchema.parse({ resultcode: 0, msg: '失败', companyno: '1', data: '' }).resultcode).toBe('0');
    expect(K30ReplyEnvelopeSchema.safeParse({ resultcode: '2', msg: 'x' }).success).toBe(false);
    expect(K30ReplyEnvelopeSchema.safeParse({ code: 0, message: 'ok' }).success).toBe(false);
  });

  it('takes data as ciphertext, "", an object or an array', () => {
    for (const data of ['1jy8sFZ46tNBdn0O1NRSQ5ZYgTT9%2fMrVJ5LT1gYWB%2bw%3d', '', { no: '1' }, [], null]) expect(K30ReplyEnvelopeSchema.safeParse({ resultcode: '1', msg: 'ok', data }).success).toBe(true);
  });

  it('reads numbers as text and text as numbers, per the table’s type (E23)', () => {
    expect(spec('device.status').data.parse({ no: '220114020314C', outintype: '1', onlinestatus: 1, ip: 3232241182 })).toMatchObject({ outintype: 1, onlinestatus: 1, ip: '3232241182', name: '' });
    expect(spec('record.list').data.parse({ total: '2', totalPage: '1', data: [{ no: 1749198341167, mode: 11, exceptionmode: '1' }] })).toMatchObject({ total: 2, totalPage: 1, data: [{ no: '1749198341167', mode: '11', exceptionmode: '1' }] });
    expect(spec('device.status').data.safeParse({ no: '1', onlinestatus: 'online' }).success).toBe(false);
  });

  it('reads every form of an empty list as an empty page', () => {
    for (const data of [null, undefined, [], { total: 0, totalPage: 0, data: null }, { total: '0', data: [] }]) {
      expect(spec('people.list').data.parse(data), JSON.stringify(data)).toMatchObject({ total: 0, data: [] });
    }
  });
});
