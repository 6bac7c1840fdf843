import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { PLATFORM_ERROR_CODES, platformError, readErrorObject, recoveryOf } from '../../../../electron/drivers/zhejiang/errors.ts';
import { compactJson, JsonTextError, readPlatformJson } from '../../../../electron/drivers/zhejiang/json-text.ts';
import { codecOptions } from '../../../../electron/drivers/zhejiang/options.ts';
import { httpsRequestBody, personImageUrls } from '../../../../electron/drivers/zhejiang/params.ts';
import { readHttpsReply } from '../../../../electron/drivers/zhejiang/reply.ts';
import { md5Hex } from '../../../../electron/drivers/zhejiang/sign.ts';
import { parsePlatformTimeStamp, platformTimeStamp } from '../../../../electron/drivers/zhejiang/timestamp.ts';

/**
 * The platform's error codes (seed 002 §1.3) as typed errors with advice in both languages, the
 * lenient reader for the document's quirky JSON (D19; E13, E42), the HTTPS reply and body (D3, D18),
 * and the TCP timeStamp (D10).
 */
const SECRET = '93f6218530984c32a3bf2b3d03dcb417';
const TOKEN = '696e8019b6fe4dbcb7e5ced91a1c771c';

describe('Zhejiang platform error codes (§1.3)', () => {
  it('lists exactly the document’s codes (no 400_03, S3), each with its recovery (D12)', () => {
    expect(Object.keys(PLATFORM_ERROR_CODES)).toEqual(['400_01', '400_02', '400_04', '400_05', '401_01', '401_02', '500_01']);
    expect(['400_01', '400_02', '400_04', '400_05', '401_01', '401_02', '500_01'].map(recoveryOf)).toEqual([
      'log-no-retry',
      'log-no-retry',
      'reauthenticate',
      'resync-clock-and-retry',
      'reauthenticate',
      'stop',
      'backoff',
    ]);
  });

  it.each([
    ['401_01', 'bad_credentials', 'token', '30 分钟'],
    ['400_04', 'bad_credentials', 'accessSecret', 'accessSecret'],
    ['400_05', 'bad_credentials', 'UTC+8', 'NTP'],
    ['401_02', 'bad_credentials', 'new accessId', '新的 accessId'],
    ['400_02', 'invalid_params', 'param', 'param'],
    ['500_01', 'vendor_error', 'retries', '重试'],
  ] as const)('%s → %s, what happened and what to do in en and zh-CN', (code, driverCode, en, zh) => {
    const error = platformError({ errorcode: code, errmsg: 'x' }, 'C_HEARTBEAT');
    expect(error).toBeInstanceOf(DriverError);
    expect(error).toMatchObject({ code: driverCode, vendor: 'zhejiang', endpoint: 'C_HEARTBEAT', vendorCode: code, details: { errorcode: code, recovery: recoveryOf(code) } });
    expect(error.advice?.en).toContain(en);
    expect(error.advice?.en).toContain(code);
    expect(error.advice?.['zh-CN']).toContain(zh);
  });

  it('reads the TCP error text as the examples write it (unquoted keys, E13)', () => {
    expect(readErrorObject('{errorcode:"400_04",errmsg:"token 或 sign 验证失败"}')).toEqual({ errorcode: '400_04', errmsg: 'token 或 sign 验证失败' });
    // E16: the failure example of §2.2.5 lacks its closing quote: not JSON, but its code is plainly written; the text is kept as the message.
    expect(readErrorObject('{errorcode:"400_04",errmsg:"token 或 sign 验证失败}')).toEqual({ errorcode: '400_04', errmsg: '{errorcode:"400_04",errmsg:"token 或 sign 验证失败}' });
  });

  it('an unknown code, or none, is still a typed error that names it, in both languages', () => {
    const unknown = platformError('{"errorcode":"403_09","errmsg":"设备未登记"}', 'C_SIGN_IN');
    expect(unknown).toMatchObject({ code: 'vendor_error', vendorCode: '403_09', details: { recovery: 'backoff' } });
    expect(unknown.advice?.en).toContain('403_09');
    expect(unknown.advice?.en).toContain('设备未登记');
    expect(unknown.advice?.['zh-CN']).toContain('403_09');
    expect(platformError(undefined, 'C_AUTH').advice?.['zh-CN']).toContain('没有错误码');
  });
});

