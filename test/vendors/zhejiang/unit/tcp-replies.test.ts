import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { platformError, readErrorObject, recoveryOf } from '../../../../electron/drivers/zhejiang/errors.ts';
import { LAYOUT_A, successOf, TcpCodec } from '../../../../electron/drivers/zhejiang/messages.ts';
import { heartbeatTaskIds } from '../../../../electron/drivers/zhejiang/task-ids.ts';
import { looseBoolean } from '../../../../electron/drivers/zhejiang/loose-values.ts';
import { readHttpsReply } from '../../../../electron/drivers/zhejiang/reply.ts';
import { authToken } from '../../../../electron/drivers/zhejiang/tcp-response.ts';

/**
 * The fields a device session reads from a TCP reply (seed 002 §2.1.5, §2.2.5, §2.3.5), as the
 * document prints them and as independent platforms written from it may send them: accepted where
 * the meaning is clear, refused with a typed error where it is not.
 */

/** A reply as a platform whose own .proto declares every field a string (success "true"/"false"). */
function stringSuccessReply(fields: Readonly<Record<string, string>>): Uint8Array {
  const type = new protobuf.Type('AllStrings');
  for (const [name, number] of Object.entries(LAYOUT_A.responses.C_HEARTBEAT)) type.add(new protobuf.Field(name, number, 'string'));
  new protobuf.Root().add(type);
  return type.encode(type.fromObject(fields)).finish();
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('C_AUTH token (§2.1.3, §2.1.5)', () => {
  it('reads the document’s example verbatim', () => {
    expect(authToken('{token:"696e8019b6fe4dbcb7e5ced91a1c771c"}')).toBe('696e8019b6fe4dbcb7e5ced91a1c771c');
  });

  it('reads strict JSON, a response encoded twice, and trims blanks', () => {
    expect(authToken('{"token":"abc"}')).toBe('abc');
    expect(authToken(JSON.stringify(JSON.stringify({ token: 'abc' })))).toBe('abc');
    expect(authToken('{"token":" abc "}')).toBe('abc');
  });

  it('refuses a missing, null, empty, numeric token or a response that is no object, typed with advice in both languages', () => {
    for (const response of [undefined, '', '{}', '{"token":null}', '{"token":""}', '{"token":"  "}', '{"token":696}', '<html>', '["abc"]']) {
      const error = thrown(() => authToken(response));
      expect(error, String(response)).toBeInstanceOf(DriverError);
      expect(error).toMatchObject({ code: 'schema_mismatch', vendor: 'zhejiang', endpoint: 'C_AUTH', details: { reason: 'no-token' } });
      expect((error as DriverError).advice?.en).toContain('no token');
      expect((error as DriverError).advice?.['zh-CN']).toContain('没有 token');
    }
  });
});

describe('heartbeat task ids (§2.2.3, §2.2.5)', () => {
  it('reads the document’s example verbatim', () => {
    expect(heartbeatTaskIds('{taskids:["6543831380287827968","6543831380300410880"]}')).toEqual(['6543831380287827968', '6543831380300410880']);
  });

  it('reads a response encoded twice, numbers past 2^53 with every digit, and one id alone', () => {
    expect(heartbeatTaskIds(JSON.stringify('{"taskids":["a","b"]}'))).toEqual(['a', 'b']);
    expect(heartbeatTaskIds(JSON.stringify('{"taskids":[6543831380287827968]}'))).toEqual(['6543831380287827968']);
    expect(heartbeatTaskIds('{"taskids":6543831380287827968}')).toEqual(['6543831380287827968']);
    expect(heartbeatTaskIds('{"taskids":"6543831380287827968"}')).toEqual(['6543831380287827968']);
    expect(heartbeatTaskIds("{taskids:['a','b']}")).toEqual(['a', 'b']);
  });

  it('reads the spellings taskIds and taskid when taskids is absent', () => {
    expect(heartbeatTaskIds('{"taskIds":["a"]}')).toEqual(['a']);
    expect(heartbeatTaskIds('{"taskid":"a,b"}')).toEqual(['a', 'b']);
    expect(heartbeatTaskIds('{"taskids":["a"],"taskIds":["b"]}')).toEqual(['a']);
  });

  it('gives none for null, missing, an empty string, booleans, objects or no object', () => {
    for (const response of ['{"taskids":null}', '{taskids:null}', '{}', '{"taskids":""}', '{"taskids":true}', '{"taskids":{"a":1}}', '[]', '"text"', 'null', '{"taskids":[null]}']) {
      expect(heartbeatTaskIds(response), response).toEqual([]);
    }
  });
});

describe('success (§2.x.3: Boolean) as it arrives on the wire', () => {
  const codec = new TcpCodec();

  it('reads a bool reply as encoded by the document’s layout', () => {
    const body = codec.encodeResponse({ version: 'v1.0.0', success: true, apicode: 'C_HEARTBEAT', response: '{taskids:["6543831380287827968","6543831380300410880"]}' });
    const decoded = codec.decodeResponse(body);
    expect(decoded).toMatchObject({ kind: 'known', message: { success: true } });
    expect(codec.decodeResponse(codec.encodeResponse({ version: 'v1.0.0', success: false, apicode: 'C_HEARTBEAT', error: '{errorcode:"400_04",errmsg:"token 或 sign 验证失败}' }))).toMatchObject({
      kind: 'known',
      message: { success: false },
    });
  });

  it('reads success sent as a string "true"/"1" as true and "false"/"0"/other text as false', () => {
    for (const [text, expected] of [['true', true], ['TRUE', true], [' 1 ', true], ['false', false], ['0', false], ['yes?', false]] as const) {
      const body = stringSuccessReply({ version: 'v1.0.0', success: text, apicode: 'C_HEARTBEAT', response: '{taskids:["1"]}' });
      const decoded = codec.decodeResponse(body);
      expect(decoded, text).toMatchObject({ kind: 'known', apicode: 'C_HEARTBEAT', message: { success: expected, response: '{taskids:["1"]}' } });
      expect(codec.decodeResponseAs(body, 'C_HEARTBEAT')?.success, text).toBe(expected);
    }
  });

  it('reads a varint other than 1 as true and an absent field as false (proto3)', () => {
    expect(successOf(Uint8Array.from([0x10, 0x02]), 2)).toBe(true);
    expect(successOf(Uint8Array.from([0x10, 0x00]), 2)).toBe(false);
    expect(successOf(Uint8Array.from([]), 2)).toBe(false);
    expect(successOf(Uint8Array.from([0x15, 1, 0, 0, 0]), 2)).toBe(false);
    expect(successOf(Uint8Array.from([0x10]), 2)).toBe(false);
  });
});

describe('the error object of a failure (§1.3, §2.x.5)', () => {
  it('reads the document’s examples verbatim, the heartbeat’s missing quote included', () => {
    expect(readErrorObject('{errorcode:"400_04",errmsg:"token 或 sign 验证失败"}')).toEqual({ errorcode: '400_04', errmsg: 'token 或 sign 验证失败' });
    expect(readErrorObject('{errorcode:"400_04",errmsg:"token 或 sign 验证失败}').errorcode).toBe('400_04');
  });

  it('reads code/msg spellings, a numeric code and text encoded twice', () => {
    expect(readErrorObject('{"code":"401_01","msg":"token 不存在"}')).toEqual({ errorcode: '401_01', errmsg: 'token 不存在' });
    expect(readErrorObject('{"errorCode":500,"message":"boom"}')).toEqual({ errorcode: '500', errmsg: 'boom' });
    expect(readErrorObject(JSON.stringify('{"errorcode":"401_02"}')).errorcode).toBe('401_02');
  });

  it('types an unknown code with the code itself and backs off; no code is `missing`, backing off too', () => {
    const unknown = platformError('{errorcode:"499_09",errmsg:"维护中"}', 'C_HEARTBEAT');
    expect(unknown).toMatchObject({ code: 'vendor_error', vendorCode: '499_09', details: { recovery: 'backoff' } });
    expect(unknown.advice?.en).toContain('499_09');
    expect(recoveryOf('499_09')).toBe('backoff');
    const none = platformError(undefined, 'C_HEARTBEAT');
    expect(none).toMatchObject({ code: 'vendor_error', vendorCode: undefined, details: { recovery: 'backoff' } });
  });
});

describe('HTTPS success (§3.x.3: Boolean) as a serializer may write it', () => {
  it('reads true/false, "true"/"false", 1/0 and "1"/"0"; refuses the rest (schema_mismatch: JSON that does not say whether it succeeded)', () => {
    for (const [value, expected] of [[true, true], [false, false], ['true', true], ['FALSE', false], [1, true], [0, false], ['1', true], ['0', false]] as const) {
      expect(looseBoolean(value), String(value)).toBe(expected);
    }
    for (const value of [undefined, null, 2, 'yes', '', {}]) expect(looseBoolean(value), String(value)).toBeUndefined();
    expect(readHttpsReply('{"version":"v1.0.0","success":"true","response":{"tasks":[]},"sign":"x"}', 'T_GET_TASKS', 's').response).toEqual({ tasks: [] });
    expect(() => readHttpsReply('{"version":"v1.0.0","success":0,"error":{"errorcode":"401_01"}}', 'T_GET_TASKS', 's')).toThrow(expect.objectContaining({ code: 'bad_credentials', vendorCode: '401_01' }));
    expect(() => readHttpsReply('{"version":"v1.0.0","success":"ok"}', 'T_GET_TASKS', 's')).toThrow(expect.objectContaining({ code: 'schema_mismatch' }));
  });
});
