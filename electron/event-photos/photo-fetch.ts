import { request, type Dispatcher } from 'undici';
import type { CapturedPhotoProblem } from '../../shared/contract/event-photos.ts';

/** What reading a picture gave: its bytes, or why there are none. */
export type PictureRead = { readonly bytes: Buffer } | { readonly problem: CapturedPhotoProblem; readonly detail: string };

/**
 * Reads a picture from an http(s) link, at most `maxBytes`, within `timeoutMs`; `via` is the
 * connection pool to read through when the link's server has its own TLS trust (a pinned platform).
 */
export type PictureFetch = (url: URL, maxBytes: number, timeoutMs: number, via?: Dispatcher) => Promise<PictureRead>;

/**
 * GET over undici. A 401/403 is an expired or refused pre-signed link (Aliyun OSS answers an expired
 * `Expires` with 403 AccessDenied, K30's example links are such); any other answer than 200, or no
 * answer, is unreachable; a body past `maxBytes` is too large (read no further).
 */
export const fetchPicture: PictureFetch = async (url, maxBytes, timeoutMs, via) => {
  try {
    const reply = await request(url, { ...(via ? { dispatcher: via } : {}), method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
    if (reply.statusCode !== 200) {
      await reply.body.dump();
      const problem = reply.statusCode === 401 || reply.statusCode === 403 ? 'expired' : 'unreachable';
      return { problem, detail: `HTTP ${reply.statusCode}` };
    }
    const declared = Number(reply.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await reply.body.dump();
      return { problem: 'too-large', detail: `${declared} bytes` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of reply.body) {
      const piece = chunk as Buffer;
      size += piece.length;
      if (size > maxBytes) {
        reply.body.destroy();
        return { problem: 'too-large', detail: `more than ${maxBytes} bytes` };
      }
      chunks.push(piece);
    }
    return { bytes: Buffer.concat(chunks, size) };
  } catch (error) {
    return { problem: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
};