describe('Zhejiang lenient JSON (D19)', () => {
  it('reads strict JSON as it is, with no quirks', () => {
    expect(readPlatformJson('{"a":[1,2],"b":"x"}')).toMatchObject({ value: { a: [1, 2], b: 'x' }, quirks: [] });
  });

  it('reads the document’s examples: unquoted keys (E13, E42), missing comma (E10), comment (E27), trailing comma (E38)', () => {
    expect(readPlatformJson('{token:"696e8019b6fe4dbcb7e5ced91a1c771c"}')).toMatchObject({ value: { token: TOKEN }, quirks: ['unquoted-key'] });
    expect(readPlatformJson('{deviceVersion:""extendSn:""}')).toMatchObject({ value: { deviceVersion: '', extendSn: '' }, quirks: ['unquoted-key', 'missing-comma'] });
    const status = readPlatformJson('{ task: [{ taskid: "6541951958563696640", status: 1, //1-完成, 2-失败 3-不支持,\n failedPersons: [{personId:"1",errCode:"404_1"}] }], personCount:300, faceCount:200 }');
    expect(status.value).toEqual({ task: [{ taskid: '6541951958563696640', status: 1, failedPersons: [{ personId: '1', errCode: '404_1' }] }], personCount: 300, faceCount: 200 });
    expect(status.quirks).toEqual(expect.arrayContaining(['unquoted-key', 'comment']));
    expect(readPlatformJson('{ "version": "v1.0.0", "sn": "1388186", }').quirks).toEqual(['trailing-comma']);
    expect(readPlatformJson("{ data: [{ personId: '1', imgUrIs: ['http://x/1.jpg'] }] }").value).toEqual({ data: [{ personId: '1', imgUrIs: ['http://x/1.jpg'] }] });
  });

  it('keeps the raw text of each top-level member (for the response sign) and refuses what is no JSON at all', () => {
    expect(readPlatformJson('{version: "v1.0.0", response: { tasks: [ ] }, sign:"x"}').members.get('response')).toBe('{ tasks: [ ] }');
    expect(() => readPlatformJson('<html>login</html>')).toThrow(JsonTextError);
    expect(() => readPlatformJson('{"a":')).toThrow(JsonTextError);
    // Deep lenient text is refused, never a stack overflow (strict JSON is JSON.parse's).
    expect(() => readPlatformJson('{a:'.repeat(100) + '1' + '}'.repeat(100))).toThrow(/too deep/);
    expect(readPlatformJson('{"a":1,"b":{"c":[2]}}').members.get('b')).toBe('{"c":[2]}');
    expect(readPlatformJson("{a:'say \"hi\"\nbye'}").value).toEqual({ a: 'say "hi"\nbye' });
  });

  it('D2: compact, keys in the given order, nulls left out at every depth', () => {
    expect(compactJson({ b: 1, a: null, c: { y: undefined, x: '张/三' } }, { keys: ['c', 'b', 'a'], nested: { c: { keys: ['x', 'y'] } } })).toBe('{"c":{"x":"张/三"},"b":1}');
  });
});

describe('Zhejiang HTTPS body and reply (D3, D18)', () => {
  const fields = { version: 'v1.0.0', sn: '1388186', token: TOKEN, apicode: 'T_SEND_PERSON', taskid: '6541951958563696640', param: { currentPage: 1, totalPage: 1 } };

  it('D3 object (default): the D2 param text spliced in; string: the same text as a JSON string; the sign is the same', () => {
    const object = httpsRequestBody(fields, SECRET);
    expect(object).toBe(`{"version":"v1.0.0","sn":"1388186","token":"${TOKEN}","apicode":"T_SEND_PERSON","taskid":"6541951958563696640","param":{"currentPage":1,"totalPage":1},"sign":"31e38f59994413f87309faa074602a6d"}`);
    const string = httpsRequestBody(fields, SECRET, codecOptions({ httpsParamEncoding: 'string' }));
    expect(JSON.parse(string)).toMatchObject({ param: '{"currentPage":1,"totalPage":1}', sign: '31e38f59994413f87309faa074602a6d' });
  });

  it('reads a signed success reply, checking the sign over the response text as received', () => {
    const response = '{ "data": [{"personId":"p1","name":"张三","imgUrIs":["http://x/1.jpg"]}], "currentPage": 1, "totalPage": 1 }';
    const sign = md5Hex(`v1.0.0true6541951958563696640${response}${SECRET}`);
    const reply = readHttpsReply(`{"version":"v1.0.0","success":true,"response":${response},"sign":"${sign}"}`, 'T_SEND_PERSON', SECRET, { taskid: '6541951958563696640', signCheck: 'strict' });
    expect(reply.sign).toMatchObject({ checked: true, variant: 'as-written' });
    expect(reply.warning).toBeUndefined();
    const person = (reply.response as { data: Record<string, unknown>[] }).data[0]!;
    expect(personImageUrls(person)).toEqual(['http://x/1.jpg']);
  });

  it('the document’s own example (unquoted keys, placeholder sign) is read in warn mode with a warning and the quirks', () => {
    const reply = readHttpsReply('{ version: "v1.0.0", success: true, response: { tasks: [{ taskid: "6541951958563696640", apicode: "T_UPDATE_DEVICE_PERSON" }] }, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }', 'T_GET_TASKS', SECRET);
    expect(reply.quirks).toContain('unquoted-key');
    expect(reply.warning?.en).toContain('T_GET_TASKS');
    expect(() => readHttpsReply('{ version: "v1.0.0", success: true, response: {}, sign: "2764b4eb71b60c9898e388e1eb8ccc02" }', 'T_GET_TASKS', SECRET, { signCheck: 'strict' })).toThrow(expect.objectContaining({ code: 'bad_credentials' }));
  });

  it('a failure reply is the platform’s typed error; a body that is no JSON is not_json, one without success schema_mismatch, with advice', () => {
    expect(() => readHttpsReply('{ version: "v1.0.0", success: false, error: {errorcode:"401_01",errmsg:"token 不存在"}, sign: "x" }', 'T_GET_TASKS', SECRET, { signCheck: 'strict' })).toThrow(
      expect.objectContaining({ code: 'bad_credentials', vendorCode: '401_01' }),
    );
    for (const [body, code] of [['<html></html>', 'not_json'], ['{"ok":1}', 'schema_mismatch']] as const) {
      try {
        readHttpsReply(body, 'T_GET_TASKS', SECRET);
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ code, vendor: 'zhejiang' });
        expect((error as DriverError).advice?.['zh-CN']).toContain('JSON');
      }
    }
  });
});

describe('Zhejiang timeStamp (D10)', () => {
  it('is yyyyMMddHHmmss in China time, whatever the machine’s zone', () => {
    expect(platformTimeStamp(new Date('2021-03-27T19:16:08Z'))).toBe('20210328031608');
    expect(parsePlatformTimeStamp('20210328031608')?.toISOString()).toBe('2021-03-27T19:16:08.000Z');
    expect(parsePlatformTimeStamp('20211332031608')).toBeUndefined();
    expect(parsePlatformTimeStamp('2021-03-28')).toBeUndefined();
  });
});
