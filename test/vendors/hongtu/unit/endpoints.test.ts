import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { paramsSchema, requestParts } from '../../../../electron/drivers/endpoint-table.ts';
import { hongtuEndpointById, hongtuEndpoints } from '../../../../electron/drivers/hongtu/endpoints.ts';
import { fieldsIn, minimalParams } from '../../../support/endpoint-samples.ts';
import type { HongtuEndpoint } from '../../../../electron/drivers/hongtu/envelope.ts';
import {
  PassRecordPushSchema,
  PushMessageSchema,
  deviceModelLists,
  deviceModels,
  deviceStatuses,
  deviceTypes,
  passTypes,
  personTypes,
  recognitionTypes,
  verificationModes,
} from '../../../../electron/drivers/hongtu/records.ts';
import { expectedEndpointIds } from './fixtures/endpoint-ids.ts';
import { documentPushSample } from './fixtures/push-sample.ts';

function spec(id: string): HongtuEndpoint {
  const found = hongtuEndpointById(id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
}

const cases = hongtuEndpoints.map((endpoint) => [endpoint.id, endpoint] as const);

/** Leaf values tried in turn against a schema: a uuid, date-time, date, clock, millis text, PIN, e-mail, URL, number, flag, bytes. */

function ids(filter: (endpoint: HongtuEndpoint) => boolean): string[] {
  return hongtuEndpoints.filter(filter).map((endpoint) => endpoint.id);
}

describe('the Hongtu endpoint table', () => {
  it('has exactly the 80 endpoints of the document, in document order', () => {
    expect(hongtuEndpoints).toHaveLength(80);
    expect(hongtuEndpoints.map((endpoint) => endpoint.id)).toEqual(expectedEndpointIds);
  });

  it('has unique ids, sections and paths', () => {
    expect(new Set(hongtuEndpoints.map((endpoint) => endpoint.id)).size).toBe(80);
    expect(new Set(hongtuEndpoints.map((endpoint) => endpoint.section)).size).toBe(80);
    expect(new Set(hongtuEndpoints.map((endpoint) => endpoint.path)).size).toBe(80);
  });

  it('finds every endpoint by id, and nothing else', () => {
    for (const endpoint of hongtuEndpoints) expect(hongtuEndpointById(endpoint.id)).toBe(endpoint);
    expect(hongtuEndpointById('door.closeDoor')).toBeUndefined();
  });

  it('is all POST under /v1/api/ but device.info, the one GET, with no body', () => {
    expect(ids((endpoint) => endpoint.method !== 'POST')).toEqual(['device.info']);
    expect(spec('device.info')).toMatchObject({ method: 'GET', body: 'none', fields: [] });
    for (const endpoint of hongtuEndpoints) expect(endpoint.path).toMatch(/^\/v1\/api\/[\w/]+$/);
  });

  it('has the two multipart uploads, and JSON-object bodies everywhere else', () => {
    expect(ids((endpoint) => endpoint.body === 'multipart')).toEqual(['person.uploadImage', 'misc.fileUpload']);
    expect(ids((endpoint) => endpoint.body !== 'multipart' && endpoint.body !== 'json-object')).toEqual(['device.info']);
  });

  it('has the 21 paged endpoints of §1.3, each with optional pageNum and pageSize', () => {
    const paged = hongtuEndpoints.filter((endpoint) => endpoint.reply === 'page');
    expect(paged).toHaveLength(21);
    for (const endpoint of paged) {
      const paging = endpoint.fields.filter((field) => field.name === 'pageNum' || field.name === 'pageSize');
      expect(paging.map((field) => [field.name, field.in, field.required])).toEqual([
        ['pageNum', 'body', false],
        ['pageSize', 'body', false],
      ]);
    }
    expect(spec('door.queryFeatureFailList').fields.find((field) => field.name === 'pageSize')?.description).toMatch(/default 10/);
    expect(spec('person.list').fields.find((field) => field.name === 'pageSize')?.description).toMatch(/default 20/);
  });

  it('answers a bare string on the 21 writes the document shows as "string"', () => {
    expect(ids((endpoint) => endpoint.reply === 'string')).toHaveLength(21);
  });
});

describe.each(cases)('%s', (_id, endpoint) => {
  it('has no path parameters (no path has a placeholder)', () => {
    expect(endpoint.path).not.toMatch(/[{}]/);
    expect(fieldsIn(endpoint, 'path')).toHaveLength(0);
  });

  it('never declares a signature header', () => {
    for (const field of endpoint.fields) expect(['ctimestamp', 'cnonce', 'cappkey', 'csign']).not.toContain(field.name.toLowerCase());
  });

  it('puts fields where its body kind says', () => {
    if (endpoint.body === 'multipart') {
      expect(fieldsIn(endpoint, 'form').length).toBeGreaterThan(0);
      expect(fieldsIn(endpoint, 'body')).toHaveLength(0);
    } else expect(fieldsIn(endpoint, 'form')).toHaveLength(0);
    if (endpoint.body === 'none') expect(endpoint.fields).toHaveLength(0);
    if (endpoint.id !== 'misc.fileUpload') expect(fieldsIn(endpoint, 'query')).toHaveLength(0);
  });

  it('accepts a minimal valid params object and rejects unknown keys', () => {
    const schema = paramsSchema(endpoint);
    const params = minimalParams(endpoint);
    expect(schema.safeParse(params).success).toBe(true);
    expect(schema.safeParse({ ...params, csign: '52141def7a1e346ceee2f22c43d5fb97' }).success).toBe(false);
    expect(schema.safeParse({ ...params, notDocumented: 1 }).success).toBe(false);
  });

  it('rejects params missing a required field', () => {
    const params = minimalParams(endpoint);
    for (const name of Object.keys(params)) {
      const { [name]: _dropped, ...rest } = params;
      expect(paramsSchema(endpoint).safeParse(rest).success).toBe(false);
    }
  });

  it('places a minimal request: a JSON object (at least {}), the upload parts, or nothing', () => {
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse(minimalParams(endpoint)));
    expect(parts.path).toBe(endpoint.path);
    if (endpoint.body === 'json-object') expect(parts.json).toEqual(expect.any(Object));
    else expect(parts.json).toBeUndefined();
  });

  it('reads the minimal reply of its shape', () => {
    const minimal: Partial<Record<HongtuEndpoint['reply'], unknown>> = {
      page: { pageNum: 1, pageSize: 20, total: 0, list: [] },
      array: [],
      string: 'OK',
    };
    if (!(endpoint.reply in minimal)) return;
    expect(endpoint.data.safeParse(minimal[endpoint.reply]).success).toBe(true);
  });
});

