/**
 * The Zhejiang platform's TCP framing (seed 002 §1.2, zhejiang.md §2, D8): every frame is
 * `varint32(len(body))` followed by the protobuf body, in both directions. The document shows
 * Netty's diagram (`Length 0xAC02 | Protobuf Data (300 bytes)`): `AC 02` is the base-128 varint of
 * 300, not the 16-bit number 0xAC02. Pure functions and a streaming decoder; no sockets here.
 *
 * The length is an unsigned 32-bit varint of at most 5 bytes. The decoder never throws: a prefix
 * with a 6th continuation byte, a 5th byte beyond 32 bits, or a length above `maxFrameBytes` comes
 * back as a typed {@link FrameError} and the decoder stops (the caller closes the connection: after
 * a bad prefix the stream cannot be resynchronised). The bogus length is never allocated: bytes are
 * kept as the chunks that arrived until a whole frame is there.
 */

/** At most 5 bytes for a 32-bit varint (Netty's ProtobufVarint32FrameDecoder). */
export const MAX_PREFIX_BYTES = 5;
/** D8: a C_SIGN_IN carries a base64 photo; 4 MiB by default, configurable. */
export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
const UINT32_MAX = 0xffff_ffff;

/** The length prefix of `length` (0 … 2^32−1): 7 bits a byte, least significant first. */
export function encodeVarint32(length: number): Buffer {
  if (!Number.isInteger(length) || length < 0 || length > UINT32_MAX) throw new RangeError(`varint32 length out of range: ${length}`);
  const bytes: number[] = [];
  let rest = length;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** One frame: the prefix and the body. */
export function encodeFrame(body: Uint8Array): Buffer {
  return Buffer.concat([encodeVarint32(body.length), body]);
}

export type FrameErrorReason = 'malformed-prefix' | 'too-large';

/** Why a stream cannot be read on: the connection is to be closed (the caller logs `message`). */
export class FrameError extends Error {
  readonly reason: FrameErrorReason;
  /** The announced length for `too-large`. */
  readonly length: number | undefined;
  readonly maxFrameBytes: number;

  constructor(reason: FrameErrorReason, message: string, maxFrameBytes: number, length?: number) {
    super(message);
    this.name = 'FrameError';
    this.reason = reason;
    this.length = length;
    this.maxFrameBytes = maxFrameBytes;
  }
}

export type PrefixRead =
  | { readonly kind: 'length'; readonly length: number; readonly prefixBytes: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'malformed'; readonly why: string };

/** Reads a varint32 prefix at the start of `bytes` (a 5th byte must fit in the 32 bits left: 4 bits). */
export function readVarint32(bytes: Uint8Array): PrefixRead {
  let value = 0;
  for (let i = 0; i < MAX_PREFIX_BYTES; i++) {
    if (i >= bytes.length) return { kind: 'incomplete' };
    const byte = bytes[i]!;
    if (i === MAX_PREFIX_BYTES - 1 && (byte & 0x70) !== 0 && (byte & 0x80) === 0) return { kind: 'malformed', why: 'the 5th prefix byte goes beyond 32 bits' };
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) return { kind: 'length', length: value, prefixBytes: i + 1 };
  }
  return { kind: 'malformed', why: 'the 5th prefix byte has the continuation bit set (a 6th byte would follow)' };
}

export interface FrameDecoderOptions {
  readonly maxFrameBytes?: number;
}

/**
 * Collects chunks as they arrive and hands back whole frame bodies: split frames, several frames in
 * one chunk, a prefix split across chunks. After an error every push returns that same error.
 */
export class FrameDecoder {
  readonly maxFrameBytes: number;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failed: FrameError | undefined;

  constructor(options: FrameDecoderOptions = {}) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  }

  /** The bytes held that are not yet a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  get error(): FrameError | undefined {
    return this.failed;
  }

  /** Takes a chunk; returns the frames it completes, and the error that stops the stream, if any. */
  push(chunk: Uint8Array): { frames: Buffer[]; error?: FrameError } {
    if (this.failed) return { frames: [], error: this.failed };
    if (chunk.length > 0) {
      // Kept as a view, not copied: a socket hands over a fresh buffer each time (frames handed back are copies).
      this.chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      this.buffered += chunk.length;
    }
    const frames: Buffer[] = [];
    for (;;) {
      const head = this.peek(MAX_PREFIX_BYTES);
      const prefix = readVarint32(head);
      if (prefix.kind === 'incomplete') break;
      if (prefix.kind === 'malformed') return this.fail(frames, new FrameError('malformed-prefix', `Zhejiang frame: garbage length prefix ${head.toString('hex')}: ${prefix.why}`, this.maxFrameBytes));
      if (prefix.length > this.maxFrameBytes) {
        return this.fail(frames, new FrameError('too-large', `Zhejiang frame: announced ${prefix.length} bytes, above the maximum of ${this.maxFrameBytes}`, this.maxFrameBytes, prefix.length));
      }
      if (this.buffered < prefix.prefixBytes + prefix.length) break;
      this.skip(prefix.prefixBytes);
      frames.push(this.take(prefix.length));
    }
    return { frames };
  }

  private fail(frames: Buffer[], error: FrameError): { frames: Buffer[]; error: FrameError } {
    this.failed = error;
    this.chunks = [];
    this.buffered = 0;
    return { frames, error };
  }

  /** Up to `count` bytes from the front, without consuming them. */
  private peek(count: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= Math.min(count, this.buffered)) return first.subarray(0, count);
    const parts: Buffer[] = [];
    let have = 0;
    for (const chunk of this.chunks) {
      if (have >= count) break;
      parts.push(chunk.subarray(0, count - have));
      have += Math.min(chunk.length, count - have);
    }
    return Buffer.concat(parts);
  }

  private skip(count: number): void {
    this.take(count);
  }

  /** Consumes exactly `count` buffered bytes (all present). */
  private take(count: number): Buffer {
    const parts: Buffer[] = [];
    let need = count;
    while (need > 0) {
      const chunk = this.chunks[0]!;
      if (chunk.length <= need) {
        parts.push(chunk);
        this.chunks.shift();
        need -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, need));
        this.chunks[0] = chunk.subarray(need);
        need = 0;
      }
    }
    this.buffered -= count;
    return parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts, count);
  }
}
