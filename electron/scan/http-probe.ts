import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

/** What one HTTP request to a scanned port showed. Only facts: the verdict is fingerprints.ts's. */
export interface HttpReply {
  readonly scheme: 'http' | 'https';
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly server: string | null;
  readonly contentType: string | null;
  readonly location: string | null;
  readonly title: string | null;
  /** The body as JSON when it is a JSON object, else null. */
  readonly json: Record<string, unknown> | null;
  /** The first characters of the body, for the evidence. */
  readonly bodyStart: string;
  readonly tls: { readonly subject: string; readonly issuer: string } | null;
}

type HttpFailure = 'timeout' | 'refused' | 'reset' | 'not-http' | 'tls' | 'aborted' | 'error';

interface HttpAttempt {
  readonly address: string;
  readonly port: number;
  readonly scheme: 'http' | 'https';
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly jsonBody?: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

const MAX_BODY = 64 * 1024;

function header(message: IncomingMessage, name: string): string | null {
  const value = message.headers[name];
  return typeof value === 'string' ? value.slice(0, 200) : null;
}

/** Chinese web UIs still serve GBK/GB2312; decode with the declared charset when Node knows it. */
function decode(body: Buffer, contentType: string | null): string {
  const declared = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.toString('latin1'))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return body.toString('utf8');
  }
}

function titleOf(text: string): string | null {
  const match = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text);
  return match?.[1] ? match[1].replace(/\s+/g, ' ').trim() || null : null;
}

function jsonOf(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function failureOf(error: NodeJS.ErrnoException, scheme: 'http' | 'https'): HttpFailure {
  const code = error.code ?? '';
  if (code === 'ABORT_ERR') return 'aborted';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (code.startsWith('HPE_')) return 'not-http';
  if (scheme === 'https' && (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS|wrong version/i.test(error.message))) return 'tls';
  return 'error';
}

/**
 * One harmless request, no credentials: a bounded wait, at most 64 KB read, the connection closed
 * after it. TLS certificates are not verified (a scan must see self-signed panels too); the
 * certificate's subject and issuer are kept as evidence.
 */
export function httpProbe(attempt: HttpAttempt): Promise<HttpReply | HttpFailure> {
  const { address, port, scheme, method, path, jsonBody } = attempt;
  const send = scheme === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: HttpReply | HttpFailure) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const headers: Record<string, string> = { Host: `${address}:${port}`, 'User-Agent': 'Doorman-scan', Accept: '*/*', Connection: 'close' };
    if (jsonBody !== undefined) {
      headers['Content-Type'] = 'application/json;charset=UTF-8';
      headers['Content-Length'] = String(Buffer.byteLength(jsonBody));
    }
    const req = send({ host: address, port, method, path, headers, agent: false, signal: attempt.signal, rejectUnauthorized: false, timeout: attempt.timeoutMs });
    const timer = setTimeout(() => {
      req.destroy();
      finish('timeout');
    }, attempt.timeoutMs);
    req.on('timeout', () => {
      req.destroy();
      finish('timeout');
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(failureOf(error, scheme)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tls: HttpReply['tls'] = null;
      if (scheme === 'https') {
        const cert = (res.socket as TLSSocket).getPeerCertificate?.();
        if (cert && Object.keys(cert).length > 0) {
          const dn = (part: Record<string, unknown> | undefined) =>
            Object.entries(part ?? {})
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(', ');
          tls = { subject: dn(cert.subject as unknown as Record<string, unknown>), issuer: dn(cert.issuer as unknown as Record<string, unknown>) };
        }
      }
      const complete = () => {
        const body = Buffer.concat(chunks);
        const contentType = header(res, 'content-type');
        const text = decode(body, contentType);
        finish({
          scheme,
          method,
          path,
          status: res.statusCode ?? 0,
          server: header(res, 'server'),
          contentType,
          location: header(res, 'location'),
          title: titleOf(text),
          json: jsonOf(text),
          bodyStart: text.slice(0, 160).replace(/\s+/g, ' '),
          tls,
        });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY) complete();
      });
      res.on('end', complete);
      res.on('error', complete);
    });
    req.end(jsonBody);
  });
}