describe('requestParts places parameters as the document prints them', () => {
  it('an endpoint without parameters sends {} (§2.2: MD5("{}"), never an empty slot)', () => {
    for (const id of ['storageCriteria.info', 'sysConfig.temperatureConfig', 'sysConfig.queryAFaceConfig', 'sysConfig.resetAFaceConfig', 'storageCriteria.setDefault', 'device.listBygroup']) {
      const endpoint = spec(id);
      expect(endpoint.fields).toEqual([]);
      expect(requestParts(endpoint, {}).json).toEqual({});
    }
  });

  it('the paged example of the signature section: {"pageNum":1,"pageSize":10} (erratum E2)', () => {
    const endpoint = spec('person.list');
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ pageNum: 1, pageSize: 10 }));
    expect(JSON.stringify(parts.json)).toBe('{"pageNum":1,"pageSize":10}');
    expect(paramsSchema(endpoint).safeParse({ pageNum: 0 }).success).toBe(false);
  });

  it('the Java sample: device/list with {"name":"core"}', () => {
    const endpoint = spec('device.list');
    expect(JSON.stringify(requestParts(endpoint, paramsSchema(endpoint).parse({ name: 'core' })).json)).toBe('{"name":"core"}');
  });

  it('person.uploadImage: one multipart part "file", bytes or a path, no JSON', () => {
    const endpoint = spec('person.uploadImage');
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ file: bytes }));
    expect(parts.form).toEqual({ file: bytes });
    expect(parts.json).toBeUndefined();
    expect(parts.query).toEqual([]);
    expect(paramsSchema(endpoint).safeParse({ file: { path: '/tmp/face.jpg' } }).success).toBe(true);
    expect(paramsSchema(endpoint).safeParse({ file: 'face.jpg' }).success).toBe(false);
  });

  it('misc.fileUpload: type in the query string (signed as "type=1"), the file as a part', () => {
    const endpoint = spec('misc.fileUpload');
    const bytes = new Uint8Array([0x50, 0x4b]);
    const parts = requestParts(endpoint, paramsSchema(endpoint).parse({ type: 1, file: bytes }));
    expect(parts.query).toEqual([['type', '1']]);
    expect(parts.form).toEqual({ file: bytes });
    expect(parts.json).toBeUndefined();
    expect(paramsSchema(endpoint).safeParse({ type: 3, file: bytes }).success).toBe(false);
  });

  it('person.visitorCode: the visitor uuid in the body, the literal path (erratum E13)', () => {
    const endpoint = spec('person.visitorCode');
    const parts = requestParts(endpoint, { uuid: '259c090d4d5945e39b1eee835df5b768' });
    expect(parts.path).toBe('/v1/api/person/visitorCode');
    expect(parts.json).toEqual({ uuid: '259c090d4d5945e39b1eee835df5b768' });
    expect(paramsSchema(endpoint).safeParse({ personUuid: '259c090d4d5945e39b1eee835df5b768' }).success).toBe(false);
    expect(endpoint.notes?.some((note) => note.includes('"personUuid 访客UUID"'))).toBe(true);
  });

  it('person.batchAdd: persons with the documented formats, nested objects strict', () => {
    const schema = paramsSchema(spec('person.batchAdd'));
    const employee = { name: '张三', type: 1, code: 'A001', phone: '13513502132', cardNum: '9606650', entryTimeStamp: 1621836519111, groupList: ['7348499c84ba4cb8a0e16cba33080be4'] };
    const visitor = { name: '李四', type: 2, visitStartTimeStamp: 1621836519111, visitEndTimeStamp: 1621840000000, visitedUuid: '1fe6039e266049acb1221388980b7a14', visitFirm: '交通部', postion: '' };
    expect(requestParts(spec('person.batchAdd'), schema.parse({ personList: [employee, visitor] })).json).toEqual({ personList: [employee, visitor] });
    expect(schema.safeParse({ personList: [] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ name: '张三' }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, type: 4 }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, staffCode: 'A001' }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, phone: '12345' }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, password: '12ab' }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, code: 'A-001' }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, name: 'x'.repeat(41) }] }).success).toBe(false);
    expect(schema.safeParse({ personList: [{ ...employee, uuid: 'u'.repeat(33) }] }).success).toBe(false);
  });

  it('person.update: uuid required, the same optional fields as a batchAdd person, no type', () => {
    const schema = paramsSchema(spec('person.update'));
    expect(schema.safeParse({ uuid: '1fe6039e266049acb1221388980b7a14', imageUri: '/pub/abc', groupList: [] }).success).toBe(true);
    expect(schema.safeParse({ uuid: '1fe6039e266049acb1221388980b7a14', type: 1 }).success).toBe(false);
    const addItem = spec('person.batchAdd').fields[0]?.schema;
    const itemKeys = Object.keys(((addItem as z.ZodArray).element as z.ZodObject).shape).sort();
    const updateKeys = spec('person.update').fields.map((field) => field.name);
    expect(itemKeys.filter((key) => key !== 'type')).toEqual([...updateKeys].sort());
  });

  it('time filters: "yyyy-MM-dd HH:mm:ss" or epoch ms (passRecord.list, deviceAlarm.list)', () => {
    for (const id of ['passRecord.list', 'deviceAlarm.list']) {
      const [start, end] = id === 'passRecord.list' ? ['startPassTime', 'endPassTime'] : ['startAlarmTime', 'endAlarmTime'];
      const schema = paramsSchema(spec(id));
      expect(schema.safeParse({ [start]: '2020-01-01 10:00:00', [end]: 1621836519111 }).success).toBe(true);
      expect(schema.safeParse({ [start]: '1621836519111' }).success).toBe(true);
      expect(schema.safeParse({ [start]: '2020-01-01T10:00:00+08:00' }).success).toBe(false);
    }
  });

  it('schedules: HH:mm ranges, holidays yyyy-MM-dd, weeks 1–7', () => {
    const schema = paramsSchema(spec('schedule.addBatch'));
    const schedule = {
      name: '工作日',
      type: 1,
      workDay: [{ week: 1, during: [{ from: '08:00', to: '18:00' }] }],
      holiday: [{ date: '2020-01-01', state: true, during: [{ from: '00:00', to: '23:59' }] }],
    };
    expect(schema.safeParse({ scheduleList: [schedule] }).success).toBe(true);
    expect(schema.safeParse({ scheduleList: [{ ...schedule, workDay: [{ week: 8, during: [] }] }] }).success).toBe(false);
    expect(schema.safeParse({ scheduleList: [{ ...schedule, workDay: [{ week: 1, during: [{ from: '24:00', to: '23:59' }] }] }] }).success).toBe(false);
    expect(paramsSchema(spec('schedule.update')).safeParse({ uuid: 'a', name: 'b', workDay: schedule.workDay, type: 1 }).success).toBe(false);
  });

  it('attendance groups: 1–3 periods, weekdays by name, special dates as millis text', () => {
    const schema = paramsSchema(spec('attendanceGroup.add'));
    const group = {
      name: '白班',
      groupPersons: ['1fe6039e266049acb1221388980b7a14'],
      attendanceTime: [{ order: 1, onSt: '08:30', onEt: '09:00', offSt: '17:30', offEt: '18:00' }],
      specialDate: [{ date: '1621836519111', isPunch: 0 }],
      weekPlan: ['MONDAY', 'FRIDAY'],
      daySpan: 0,
    };
    expect(schema.safeParse(group).success).toBe(true);
    expect(schema.safeParse({ ...group, weekPlan: ['MON'] }).success).toBe(false);
    expect(schema.safeParse({ ...group, specialDate: [{ date: 1621836519111 }] }).success).toBe(false);
    const four = Array.from({ length: 4 }, (_, index) => ({ ...group.attendanceTime[0], order: 1 + (index % 3) }));
    expect(schema.safeParse({ ...group, attendanceTime: four }).success).toBe(false);
  });

  it('device.bind sends the full set, which may be empty; door.add both lists (E31, E32)', () => {
    const bind = paramsSchema(spec('device.bind'));
    expect(bind.safeParse({ uuid: 'b3r', deviceUuids: [] }).success).toBe(true);
    expect(spec('device.bind').notes?.join(' ')).toMatch(/全量绑定/);
    const add = paramsSchema(spec('door.add'));
    expect(add.safeParse({ addDeviceUuids: ['c27689ef42d446c686ee58b14249ce7f'] }).success).toBe(false);
    expect(add.safeParse({ addDeviceUuids: ['c27689ef42d446c686ee58b14249ce7f'], removeDeviceUuids: [] }).success).toBe(true);
  });

  it('door.config takes only its own fields, and all six temperature fields together (E34)', () => {
    const schema = paramsSchema(spec('door.config'));
    const uuid = 'c27689ef42d446c686ee58b14249ce7f';
    expect(schema.safeParse({ uuid, customConfig: { openDuration: 5, verificationMode: 1, alarmOutput1: [0, 2] } }).success).toBe(true);
    expect(schema.safeParse({ uuid, customConfig: { openDuration: 61 } }).success).toBe(false);
    expect(schema.safeParse({ uuid, customConfig: { verificationMode: 4 } }).success).toBe(false);
    expect(schema.safeParse({ uuid, safeGuardConfig: { recognitionMode: 0 } }).success).toBe(false);
    expect(schema.safeParse({ uuid, algorithmConfig: { recognitionMode: 0, maxDistance: 2 } }).success).toBe(true);
    const temperature = { temperatureSwitch: true, highTemperatureOff: true, temperatureMode: false, highThreshold: 37.2, maskAlertSwitch: false, unMaskOff: false };
    expect(schema.safeParse({ uuid, temperatureConfig: temperature }).success).toBe(true);
    expect(schema.safeParse({ uuid, temperatureConfig: { temperatureSwitch: true } }).success).toBe(false);
    expect(schema.safeParse({ uuid, temperatureConfig: { ...temperature, highThreshold: 39 } }).success).toBe(false);
  });

  it('pubsub.recordAdd: a push URL and business type 5', () => {
    const schema = paramsSchema(spec('pubsub.recordAdd'));
    expect(schema.safeParse({ pushUrl: 'http://192.0.2.10:8080/hongtu/push', busiTypes: [5] }).success).toBe(true);
    expect(schema.safeParse({ pushUrl: 'http://192.0.2.10:8080/hongtu/push', busiTypes: [] }).success).toBe(false);
    expect(schema.safeParse({ pushUrl: 'not a url', busiTypes: [5] }).success).toBe(false);
  });

  it('device.importDevice takes only what a discovered panel can be (deviceType 2, mode 1, self-reported)', () => {
    const schema = paramsSchema(spec('device.importDevice'));
    const panel = { name: '大门', location: '一楼', deviceType: 2, deviceModel: 40, deviceMode: 1, snCode: 'W5KEA0001', discoveryMethod: 1 };
    expect(schema.safeParse(panel).success).toBe(true);
    expect(schema.safeParse({ ...panel, deviceType: 1 }).success).toBe(false);
  });
});

