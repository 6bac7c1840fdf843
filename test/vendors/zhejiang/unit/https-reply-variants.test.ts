import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { readFirmware, readPersonIds, readPersonsPage, readTasks } from '../../../../electron/drivers/zhejiang/https-results.ts';
import { looseBoolean, looseCount, looseList, looseObject } from '../../../../electron/drivers/zhejiang/loose-values.ts';
import { readHttpsReply } from '../../../../electron/drivers/zhejiang/reply.ts';

/**
 * The §3.x.3 replies as platforms written from the document send them: the document's own examples
 * verbatim (unquoted keys, `imgUrIs`, a trailing comma), then the variants real servers send (null
 * lists, digit strings, `data` as a JSON string, unknown keys, `success` as text).
 */
const SECRET = 'secret';
const read = (body: string, apicode: string) => readHttpsReply(body, apicode, SECRET, { taskid: '6541951958563696640', signCheck: 'off' });

describe('Zhejiang HTTPS replies: the document examples verbatim', () => {
  it('§3.1 T_GET_TASKS success example: one task, no param', () => {
    const reply = read('{ version: "v1.0.0", success: true, response: { tasks: [{ taskid: "6541951958563696640", apicode: "T_UPDATE_DEVICE_PERSON" }] }, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }', 'T_GET_TASKS');
    expect(reply.quirks).toContain('unquoted-key');
    expect(readTasks(reply.response)).toEqual([{ taskid: '6541951958563696640', apicode: 'T_UPDATE_DEVICE_PERSON', param: undefined, paramText: undefined }]);
  });

  it('§3.3/§3.4 success example: a page of workers with imgUrIs (E34)', () => {
    const body = '{ version: "v1.0.0", success: true, response: { data: [{ personId: "人员 id", name: "姓名", imgUrIs: ["头像 url"] }], currentPage: 1, totalPage: 10 }, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }';
    const page = readPersonsPage(read(body, 'T_SEND_PERSON').response, 1);
    expect(page).toMatchObject({ currentPage: 1, totalPage: 10, persons: [{ personId: '人员 id', name: '姓名', imgUrls: ['头像 url'] }] });
  });

  it('§3.5 T_DEL_DEVICE_PERSON success example: personIds', () => {
    const body = '{ version: "v1.0.0", success: true, response: { personIds: ["人员 id1","人员 id2"] }, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }';
    expect(readPersonIds(read(body, 'T_DEL_DEVICE_PERSON').response)).toEqual(['人员 id1', '人员 id2']);
  });

  it('§3.2/§3.6 success without response; the failure examples (one with a trailing comma) are the typed platform error', () => {
    const ok = read('{ version: "v1.0.0", success: true, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }', 'T_UPDATE_TASKS_STATUS');
    expect(ok.response).toBeUndefined();
    const failures = [
      '{ version: "v1.0.0", success: false, error: {errorcode:"400_04",errmsg:"token 或 sign 验证失败"}, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }',
      '{ version: "v1.0.0", success: false, error: {errorcode:"400_04",errmsg:"token 或 sign 验证失败"}, }',
    ];
    for (const body of failures) {
      const error = (() => {
        try {
          read(body, 'T_UPDATE_TASKS_STATUS');
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(DriverError);
      expect((error as DriverError).vendorCode).toBe('400_04');
    }
  });
});

describe('Zhejiang HTTPS replies: the variants real servers send', () => {
  it('success as "true"/"false"/1/0 is read; a success that cannot be told is refused with a typed error', () => {
    expect(read('{"version":"v1.0.0","success":"true","response":{"tasks":[]}}', 'T_GET_TASKS').response).toEqual({ tasks: [] });
    expect(read('{"success":1}', 'T_UPDATE_TASKS_STATUS').response).toBeUndefined();
    expect(() => read('{"success":"false","error":{"errorcode":"400_04","errmsg":"x"}}', 'T_GET_TASKS')).toThrow(DriverError);
    expect(() => read('{"success":0,"error":"{errorcode:\\"400_04\\"}"}', 'T_GET_TASKS')).toThrow(/400_04/);
    for (const body of ['{"success":"yes"}', '{"success":null}', '{"response":{}}', '[true]', 'null']) {
      expect(() => read(body, 'T_GET_TASKS')).toThrow(expect.objectContaining({ code: 'schema_mismatch' }) as Error);
    }
  });

  it('a version sent as a number keeps its text as received (the sign covers it)', () => {
    expect(read('{"version":1.0,"success":true}', 'T_UPDATE_TASKS_STATUS').version).toBe('1.0');
    expect(read('{version: 2, success: true}', 'T_UPDATE_TASKS_STATUS').version).toBe('2');
  });

  it('T_GET_TASKS: tasks null, empty, missing, a JSON string; response a JSON string; param an object or a string; unknown keys ignored', () => {
    for (const response of [{ tasks: null }, { tasks: [] }, {}, null, { tasks: '' }, '{"tasks":null}']) expect(readTasks(response)).toEqual([]);
    const tasks = readTasks({
      extra: { anything: 1 },
      tasks: '[{taskid:"7",apicode:"T_CLEAR_DEVICE_PERSON",priority:"high"},{"taskid":8,"apicode":"T_POST_DEVICE_PERSON","param":"{\\"excludeFields\\":[]}"}]',
    });
    expect(tasks).toEqual([
      { taskid: '7', apicode: 'T_CLEAR_DEVICE_PERSON', param: undefined, paramText: undefined },
      { taskid: '8', apicode: 'T_POST_DEVICE_PERSON', param: { excludeFields: [] }, paramText: '{"excludeFields":[]}' },
    ]);
    const body = '{"version":"v1.0.0","success":true,"response":"{\\"tasks\\":[{\\"taskid\\":\\"9\\",\\"apicode\\":\\"T_SEND_PERSON\\",\\"param\\":{\\"personIds\\":[\\"1\\"]}}]}","sign":"x","unknown":[1,2]}';
    expect(readTasks(read(body, 'T_GET_TASKS').response)).toEqual([{ taskid: '9', apicode: 'T_SEND_PERSON', param: { personIds: ['1'] }, paramText: '{"personIds":["1"]}' }]);
  });

  it('a page of workers: counts as digit strings, data null / a JSON string, imgUrls or imgUrIs (null, a string, a JSON list)', () => {
    expect(readPersonsPage({ data: null, currentPage: '2', totalPage: '3' }, 2)).toEqual({ currentPage: 2, totalPage: 3, persons: [] });
    expect(readPersonsPage({ totalPage: ' 3 ' }, 2)).toEqual({ currentPage: 2, totalPage: 3, persons: [] });
    expect(readPersonsPage({ currentPage: 'two', totalPage: -1 }, 2)).toEqual({ currentPage: 2, totalPage: 2, persons: [] });
    const page = readPersonsPage(
      {
        currentPage: '1',
        totalPage: '1',
        data: '[{personId:1,name:"A",imgUrls:null,imgUrIs:["u1"]},{"personId":"2","name":"B","imgUrls":"u2"},{"personId":"3","imgUrls":"[\\"u3\\",\\"u4\\"]","x":1},{"name":"no id"}]',
      },
      1,
    );
    expect(page.persons.map(({ personId, name, imgUrls }) => ({ personId, name, imgUrls }))).toEqual([
      { personId: '1', name: 'A', imgUrls: ['u1'] },
      { personId: '2', name: 'B', imgUrls: ['u2'] },
      { personId: '3', name: '', imgUrls: ['u3', 'u4'] },
    ]);
    expect(page.persons[2]?.fields['x']).toBe(1);
  });

  it('personIds null, a JSON string list, a comma-separated string, numbers; firmware size as a digit string', () => {
    expect(readPersonIds({ personIds: null })).toEqual([]);
    expect(readPersonIds({})).toEqual([]);
    expect(readPersonIds({ personIds: '["1","2"]' })).toEqual(['1', '2']);
    expect(readPersonIds({ personIds: '1, 2' })).toEqual(['1', '2']);
    expect(readPersonIds({ personIds: '7' })).toEqual(['7']);
    expect(readPersonIds('{personIds:[3,"4"]}')).toEqual(['3', '4']);
    expect(readFirmware({ version: 'v2', size: '1024', downloadUrl: 'https://x/f.bin' })).toEqual({ version: 'v2', size: 1024, downloadUrl: 'https://x/f.bin' });
    expect(readFirmware('{version:"v2",downloadUrl:"https://x/f.bin"}')).toEqual({ version: 'v2', size: undefined, downloadUrl: 'https://x/f.bin' });
  });

  it('a list or a response with no clear meaning is refused with a typed error naming the field (never read as empty: the task would be reported done)', () => {
    const refused = (run: () => unknown, field: string, apicode: string) =>
      expect(run).toThrow(expect.objectContaining({ code: 'schema_mismatch', endpoint: apicode, details: expect.objectContaining({ field }) as unknown }) as Error);
    refused(() => readTasks({ tasks: { taskid: '1' } }), 'tasks', 'T_GET_TASKS');
    refused(() => readTasks({ tasks: 'not a list' }), 'tasks', 'T_GET_TASKS');
    refused(() => readTasks(5), 'response', 'T_GET_TASKS');
    refused(() => readPersonsPage({ data: { personId: '1' } }, 1, 'T_UPDATE_DEVICE_PERSON'), 'data', 'T_UPDATE_DEVICE_PERSON');
    refused(() => readPersonsPage({ data: '[{personId:"1"' }, 1), 'data', 'T_SEND_PERSON');
    refused(() => readPersonIds({ personIds: { a: 1 } }), 'personIds', 'T_DEL_DEVICE_PERSON');
    refused(() => readPersonIds('garbage {'), 'response', 'T_DEL_DEVICE_PERSON');
    try {
      readTasks({ tasks: 7 });
    } catch (error) {
      expect((error as DriverError).advice?.en).toContain('“tasks”');
      expect((error as DriverError).advice?.['zh-CN']).toContain('“tasks”');
    }
    expect(readPersonIds({ personIds: 12 })).toEqual(['12']);
  });

  it('the lenient value readers: the shapes with a clear meaning, undefined for the rest', () => {
    expect([true, 'TRUE', ' true ', 1, '1'].map(looseBoolean)).toEqual([true, true, true, true, true]);
    expect([false, 'false', 0, '0'].map(looseBoolean)).toEqual([false, false, false, false]);
    expect(['yes', 2, null, undefined, {}].map(looseBoolean)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([3, '3', '03', 0].map((value) => looseCount(value))).toEqual([3, 3, 3, 0]);
    expect(['3.5', 3.5, -1, '', '1e3', Number.MAX_SAFE_INTEGER + 2].map((value) => looseCount(value))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([null, undefined, '', 'null', '[1]', [2]].map(looseList)).toEqual([[], [], [], [], [1], [2]]);
    expect(['{a:1}', 'x', 5].map(looseList)).toEqual([undefined, undefined, undefined]);
    expect(['{a:1}', { b: 2 }, '[1]', '', 'not json'].map(looseObject)).toEqual([{ a: 1 }, { b: 2 }, undefined, undefined, undefined]);
  });
});
