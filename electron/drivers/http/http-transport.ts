import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector, request, type Dispatcher } from 'undici';
import { DriverError, abortCodeOf, classifyNetworkError } from '../driver-error.ts';
import { speaksPlainHttp } from './plain-http-probe.ts';
import { ReplyRedaction } from './reply-redaction.ts';
import { normalizeFingerprint, type TlsOptions } from '../../../shared/contract/tls-options.ts';

interface HttpTransportOptions {
  readonly vendor: string;
  readonly tls?: TlsOptions;
  /** Per-call default; a call may pass its own. */
  readonly timeoutMs?: number;
  /** Cap on bytes read from one reply (a photo list can be large, a runaway body must not be). */
  readonly maxBodyBytes?: number;
  readonly connections?: number;
  /** The backend's credentials: never let through in what the backend answers (see ReplyRedaction). */
  readonly secrets?: readonly string[];
}

interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array | FormData | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  /** For error messages: which endpoint this is. */
  readonly endpoint?: string | undefined;
}

/** What the backend answered, its credentials already taken out (ReplyRedaction). */
export interface HttpReply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The server's clock (HTTP `Date`), for clock-skew verdicts; null when absent. */
  readonly date: string | null;
  /** The `Server` header, as evidence of what answered. */
  readonly server: string | null;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/**
 * One keep-alive connection pool per backend over undici, with per-call timeouts, cancellation and
 * the backend's TLS trust. Every failure comes out as a DriverError with the network cause named.
 */
export class HttpTransport {
  private readonly agent: Agent;
  private readonly vendor: string;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly redaction: ReplyRedaction;

  constructor(options: HttpTransportOptions) {
    this.vendor = options.vendor;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.redaction = new ReplyRedaction(options.secrets ?? []);
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connections: options.connections ?? 8,
      connect: connector(options.tls ?? { mode: 'verify' }),
    });
  }

  /** The connection pool with this backend's TLS trust, for a read this transport does not make itself (a picture's bytes). */
  get dispatcher(): Dispatcher {
    return this.agent;
  }

  async send(req: HttpRequest): Promise<HttpReply> {
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    try {
      const response = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.body === undefined ? {} : { body: req.body as NonNullable<Dispatcher.DispatchOptions['body']> }),
        signal,
        dispatcher: this.agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.maxBodyBytes) {
          response.body.destroy();
          throw new DriverError('http_status', `The reply is larger than ${this.maxBodyBytes} bytes.`, {
            vendor: this.vendor,
            endpoint: req.endpoint,
            status: response.statusCode,
          });
        }
        chunks.push(chunk);
      }
      const header = (name: string): string | null => {
        const value = response.headers[name];
        return value === undefined ? null : this.redaction.text(String(value));
      };
      // The one place a backend's words enter Doorman: from here on they carry no credential.
      return {
        status: response.statusCode,
        contentType: header('content-type') ?? '',
        text: this.redaction.text(Buffer.concat(chunks).toString('utf8')),
        date: header('date'),
        server: header('server'),
      };
    } catch (error) {
      if (error instanceof DriverError) throw error;
      // Which signal fired, and why, decides between "you cancelled" and "it took too long": the
      // caller's signal may carry its own deadline (a door test's), which is a timeout too.
      const code = req.signal?.aborted ? abortCodeOf(req.signal) : timeout.aborted ? 'timeout' : classifyNetworkError(error);
      if ((code === 'tls' || code === 'reset') && req.url.protocol === 'https:' && (await speaksPlainHttp(req.url.hostname.replace(/^\[|\]$/g, ''), Number(req.url.port || 443)))) {
        throw plainHttpError(req.url, this.vendor, req.endpoint, error);
      }
      const deadline = req.signal?.aborted && code === 'timeout' ? String((req.signal.reason as Error).message) : null;
      throw new DriverError(code, this.redaction.text(networkMessage(code, req.url, deadline ?? timeoutMs, error)), {
        vendor: this.vendor,
        endpoint: req.endpoint,
        cause: error,
      });
    }
  }

  /** Ends the pool; calls still in flight fail (shutdown does not wait on a hung server). */
  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

/** https:// to a port that answers plain HTTP: the fix is the address, not a certificate pin. */
function plainHttpError(url: URL, vendor: string, endpoint: string | undefined, cause: unknown): DriverError {
  const hostPort = `${url.hostname}:${url.port || '443'}`;
  const httpUrl = `http://${hostPort}`;
  return new DriverError('plain_http', `${hostPort} speaks plain HTTP, not HTTPS: use ${httpUrl}.`, {
    vendor,
    endpoint,
    advice: {
      en: `This server speaks plain HTTP, not HTTPS: there is no certificate to check or pin. Change the address to ${httpUrl} (Edit).`,
      'zh-CN': `此服务器使用普通 HTTP，而不是 HTTPS：没有证书可供核对或固定。请把地址改为 ${httpUrl}（编辑）。`,
    },
    details: { hostPort, httpUrl },
    cause,
  });
}

/** `waited`: the call's own timeout in ms, or the caller's deadline that passed, in words. */
function networkMessage(code: string, url: URL, waited: number | string, error: unknown): string {
  const where = `${url.protocol}//${url.host}`;
  const why = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'timeout':
      return typeof waited === 'number' ? `${where} did not answer within ${waited} ms.` : `${where} did not answer ${waited}.`;
    case 'aborted':
      return 'Cancelled.';
    case 'dns':
      return `The host name of ${where} does not resolve (${why}).`;
    case 'refused':
      return `${where} refused the connection: nothing listens on that port.`;
    case 'reset':
      return `${where} cut the connection (${why}).`;
    case 'tls':
      return `TLS with ${where} failed (${why}).`;
    default:
      return `${where} cannot be reached (${why}).`;
  }
}

/** undici's connector with the backend's trust rule: verify, pin a fingerprint, or accept any. */
function connector(tls: TlsOptions): buildConnector.connector {
  if (tls.mode !== 'pinned') return buildConnector({ rejectUnauthorized: tls.mode === 'verify' });
  // A resumed TLS session presents no certificate to check: pinned connections never resume.
  const base = buildConnector({ rejectUnauthorized: false, maxCachedSessions: 0 });
  const pinned = normalizeFingerprint(tls.fingerprint256);
  return (options, callback) => {
    base(options, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('no socket'), null);
        return;
      }
      const cert = (socket as TLSSocket).getPeerCertificate?.();
      const seen = cert?.fingerprint256 ? normalizeFingerprint(cert.fingerprint256) : '';
      if (options.protocol === 'https:' && seen !== pinned) {
        socket.destroy();
        const mismatch = Object.assign(new Error(`certificate fingerprint ${seen || '(none)'} is not the pinned ${pinned}`), {
          code: 'DOORMAN_PIN_MISMATCH',
          fingerprint256: seen,
        });
        callback(mismatch, null);
        return;
      }
      callback(null, socket);
    });
  };
}
