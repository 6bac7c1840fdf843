import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FRAME_BYTES, encodeFrame, encodeVarint32, FrameDecoder, readVarint32 } from '../../../../electron/drivers/zhejiang/framing.ts';
import { frameDriverError } from '../../../../electron/drivers/zhejiang/errors.ts';

/** The varint32 framing of seed 002 §1.2 (zhejiang.md §2, D8), both ways, and the streaming decoder's edge cases. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const body = (length: number, fill = 0x61) => Buffer.alloc(length, fill);

describe('Zhejiang varint32 length prefix (§2.1 table)', () => {
  const table: [number, string][] = [
    [0, '00'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [16_383, 'ff7f'],
    [16_384, '808001'],
    [2_097_151, 'ffff7f'],
    [2_097_152, '80808001'],
    [268_435_456, '8080808001'],
  ];

  it.each(table)('%i ↔ %s', (length, prefix) => {
    expect(hex(encodeVarint32(length))).toBe(prefix);
    expect(readVarint32(Buffer.from(prefix, 'hex'))).toEqual({ kind: 'length', length, prefixBytes: prefix.length / 2 });
  });

  it('the document’s 0xAC02 is 300, not 44034', () => {
    expect(readVarint32(Buffer.from([0xac, 0x02]))).toMatchObject({ length: 300 });
  });

  it('the largest 32-bit length takes 5 bytes; a 5th byte beyond 32 bits or a 6th continuation byte is malformed', () => {
    expect(hex(encodeVarint32(0xffff_ffff))).toBe('ffffffff0f');
    expect(readVarint32(Buffer.from('ffffffff0f', 'hex'))).toEqual({ kind: 'length', length: 0xffff_ffff, prefixBytes: 5 });
    expect(readVarint32(Buffer.from('ffffffff1f', 'hex')).kind).toBe('malformed');
    expect(readVarint32(Buffer.from('8080808080', 'hex')).kind).toBe('malformed');
    expect(readVarint32(Buffer.from('8080', 'hex')).kind).toBe('incomplete');
    expect(() => encodeVarint32(-1)).toThrow(RangeError);
    expect(() => encodeVarint32(2 ** 32)).toThrow(RangeError);
  });
});

describe('Zhejiang frame decoder (D8)', () => {
  const one = encodeFrame(body(300));
  const two = encodeFrame(Buffer.from('second'));

  it('one frame in one read', () => {
    const { frames, error } = new FrameDecoder().push(one);
    expect(error).toBeUndefined();
    expect(frames.map((f) => f.length)).toEqual([300]);
  });

  it('a frame split across reads, byte by byte, prefix included', () => {
    const decoder = new FrameDecoder();
    const out: Buffer[] = [];
    for (const byte of one) out.push(...decoder.push(Buffer.from([byte])).frames);
    expect(out).toEqual([body(300)]);
    expect(decoder.pendingBytes).toBe(0);
  });

  it('two frames in one read, and a third whose prefix is split across the next two', () => {
    const three = encodeFrame(body(20_000, 0x62));
    const decoder = new FrameDecoder();
    const first = decoder.push(Buffer.concat([one, two, three.subarray(0, 1)]));
    expect(first.frames.map((f) => f.toString('latin1').slice(0, 6))).toEqual(['aaaaaa', 'second']);
    expect(decoder.push(three.subarray(1, 2)).frames).toEqual([]);
    expect(decoder.push(three.subarray(2)).frames).toEqual([body(20_000, 0x62)]);
  });

  it('an empty body is a frame', () => {
    expect(new FrameDecoder().push(Buffer.from([0x00, 0x00])).frames).toEqual([Buffer.alloc(0), Buffer.alloc(0)]);
  });

  it('5-byte prefixes within the maximum', () => {
    const big = body(268_435_456 % 1000);
    // A 5-byte prefix that still says a small length (non-minimal, as some encoders write it).
    const padded = Buffer.concat([Buffer.from([0x80 | (big.length & 0x7f), 0x80 | (big.length >> 7), 0x80, 0x80, 0x00]), big]);
    expect(new FrameDecoder().push(padded).frames).toEqual([big]);
  });

  it('a frame above the maximum is a typed error before its body arrives; the bogus length is never allocated', () => {
    const decoder = new FrameDecoder({ maxFrameBytes: 1024 });
    const result = decoder.push(Buffer.concat([two, encodeVarint32(0xffff_ffff)]));
    expect(result.frames.map(String)).toEqual(['second']);
    expect(result.error).toMatchObject({ name: 'FrameError', reason: 'too-large', length: 0xffff_ffff, maxFrameBytes: 1024 });
    expect(decoder.pendingBytes).toBe(0);
    // After the error the stream stays stopped: the caller closes the connection.
    expect(decoder.push(two)).toEqual({ frames: [], error: result.error });
    expect(new FrameDecoder().maxFrameBytes).toBe(DEFAULT_MAX_FRAME_BYTES);
  });

  it('garbage (a 6th continuation byte) is a typed error, never a throw', () => {
    const decoder = new FrameDecoder();
    const result = decoder.push(Buffer.from('ffffffffff01', 'hex'));
    expect(result.error).toMatchObject({ reason: 'malformed-prefix' });
    expect(result.error?.message).toContain('ffffffffff');
  });

  it('its DriverError says what happened and what to do in both languages', () => {
    const tooLarge = new FrameDecoder({ maxFrameBytes: 10 }).push(encodeVarint32(11)).error!;
    const error = frameDriverError(tooLarge);
    expect(error).toMatchObject({ code: 'schema_mismatch', vendor: 'zhejiang', details: { reason: 'too-large', length: 11, maxFrameBytes: 10 } });
    expect(error.advice?.en).toContain('11 bytes');
    expect(error.advice?.['zh-CN']).toContain('11 字节');
    const garbage = frameDriverError(new FrameDecoder().push(Buffer.from('8080808080', 'hex')).error!);
    expect(garbage.advice?.['zh-CN']).toContain('长度前缀');
  });
});
