import { describe, expect, it } from 'vitest';
import { ARRAY_BODY_FIELD, paramsSchema, requestParts, type FieldSpec } from '../../../../electron/drivers/endpoint-table.ts';
import { zkbioEndpointById, zkbioEndpoints } from '../../../../electron/drivers/zkbio/endpoints.ts';
import { fieldsIn, minimalParams } from '../../../support/endpoint-samples.ts';
import type { ZkbioEndpoint } from '../../../../electron/drivers/zkbio/envelope.ts';
import { expectedEndpointIds } from './fixtures/endpoint-ids.ts';

function spec(id: string): ZkbioEndpoint {
  const found = zkbioEndpointById(id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
}

const cases = zkbioEndpoints.map((endpoint) => [endpoint.id, endpoint] as const);

/** Leaf values tried in turn against a schema: ids, date-times, dates, base64, numbers, flags, bytes. */

function placeholders(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

describe('the ZKBio endpoint table', () => {
  it('has exactly the 217 endpoints of the document, in document order', () => {
    expect(zkbioEndpoints).toHaveLength(217);
    expect(zkbioEndpoints.map((endpoint) => endpoint.id)).toEqual(expectedEndpointIds);
  });

  it('has unique ids and unique section numbers', () => {
    expect(new Set(zkbioEndpoints.map((endpoint) => endpoint.id)).size).toBe(217);
    expect(new Set(zkbioEndpoints.map((endpoint) => endpoint.section)).size).toBe(217);
  });

  it('finds every endpoint by id, and nothing else', () => {
    for (const endpoint of zkbioEndpoints) expect(zkbioEndpointById(endpoint.id)).toBe(endpoint);
    expect(zkbioEndpointById('door.openAll')).toBeUndefined();
  });

  it('uses the ret envelope only where the document does (2.19.13–2.19.15)', () => {
    const ret = zkbioEndpoints.filter((endpoint) => endpoint.reply === 'ret-envelope').map((endpoint) => endpoint.section);
    expect(ret).toEqual(['2.19.13', '2.19.14', '2.19.15']);
  });

  it('has the document’s four DELETE endpoints, one of them with a JSON body', () => {
    const deletes = zkbioEndpoints.filter((endpoint) => endpoint.method === 'DELETE');
    expect(deletes.map((endpoint) => endpoint.id)).toEqual(['department.delete', 'adMedia.delete', 'attAreaPerson.delete', 'person.delete']);
    expect(deletes.filter((endpoint) => endpoint.body !== 'none').map((endpoint) => endpoint.id)).toEqual(['attAreaPerson.delete']);
  });

  it('has five JSON-array bodies and one multipart body', () => {
    expect(zkbioEndpoints.filter((endpoint) => endpoint.body === 'json-array').map((endpoint) => endpoint.id)).toEqual([
      'accLevel.addLevel',
      'accLevel.addLevelDoor',
      'person.addPersons.v2',
      'psgLevel.addLevelByLevel.v2',
      'psgLevel.addLevelByPerson.v2',
    ]);
    expect(zkbioEndpoints.filter((endpoint) => endpoint.body === 'multipart').map((endpoint) => endpoint.id)).toEqual(['adMedia.add']);
  });
});

describe.each(cases)('%s', (_id, endpoint) => {
  it('declares a field for each path placeholder, and no others in the path', () => {
    expect(fieldsIn(endpoint, 'path').map((field) => field.name).sort()).toEqual(placeholders(endpoint.path).sort());
  });

  it('never declares access_token (the client adds it)', () => {
    for (const field of endpoint.fields) expect(field.name).not.toMatch(/^acc(ess)?_token$/);
  });

  it('puts fields where its body kind says', () => {
    const bodyFields = fieldsIn(endpoint, 'body');
    const formFields = fieldsIn(endpoint, 'form');
    if (endpoint.method === 'GET') expect(endpoint.body).toBe('none');
    if (endpoint.body !== 'multipart') expect(formFields).toHaveLength(0);
    if (endpoint.body === 'none' || endpoint.body === 'multipart') expect(bodyFields).toHaveLength(0);
    if (endpoint.body === 'multipart') expect(formFields.length).toBeGreaterThan(0);
    if (endpoint.body === 'json-object') expect(bodyFields.length).toBeGreaterThan(0);
    if (endpoint.body === 'json-array') expect(bodyFields.map((field) => field.name)).toEqual([ARRAY_BODY_FIELD]);
  });

  it('repeats a field name only for one value sent in two places, as the document prints it', () => {
    const seen = new Map<string, FieldSpec>();
    for (const field of endpoint.fields) {
      const first = seen.get(field.name);
      if (first) {
        expect(field.in).not.toBe(first.in);
        expect(field.required).toBe(first.required);
      } else seen.set(field.name, field);
    }
  });

  it('accepts a minimal valid params object and rejects unknown keys', () => {
    const schema = paramsSchema(endpoint);
    const params = minimalParams(endpoint);
    expect(schema.safeParse(params).success).toBe(true);
    expect(schema.safeParse({ ...params, access_token: 'secret' }).success).toBe(false);
    expect(schema.safeParse({ ...params, notDocumented: 1 }).success).toBe(false);
  });

  it('rejects params missing a required field', () => {
    const params = minimalParams(endpoint);
    for (const name of Object.keys(params)) {
      const { [name]: _dropped, ...rest } = params;
      expect(paramsSchema(endpoint).safeParse(rest).success).toBe(false);
    }
  });

  it('places a minimal request without leaving a placeholder in the path', () => {
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse(minimalParams(endpoint)));
    expect(parts.path).not.toMatch(/[{}]/);
    if (endpoint.body === 'none' || endpoint.body === 'multipart') expect(parts.json).toBeUndefined();
    if (endpoint.body === 'json-array') expect(Array.isArray(parts.json)).toBe(true);
    if (endpoint.body === 'json-object') expect(typeof parts.json).toBe('object');
  });

  it('reads the minimal reply of its shape', () => {
    const minimal: Record<string, unknown> = {
      general: null,
      scalar: '2#6SQLlaSLhprGhpkCgFrhHfdyZXFJxK2DLy+oLVolmol=',
      array: [],
      paged: { page: 0, size: 20, total: 0, data: [], offset: 0, lastPage: true },
      object: null,
      other: null,
      'ret-envelope': null,
    };
    if (endpoint.reply === 'object' || endpoint.reply === 'other' || endpoint.reply === 'ret-envelope') return;
    expect(endpoint.data.safeParse(minimal[endpoint.reply]).success).toBe(true);
  });
});

describe('requestParts places parameters as the document prints them', () => {
  it('query parameters (2.12.8 remote open)', () => {
    const endpoint = spec('door.remoteOpenById');
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ doorId: '402856aa6c3baabb016c3bb37365000a', interval: 5 }));
    expect(endpoint.method).toBe('POST');
    expect(parts.path).toBe('/api/door/remoteOpenById');
    expect(parts.query).toEqual([
      ['doorId', '402856aa6c3baabb016c3bb37365000a'],
      ['interval', '5'],
    ]);
    expect(parts.json).toBeUndefined();
  });

  it('refuses a door opening time outside 1–254 s (appendix -45)', () => {
    const schema = paramsSchema(spec('door.remoteOpenById'));
    expect(schema.safeParse({ doorId: 'a', interval: 0 }).success).toBe(false);
    expect(schema.safeParse({ doorId: 'a', interval: 255 }).success).toBe(false);
    expect(schema.safeParse({ doorId: 'a', interval: '5' }).success).toBe(false);
  });

  it('a path parameter, encoded (2.6.2 DELETE department/delete/{code})', () => {
    const endpoint = spec('department.delete');
    const parts = requestParts(endpoint, { code: 'A/B 1' });
    expect(endpoint.method).toBe('DELETE');
    expect(parts.path).toBe('/api/department/delete/A%2FB%201');
    expect(parts.query).toEqual([]);
    expect(parts.json).toBeUndefined();
  });

  it('two path parameters with no separator, as printed (2.26.4)', () => {
    const parts = requestParts(spec('bioTemplate.deleteByPinAndTemplateNo'), { pin: '7', templateNo: '6' });
    expect(parts.path).toBe('/api/person/delete/76');
  });

  it('a DELETE with a JSON body (2.9.1 attAreaPerson/delete)', () => {
    const endpoint = spec('attAreaPerson.delete');
    const params = paramsSchema(endpoint).parse({ code: '1', pins: '5' });
    const parts = requestParts(endpoint, params);
    expect(endpoint.method).toBe('DELETE');
    expect(endpoint.body).toBe('json-object');
    expect(parts.path).toBe('/api/attAreaPerson/delete');
    expect(parts.query).toEqual([]);
    expect(parts.json).toEqual({ code: '1', pins: '5' });
  });

  it('a JSON-array body (2.14.14 v2/person/addPersons)', () => {
    const endpoint = spec('person.addPersons.v2');
    const items = [
      { pin: '1234567', deptCode: '1', name: 'max', gender: 'F', accStartTime: '2018-07-14 08:56:00', accEndTime: '2019-07-14 08:56:00' },
      { pin: '123', deptCode: '1' },
    ];
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ items }));
    expect(parts.json).toEqual(items);
    expect(parts.query).toEqual([]);
    expect(paramsSchema(endpoint).safeParse({ items: [] }).success).toBe(false);
    expect(paramsSchema(endpoint).safeParse({ items: [{ deptCode: '1' }] }).success).toBe(false);
    expect(paramsSchema(endpoint).safeParse({ items: [{ pin: '1', badKey: true }] }).success).toBe(false);
  });

  it('multipart form fields (2.7.1 adMedia/add)', () => {
    const endpoint = spec('adMedia.add');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ file: bytes, mediaName: 'Media name' }));
    expect(endpoint.body).toBe('multipart');
    expect(parts.form).toEqual({ file: bytes, mediaName: 'Media name' });
    expect(parts.json).toBeUndefined();
    expect(paramsSchema(endpoint).safeParse({ file: { path: '/tmp/bayue.png' }, mediaName: 'm' }).success).toBe(true);
    expect(paramsSchema(endpoint).safeParse({ file: 'bayue.png', mediaName: 'm' }).success).toBe(false);
  });

  it('one pin in the path and again in the body (2.14.7 person/getQrCode/{pin})', () => {
    const parts = requestParts(spec('person.getQrCode'), { pin: '123' });
    expect(parts.path).toBe('/api/person/getQrCode/123');
    expect(parts.json).toEqual({ pin: '123' });
  });

  it('one id in the query and again in the body (2.44.3 spaceFacility/deleteById)', () => {
    const parts = requestParts(spec('spaceFacility.deleteById'), { id: '8a8890e19371ca56019371d7d0020009' });
    expect(parts.query).toEqual([['id', '8a8890e19371ca56019371d7d0020009']]);
    expect(parts.json).toEqual({ id: '8a8890e19371ca56019371d7d0020009' });
  });

  it('comma-separated lists from a string or an array (2.1.8 accLevel/syncPerson)', () => {
    const endpoint = spec('accLevel.syncPerson');
    const fromArray = requestParts(endpoint, paramsSchema(endpoint).parse({ pin: '5', levelIds: ['a1', 'b2'] }));
    const fromText = requestParts(endpoint, paramsSchema(endpoint).parse({ pin: '5', levelIds: 'a1,b2' }));
    expect(fromArray.query).toEqual([
      ['pin', '5'],
      ['levelIds', 'a1,b2'],
    ]);
    expect(fromText.query).toEqual(fromArray.query);
  });

  it('paging limits: > 0, and at most 1000 where the document says so', () => {
    const transactions = paramsSchema(spec('transaction.list.v2'));
    expect(transactions.safeParse({ pageNo: 1, pageSize: 1000 }).success).toBe(true);
    expect(transactions.safeParse({ pageNo: 1, pageSize: 1001 }).success).toBe(false);
    expect(transactions.safeParse({ pageNo: 0, pageSize: 10 }).success).toBe(false);
    expect(transactions.safeParse({ pageNo: 1, pageSize: 10, startDate: '2024-01-02' }).success).toBe(false);
    expect(transactions.safeParse({ pageNo: 1, pageSize: 10, startDate: '2024-01-02 00:00:00' }).success).toBe(true);
  });
});