describe('reply data as the document describes it', () => {
  it('person.list: a page of persons, timestamps as text, groups as objects', () => {
    const data = spec('person.list').data.parse({
      pageNum: 1,
      pageSize: 20,
      total: 1,
      list: [
        {
          uuid: '1fe6039e266049acb1221388980b7a14',
          name: '张三',
          type: 1,
          sex: 1,
          imageUri: 'http://10.122.101.181/pub/abc',
          code: '123123',
          entryTime: '1621836519111',
          postion: '工程师',
          groupList: [{ uuid: '7348499c84ba4cb8a0e16cba33080be4', name: '员工组' }],
          isPassRecord: true,
          isAttendanceRecord: false,
        },
      ],
    });
    expect(data).toMatchObject({ total: 1, list: [{ uuid: '1fe6039e266049acb1221388980b7a14', postion: '工程师' }] });
  });

  it('a page whose list is null reads as an empty list', () => {
    expect(spec('door.list').data.parse({ pageNum: 1, pageSize: 20, total: 0, list: null })).toMatchObject({ list: [] });
  });

  it('person.batchAdd: successes and failures, code the result code, staffCode the employee code (E19)', () => {
    const data = spec('person.batchAdd').data.parse({
      successes: [{ uuid: '1fe6039e266049acb1221388980b7a14', name: '张三', type: 1, code: 0, staffCode: 'A001' }],
      failures: [{ uuid: '', name: '李四', type: 2, code: 121032, msg: '卡号重复' }],
    });
    expect(data).toMatchObject({ successes: [{ staffCode: 'A001' }], failures: [{ code: 121032 }] });
  });

  it('person.uploadImage: {uri}, and a bare uri read the same', () => {
    const data = spec('person.uploadImage').data;
    expect(data.parse({ uri: '/pub/face/abc.jpg' })).toEqual({ uri: '/pub/face/abc.jpg' });
    expect(data.parse('/pub/face/abc.jpg')).toEqual({ uri: '/pub/face/abc.jpg' });
    expect(data.safeParse({}).success).toBe(false);
  });

  it('device.list, device.queryReportDevice, door.list items', () => {
    expect(
      spec('device.list').data.safeParse({
        pageNum: 1,
        pageSize: 20,
        total: 1,
        list: [{ uuid: 'c27689ef42d446c686ee58b14249ce7f', location: '大门', name: '面板机', deviceType: 2, status: 3, deviceMode: 1, upgradeStatus: null }],
      }).success,
    ).toBe(true);
    expect(
      spec('device.queryReportDevice').data.safeParse({
        pageNum: 1,
        pageSize: 20,
        total: 1,
        list: [{ uuid: 'c27689ef42d446c686ee58b14249ce7f', deviceType: 2, snCode: 'W5KEA0001', gmtCreate: '1621836519111', discoveryMethod: 1 }],
      }).success,
    ).toBe(true);
    expect(
      spec('door.list').data.safeParse({
        pageNum: 1,
        pageSize: 20,
        total: 1,
        list: [{ uuid: 'c27689ef42d446c686ee58b14249ce7f', location: '大门', name: '面板机', deviceType: 2, deviceModel: 35, status: 4, isPass: 1 }],
      }).success,
    ).toBe(true);
  });

  it('the string replies: text, absent, or (for the "OK" four) anything', () => {
    expect(spec('door.openDoor').data.safeParse(null).success).toBe(true);
    expect(spec('door.openDoor').data.safeParse('成功').success).toBe(true);
    expect(spec('person.update').data.safeParse({ anything: true }).success).toBe(true);
  });

  it('the push sample of §7.2, wrapped in its envelope, with busiType as text or number (E40, E41)', () => {
    for (const busiType of [5, '5']) {
      const message = PushMessageSchema.parse({ busiType, data: documentPushSample });
      expect(message.busiType).toBe(5);
      expect(message.data).toMatchObject({
        id: '313123',
        personUuid: '1fe6039e266049acb1221388980b7a14',
        visitPeronUuid: '259c090d4d5945e39b1eee835df5b768',
        visitPersonId: 2,
        passTimestamp: 1621836519111,
        recognitionScore: 89,
        livenessScore: 88,
        temperature: 36.5,
      });
    }
    expect(PushMessageSchema.safeParse({ busiType: 6, data: documentPushSample }).success).toBe(false);
    expect(PassRecordPushSchema.parse({ recognitionScore: 'n/a' }).recognitionScore).toBeNull();
  });

  it('passRecord.list shares the pass-record fields with the push', () => {
    const { id: _id, ...record } = documentPushSample;
    const parsed = spec('passRecord.list').data.parse({ pageNum: 1, pageSize: 20, total: 1, list: [{ ...record, uuid: '313123', temperature: 0.0 }] });
    expect(parsed).toMatchObject({ list: [{ uuid: '313123', passType: 1, verificationMode: 1 }] });
  });
});

describe('the enumerations', () => {
  it('label every documented code in both languages', () => {
    for (const table of [deviceTypes, deviceStatuses, verificationModes, passTypes, recognitionTypes, personTypes, deviceModels]) {
      for (const label of Object.values(table)) {
        expect(label.zh.length).toBeGreaterThan(0);
        expect(label.en.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(deviceTypes)).toEqual(['1', '2', '3', '4']);
    expect(Object.keys(deviceStatuses)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(Object.keys(recognitionTypes)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('has the four model lists of §8.2 inside the one global table', () => {
    expect(deviceModelLists.A).toHaveLength(22);
    expect(deviceModelLists.B).toHaveLength(26);
    expect(deviceModelLists.C).toHaveLength(24);
    expect(deviceModelLists.D).toEqual([1, 2, 3, 34, 36, 40, 41, 42, 43]);
    const all = new Set([...deviceModelLists.A, ...deviceModelLists.B, ...deviceModelLists.C, ...deviceModelLists.D]);
    expect([...all].sort((a, b) => a - b).map(String)).toEqual(Object.keys(deviceModels));
    for (const code of deviceModelLists.D) expect(deviceModelLists.A).toContain(code);
  });
});
