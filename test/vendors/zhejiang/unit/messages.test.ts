import { describe, expect, it } from 'vitest';
import { DriverError } from '../../../../electron/drivers/driver-error.ts';
import { encodeFrame, FrameDecoder } from '../../../../electron/drivers/zhejiang/framing.ts';
import { LAYOUT_A, LAYOUT_B, TcpCodec, layoutProblems, type TcpLayout } from '../../../../electron/drivers/zhejiang/messages.ts';
import { heartbeatParam } from '../../../../electron/drivers/zhejiang/params.ts';
import { signRequest } from '../../../../electron/drivers/zhejiang/sign.ts';

/**
 * The TCP messages built at run time from a layout (zhejiang.proto sections A and B, D7): round trips
 * in both layouts, any number changeable, and the digest's §2.2 frame byte for byte.
 */
const SECRET = '93f6218530984c32a3bf2b3d03dcb417';
const TOKEN = '696e8019b6fe4dbcb7e5ced91a1c771c';

/** zhejiang.md §2.2: V2 as a HeartbeatRequest frame, 190 bytes. */
const FRAME_2_2 = [
  'bc010a0676312e302e30120731333838',
  '3138361a203639366538303139623666',
  '65346462636237653563656439316131',
  '6337373163220b435f48454152544245',
  '41542a0e323032313033323830333136',
  '303832487b2264657669636556657273',
  '696f6e223a227631342e382e374c4d2e',
  '53322e65322d312e3138302e372e3233',
  '222c226465766963654970223a223139',
  '322e3136382e312e3131227d3a206133',
  '65616233613766303437656539353234',
  '3339363038363431613038343931',
].join('');

function heartbeat() {
  const signed = signRequest({ version: 'v1.0.0', sn: '1388186', token: TOKEN, apicode: 'C_HEARTBEAT', timeStamp: '20210328031608', param: heartbeatParam('v14.8.7LM.S2.e2-1.180.7.23', '192.168.1.11') }, SECRET);
  return { version: 'v1.0.0', sn: '1388186', token: TOKEN, apicode: 'C_HEARTBEAT' as const, timeStamp: '20210328031608', param: signed.paramText!, sign: signed.sign };
}

const auth = { version: 'v1.0.0', sn: '1388186', apicode: 'C_AUTH' as const, accessId: 'id-1', accessKey: 'key-1', timeStamp: '20210328031608', param: '{"deviceVersion":"v1","extendSn":""}', sign: 'a'.repeat(32) };

describe('Zhejiang TCP messages, layout A (default)', () => {
  const codec = new TcpCodec();

  it('§2.2: the V2 heartbeat frame, byte for byte (188-byte body, prefix bc01)', () => {
    const frame = encodeFrame(codec.encodeRequest(heartbeat()));
    expect(frame.length).toBe(190);
    expect(frame.toString('hex')).toBe(FRAME_2_2);
  });

  it('§2.2: the C_AUTH success reply is a 64-byte body, success as 10 01', () => {
    const body = codec.encodeResponse({ version: 'v1.0.0', success: true, apicode: 'C_AUTH', response: `{"token":"${TOKEN}"}` });
    expect(body.length).toBe(64);
    expect(body.subarray(0, 20).toString('hex')).toBe('0a0676312e302e3010011a06435f415554482a2c');
    expect(codec.decodeResponse(body)).toEqual({ kind: 'known', apicode: 'C_AUTH', message: { version: 'v1.0.0', success: true, apicode: 'C_AUTH', response: `{"token":"${TOKEN}"}` } });
  });

  it('round-trips every request, C_AUTH with its own numbering (apicode 3)', () => {
    expect(codec.decodeRequest(codec.encodeRequest(auth))).toEqual({ kind: 'known', apicode: 'C_AUTH', message: auth });
    expect(codec.encodeRequest(auth).subarray(17, 19).toString('hex')).toBe('1a06'); // field 3, "C_AUTH"
    const hb = heartbeat();
    expect(codec.decodeRequest(codec.encodeRequest(hb))).toEqual({ kind: 'known', apicode: 'C_HEARTBEAT', message: hb });
    const signIn = { ...hb, apicode: 'C_SIGN_IN' as const, param: '{"personId":"1","type":"1","recordTime":1}' };
    expect(codec.decodeRequest(codec.encodeRequest(signIn))).toEqual({ kind: 'known', apicode: 'C_SIGN_IN', message: signIn });
  });

  it('a failure reply: success false is not written and reads as false; the error text comes back as sent', () => {
    const body = codec.encodeResponse({ version: 'v1.0.0', success: false, apicode: 'C_HEARTBEAT', error: '{errorcode:"400_04",errmsg:"token 或 sign 验证失败"}' });
    expect(body.subarray(0, 10).toString('hex')).toBe('0a0676312e302e301a0b'); // version, then straight to field 3: no field 2
    expect(codec.decodeResponse(body)).toMatchObject({ kind: 'known', apicode: 'C_HEARTBEAT', message: { success: false, error: '{errorcode:"400_04",errmsg:"token 或 sign 验证失败"}' } });
  });

  it('a frame of another layout or another apicode is unknown (logged, tolerated: D9), never a throw', () => {
    const b = new TcpCodec(LAYOUT_B);
    expect(codec.decodeRequest(b.encodeRequest(auth)).kind).toBe('unknown');
    expect(codec.decodeResponse(Buffer.from('1a07435f50555348', 'hex'))).toMatchObject({ kind: 'unknown' }); // apicode "C_PUSH"
    expect(codec.decodeResponse(Buffer.from('ffffffff', 'hex'))).toMatchObject({ kind: 'unknown' });
  });

  it('goes through the framing both ways', () => {
    const decoder = new FrameDecoder();
    const frames = decoder.push(Buffer.concat([encodeFrame(codec.encodeRequest(auth)), encodeFrame(codec.encodeRequest(heartbeat()))])).frames;
    expect(frames.map((f) => codec.decodeRequest(f)).map((d) => (d.kind === 'known' ? d.apicode : d.why))).toEqual(['C_AUTH', 'C_HEARTBEAT']);
  });
});

