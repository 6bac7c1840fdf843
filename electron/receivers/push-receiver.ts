import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.ts';
import { RejectionLog, type RejectionLogLimits } from '../log/rejection-log.ts';
import { JsonTooDeep, parseBoundedJson } from '../net/bounded-json.ts';
import { closeServer, createLimitedServer, listen, type HttpServerLimits } from '../net/limited-http-server.ts';
import { PushRejected } from '../net/push-rejected.ts';
import type { PushBodyForm, PushDelivery } from '../backends/vendors.ts';
import type { RefusedEvent } from '../store/events-table.ts';


interface PushReceiverOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly maxBodyBytes?: number;
  /** The secret path segment; random when not given. */
  readonly token?: string;
  /** The body forms the vendor pushes (JSON; K30 also a form-encoded envelope); others are 415. */
  readonly bodies: readonly PushBodyForm[];
  /** Vendor-specific: the delivery's events and device results, or PushRejected for one it refuses. */
  readonly read: (payload: unknown) => PushDelivery;
  /** Stores what came: how many events were new (duplicates are ignored by the store), and those refused for their time. */
  readonly store: (delivery: PushDelivery) => StoreOutcome;
  /** What to answer a delivery the vendor made (status 200 and this JSON body). */
  readonly acknowledgement: string;
  readonly log: Logger;
  /** Shorter limits than Doorman's defaults (tests). */
  readonly limits?: Partial<HttpServerLimits>;
  /** How many rejections per sender are logged in full (tests). */
  readonly rejectionLog?: Partial<RejectionLogLimits>;
}

interface StoreOutcome {
  readonly added: number;
  readonly refused: readonly RefusedEvent[];
}

export interface PushStats {
  received: number;
  events: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** Per-device sync results received (K30’s authstatus); the store keeps the latest per person and device. */
  deviceResults: number;
}

export interface PushReceiver {
  /** The URL to register with the vendor (contains the secret path token). */
  readonly url: string;
  readonly port: number;
  readonly stats: Readonly<PushStats>;
  /** When a delivery was last accepted; null before the first. */
  readonly lastReceivedAt: Date | null;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i;

/** A form-encoded envelope's fields; a field given twice is ambiguous, so refused. */
function formFields(text: string): Record<string, string> | string {
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) return `form field "${name.slice(0, 40)}" given twice`;
    fields[name] = value;
  }
  return fields;
}

/**
 * An HTTP endpoint a backend pushes records to. Vendors that push (Hongtu's pass-record
 * subscription) document no authentication, so the URL itself carries an unguessable token: any
 * other path is 404. Only POST with a body the vendor pushes (JSON within the nesting depth, or a
 * form-encoded envelope for a vendor whose document states no content type) within the size limit
 * is read; the vendor's reader refuses a payload with the status it gives (K30: 400 undecryptable,
 * 401 forged sign in strict mode, 403 another company's), and events the store refuses (a time
 * that is not a time) are 400; nothing a sender does can crash it or fill the disk with log lines.
 */
export async function startPushReceiver(options: PushReceiverOptions): Promise<PushReceiver> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const path = `/push/${token}`;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const stats: PushStats = { received: 0, events: 0, stored: 0, duplicates: 0, rejected: 0, deviceResults: 0 };
  let lastReceivedAt: Date | null = null;
  const takesForm = options.bodies.includes('form');
  const takesJson = options.bodies.includes('json');
  const rejections = new RejectionLog(options.log, options.rejectionLog);

  function answer(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.end(body);
  }

  function reject(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
    stats.rejected++;
    rejections.rejected(req.socket.remoteAddress ?? 'unknown', { status, reason, bytes: req.headers['content-length'] }, 'push rejected');
    answer(res, status, JSON.stringify({ code: status, msg: reason }));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname !== path) return reject(req, res, 404, 'not found');
    if (req.method !== 'POST') return reject(req, res, 405, 'POST only');
    const type = req.headers['content-type'] ?? '';
    const form = takesForm && FORM_TYPE.test(type);
    if (!form && !(takesJson && /json/i.test(type))) return reject(req, res, 415, takesForm ? 'JSON or form-encoded only' : 'JSON only');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      reject(req, res, 413, `body larger than ${maxBody} bytes`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBody) {
        reject(req, res, 413, `body larger than ${maxBody} bytes`);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let payload: unknown;
    if (form) {
      const fields = formFields(text);
      if (typeof fields === 'string') return reject(req, res, 400, fields);
      payload = fields;
    } else {
      try {
        payload = parseBoundedJson(text);
      } catch (error) {
        return reject(req, res, 400, error instanceof JsonTooDeep ? `JSON ${error.message}` : 'not JSON');
      }
    }
    let delivery: PushDelivery;
    try {
      delivery = options.read(payload);
    } catch (error) {
      return reject(req, res, error instanceof PushRejected ? error.status : 400, error instanceof Error ? error.message : 'bad payload');
    }
    for (const warning of delivery.warnings) rejections.rejected(req.socket.remoteAddress ?? 'unknown', { reason: warning }, 'push taken with a warning', 'warn');
    const { added, refused } = options.store(delivery);
    stats.stored += added;
    if (refused.length > 0) {
      const times = refused.map((r) => `${r.eventId} at "${r.occurredAt.slice(0, 40)}": ${r.problem === 'out_of_range' ? 'year out of range' : 'not a time'}`);
      return reject(req, res, 400, `event time refused: ${times.join('; ')}`);
    }
    stats.received++;
    stats.events += delivery.events.length;
    stats.duplicates += delivery.events.length - added;
    stats.deviceResults += delivery.deviceResults.length;
    lastReceivedAt = new Date();
    answer(res, 200, options.acknowledgement);
  }

  const server = createLimitedServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      rejections.rejected(req.socket.remoteAddress ?? 'unknown', { status: 500, err: error }, 'push receiver failed on a request', 'error');
      answer(res, 500, '{"code":500,"msg":"internal error"}');
    });
  }, options.limits);
  const port = await listen(server, options.port ?? 0, options.host);
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  options.log.info({ host: options.host, port }, 'push receiver listening');
  return {
    url: `http://${hostInUrl}:${port}${path}`,
    port,
    stats,
    get lastReceivedAt() {
      return lastReceivedAt;
    },
    async close() {
      await closeServer(server);
      rejections.close();
    },
  };
}
