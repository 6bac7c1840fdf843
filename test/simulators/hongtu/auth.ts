import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { EMPTY_BODY_MD5, csign, md5Hex } from '../../../electron/drivers/hongtu/sign.ts';
import { SIGNATURE_ERROR, messageFor } from './codes.ts';

/**
 * The signature check every `/v1/api/` request passes first, as a servlet filter would — before
 * routing, so an unsigned request to an unknown path is a signature error too (hongtu.md §1.1, §2).
 *
 * The four headers `ctimestamp`, `cnonce`, `cappkey`, `csign` (any case: `cappKey` as the Java
 * sample sends it is the same header). csign = MD5(uri-METHOD-query-bodyMD5-secret-ts-nonce-appkey)
 * computed with electron/drivers/hongtu/sign.ts, where
 * - uri is the path as received, without the query;
 * - query is the raw query string as received (`a=1&b=2`, still percent-encoded) or the same text
 *   percent-decoded (the document's example `name=张三&age=28` is unencoded; §10 E7), "" for none;
 * - bodyMD5 is MD5 of the exact body bytes received; an empty body hashes as "" (the Java SDK
 *   leaves the slot empty rather than hashing "", §2.6) and then fails as unreadable JSON;
 *   multipart uploads accept "" (the document's rule) or MD5 of the raw multipart bytes;
 *   `GET /v1/api/device/info` accepts MD5("{}") (the digest's recommendation, tried first) or "",
 *   whatever the GET carries — `getSigning` narrows this to one of them to test a client's fallback;
 * - csign compares exactly: 32 lowercase hex, as the document says.
 *
 * What the document does not say, and the simulator's choice:
 * - every rejection is HTTP 200 with the envelope `{code: 100008, msg, data: null}` (SIGNATURE_REJECTION);
 * - msg is exactly "签名错误" for missing headers, an unknown cappkey or a wrong csign;
 * - a ctimestamp (epoch ms) more than `maxSkewMs` (default 5 minutes) from the server's clock, in
 *   either direction, answers msg "签名错误: ctimestamp超出允许范围(±300000ms), 服务器时间<epoch ms>";
 *   only this msg contains "ctimestamp", so a client can tell clock skew from a wrong secret, and
 *   read the server's time to show the offset (skewMessage);
 * - a replayed request — the same cappkey, ctimestamp and cnonce already accepted within the skew
 *   window — answers msg "签名错误: cnonce重复" (NONCE_REUSED_MESSAGE). Keying on the timestamp too
 *   means an honest client's random 6-character nonces never collide; `rejectReplays: false` turns it off;
 * - the cnonce length is not checked (the document says 6 characters but signs a 7-character example, §10 E4).
 * Checks run in that order: headers, appkey, timestamp, csign, replay — so a request that is both
 * stale and wrongly signed reports the clock first, and a wrongly signed one never uses up its nonce.
 */
export interface KeyPair {
  readonly appKey: string;
  readonly secretKey: string;
}

export const SIGNATURE_REJECTION = { status: 200, code: SIGNATURE_ERROR, msg: messageFor(SIGNATURE_ERROR) } as const;
export const SKEW_MARKER = 'ctimestamp';
export const NONCE_REUSED_MESSAGE = messageFor(SIGNATURE_ERROR, 'cnonce重复');
export const DEFAULT_MAX_SKEW_MS = 5 * 60_000;

export function skewMessage(maxSkewMs: number, serverMs: number): string {
  return messageFor(SIGNATURE_ERROR, `ctimestamp超出允许范围(±${maxSkewMs}ms), 服务器时间${serverMs}`);
}

/** Which body hashes the GET endpoint accepts. */
export type GetSigning = 'either' | 'md5-of-braces' | 'empty';

export type BodyRule = 'json' | 'form' | 'get';

export type SignatureVerdict =
  | { readonly ok: true; readonly appKey: string }
  | { readonly ok: false; readonly reason: 'missing-header' | 'unknown-appkey' | 'bad-timestamp' | 'clock-skew' | 'bad-signature' | 'replayed'; readonly msg: string };

export interface SignedRequest {
  readonly headers: IncomingHttpHeaders;
  readonly method: string;
  readonly uri: string;
  /** The raw query string without `?`, "" when none. */
  readonly query: string;
  readonly raw: Buffer;
  readonly bodyRule: BodyRule;
}

export interface VerifierOptions {
  readonly keyPairs: readonly KeyPair[];
  readonly now: () => number;
  readonly maxSkewMs: number;
  readonly rejectReplays: boolean;
  readonly getSigning: GetSigning;
}

export class SignatureVerifier {
  private readonly options: VerifierOptions;
  private readonly secrets: ReadonlyMap<string, string>;
  /** Accepted (appkey, ctimestamp, cnonce) → when it may be forgotten; insertion order ≈ expiry order. */
  private readonly seen = new Map<string, number>();

  constructor(options: VerifierOptions) {
    this.options = options;
    this.secrets = new Map(options.keyPairs.map((pair) => [pair.appKey, pair.secretKey]));
  }

  verify(request: SignedRequest): SignatureVerdict {
    const header = (name: string): string | undefined => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value[0] : value;
      return text !== undefined && text.length > 0 ? text : undefined;
    };
    const timestamp = header('ctimestamp');
    const nonce = header('cnonce');
    const appKey = header('cappkey');
    const sign = header('csign');
    const plain = SIGNATURE_REJECTION.msg;
    if (timestamp === undefined || nonce === undefined || appKey === undefined || sign === undefined) return { ok: false, reason: 'missing-header', msg: plain };
    const secretKey = this.secrets.get(appKey);
    if (secretKey === undefined) return { ok: false, reason: 'unknown-appkey', msg: plain };
    if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp', msg: plain };
    const now = this.options.now();
    if (Math.abs(now - Number(timestamp)) > this.options.maxSkewMs) return { ok: false, reason: 'clock-skew', msg: skewMessage(this.options.maxSkewMs, now) };

    const matches = this.queryVariants(request.query).some((query) =>
      this.bodyHashes(request).some((bodyMd5) =>
        sameText(sign, csign({ uri: request.uri, method: request.method, query, bodyMd5, secretKey, timestamp, nonce, appKey })),
      ),
    );
    if (!matches) return { ok: false, reason: 'bad-signature', msg: plain };

    if (this.options.rejectReplays) {
      this.forgetExpired(now);
      const key = `${appKey}\n${timestamp}\n${nonce}`;
      if (this.seen.has(key)) return { ok: false, reason: 'replayed', msg: NONCE_REUSED_MESSAGE };
      this.seen.set(key, now + 2 * this.options.maxSkewMs);
    }
    return { ok: true, appKey };
  }

  private queryVariants(query: string): string[] {
    let decoded = query;
    try {
      decoded = decodeURIComponent(query.replace(/\+/g, ' '));
    } catch {
      // Not valid percent-encoding: only the raw text can match.
    }
    return decoded === query ? [query] : [query, decoded];
  }

  private bodyHashes(request: SignedRequest): string[] {
    const exact = request.raw.length > 0 ? md5Hex(request.raw) : '';
    if (request.bodyRule === 'form') return exact === '' ? [''] : ['', exact];
    if (request.bodyRule === 'get') {
      return this.options.getSigning === 'either' ? [EMPTY_BODY_MD5, ''] : this.options.getSigning === 'empty' ? [''] : [EMPTY_BODY_MD5];
    }
    return [exact];
  }

  private forgetExpired(now: number): void {
    for (const [key, expiry] of this.seen) {
      if (expiry > now) break;
      this.seen.delete(key);
    }
  }
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