describe('reply data as the document shows it', () => {
  it('2.12.10 v2/door/list', () => {
    const data = spec('door.list.v2').data.parse({
      page: 0,
      size: 1,
      total: 1,
      data: [{ id: '8a888e238478c3a6018478e40f230aae', name: '10.8.14.142-1', deviceId: '8a888e238478c3a6018478e40ee40a64' }],
      offset: 0,
      lastPage: true,
    });
    expect(data).toMatchObject({ total: 1, data: [{ name: '10.8.14.142-1' }] });
  });

  it('2.12.1 door/allDoorState (strings, mixed case)', () => {
    const parsed = spec('door.allDoorState').data.safeParse([
      { id: '402856aa6c3bbde1016c3bc211e50059', name: '192.168.218.11-1', deviceId: '402856aa6c3bbde1016c3bc211e5005a', connect: '1', sensor: 'no sensor', alarm: 'None', relay: 'off' },
    ]);
    expect(parsed.success).toBe(true);
  });

  it('2.12.3 door/doorStateBySn: one object or many, always an array', () => {
    const one = { id: '402856aa6c083827016c08582f8f0012', name: 'door name', deviceId: 'x', connect: '1', sensor: 'off', alarm: 'none', relay: 'off' };
    expect(spec('door.doorStateBySn').data.parse(one)).toEqual([one]);
    expect(spec('door.doorStateBySn').data.parse([one, one])).toHaveLength(2);
  });

  it('2.19.6 transaction/monitor (no id)', () => {
    const parsed = spec('transaction.monitor').data.safeParse([
      {
        eventTime: '2017-05-15 16:35:41',
        pin: '',
        areaName: ' area name',
        cardNo: '9606650',
        devSn: '0564140100195',
        verifyModeName: 'card or fingerprint',
        eventName: 'card is not registered',
        eventPointName: '192.168.218.11-1',
        readerName: '192.168.218.11- out',
        devName: '192.168.218.11(0566141900209)',
      },
    ]);
    expect(parsed.success).toBe(true);
  });

  it('2.19.7 transaction/person (an id that is a number)', () => {
    expect(spec('transaction.person').data.safeParse([{ id: 5, eventTime: '2017-08-04 15:58:49', logId: 11733 }]).success).toBe(true);
  });

  it('2.14.5 person/get?pin= with the comparison photo', () => {
    const person = spec('person.get.v2').data.parse({
      pin: '789789',
      deptCode: '1',
      deptName: 'department name',
      name: 'name',
      gender: 'M',
      cardNo: '',
      vislightPhoto: '',
      vislightPhotoPath: '/upload/pers/user/cropface/789789/789789.jpg',
    });
    expect(person).toMatchObject({ pin: '789789' });
  });

  it('2.10.3 devices read with state or status', () => {
    const list = spec('device.list.v2').data.safeParse({
      page: 0,
      size: 1,
      total: 1,
      data: [{ id: '8a888e238478c3a6018478e40ee40a64', sn: 'CJI4200960003', name: '10.8.14.142', type: 'SpeedFace-V5L', status: '1', module: 'acc' }],
      offset: 0,
      lastPage: true,
    });
    expect(list.success).toBe(true);
  });

  it('2.19.13 ret-envelope data: door events', () => {
    const parsed = spec('transaction.getDoorTransactions').data.safeParse([
      { id: '402856a7695c716301695c81290d0006', eventNo: 8, eventName: 'remote opening', eventTime: '2019-03-08 16:52:38', doorName: '192.168.214.197-1', personPin: '', eventLevel: '0' },
    ]);
    expect(parsed.success).toBe(true);
  });
});