describe('Zhejiang TCP messages, layout B (single envelope)', () => {
  const codec = new TcpCodec(LAYOUT_B);

  it('round-trips C_AUTH with accessId 8 and accessKey 9, token left out', () => {
    const body = codec.encodeRequest(auth);
    expect(codec.decodeRequest(body)).toEqual({ kind: 'known', apicode: 'C_AUTH', message: auth });
    expect(body.includes(Buffer.from('4204', 'hex'))).toBe(true); // field 8, wire type 2, "id-1"
    expect(body.includes(Buffer.from('4a05', 'hex'))).toBe(true); // field 9, "key-1"
  });

  it('writes the §2.2 heartbeat frame byte-identically to layout A (fields 1–7 numbered alike)', () => {
    expect(encodeFrame(codec.encodeRequest(heartbeat())).toString('hex')).toBe(FRAME_2_2);
  });
});

describe('Zhejiang TCP layouts from settings', () => {
  it('every number can change: a site’s own numbering round-trips and moves the bytes', () => {
    const custom: TcpLayout = {
      ...LAYOUT_A,
      requests: { ...LAYOUT_A.requests, C_HEARTBEAT: { version: 10, sn: 11, token: 12, apicode: 13, timeStamp: 14, param: 15, sign: 16 } },
      responses: { ...LAYOUT_A.responses, C_HEARTBEAT: { version: 5, success: 4, apicode: 3, error: 2, response: 1 } },
    };
    const codec = new TcpCodec(custom);
    const body = codec.encodeRequest(heartbeat());
    expect(body[0]).toBe((10 << 3) | 2);
    expect(codec.decodeRequest(body)).toMatchObject({ kind: 'known', apicode: 'C_HEARTBEAT' });
    const reply = codec.encodeResponse({ version: 'v1.0.0', success: true, apicode: 'C_HEARTBEAT', response: '{"taskids":["1"]}' });
    expect(codec.decodeResponse(reply)).toEqual({ kind: 'known', apicode: 'C_HEARTBEAT', message: { version: 'v1.0.0', success: true, apicode: 'C_HEARTBEAT', response: '{"taskids":["1"]}' } });
  });

  it('refuses numbers protobuf cannot use, with advice in both languages', () => {
    const bad: TcpLayout = { ...LAYOUT_A, requests: { ...LAYOUT_A.requests, C_SIGN_IN: { version: 1, sn: 1, token: 0, apicode: 19_500, timeStamp: 5, param: 6 } } };
    expect(layoutProblems(bad)).toEqual(['C_SIGN_IN request: version and sn both 1', 'C_SIGN_IN request.token = 0', 'C_SIGN_IN request.apicode = 19500', 'C_SIGN_IN request.sign has no number']);
    expect(() => new TcpCodec(bad)).toThrow(DriverError);
    try {
      new TcpCodec(bad);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_params', vendor: 'zhejiang' });
      expect((error as DriverError).advice?.['zh-CN']).toContain('字段编号');
    }
    expect(layoutProblems(LAYOUT_A)).toEqual([]);
    expect(layoutProblems(LAYOUT_B)).toEqual([]);
  });
});
