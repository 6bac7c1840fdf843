import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ApiError } from '../../shared/contract/errors.ts';
import { ClientFrameSchema, MAX_FRAME_BYTES, WS_PATH, WS_PROTOCOL, type Reply, type ServerFrame } from '../../shared/contract/wire.ts';
import { createApiSession } from '../api/session.ts';
import { SECURITY_HEADERS } from '../core/content-security-policy.ts';
import type { Core } from '../core/create-core.ts';
import { contentTypeFor, resolveStaticPath } from '../core/static-files.ts';
import { JsonTooDeep, parseBoundedJson } from '../net/bounded-json.ts';
import { closeServer, createLimitedServer, listen, type HttpServerLimits } from '../net/limited-http-server.ts';
import { hostAllowed, originAllowed, presentedToken, tokensEqual } from './auth.ts';

/** The local server only ever listens here: never on a LAN interface. */
const WEB_HOST = '127.0.0.1';

interface WebServerOptions {
  readonly core: Core;
  /** The built renderer (out/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Random per run unless given (tests). */
  readonly token?: string;
  /** Shorter limits than Doorman's defaults (tests). */
  readonly limits?: Partial<HttpServerLimits>;
}

export interface WebServer {
  readonly port: number;
  readonly token: string;
  /**
   * The address to open: `http://127.0.0.1:<port>/#token=…`. The token is in the fragment, which a
   * browser never sends to any server; the page keeps it in sessionStorage and drops it from the address.
   */
  readonly url: string;
  close(): Promise<void>;
}

const WRONG_HOST_PAGE = `<!doctype html><meta charset="utf-8"><title>Doorman</title>
<h1>访问被拒绝 · Access refused</h1>
<p>Doorman 只接受以 127.0.0.1 或 localhost 打开的链接。请打开 <code>npm run web</code> 打印的完整链接。</p>
<p>Doorman answers only to 127.0.0.1 and localhost. Open the full link that <code>npm run web</code> printed.</p>`;

function reply(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The core's local HTTP + WebSocket server: serves the built renderer and the API on
 * ws://127.0.0.1:<port>/api. Every request must name us in Host (DNS rebinding). The renderer's
 * files are public code with no secret in them, served without the token; the API needs the run's
 * token on the upgrade (offered subprotocol or bearer) and a browser's Origin must be our own page.
 *
 * No cookie: cookies ignore ports, so a cookie of ours would be sent to every other server on
 * 127.0.0.1. The token lives in the page's sessionStorage, which is scoped to our origin (port
 * included), and is sent only on the WebSocket to us.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, staticDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    // Answer with the API's protocol, never with the token the page offered beside it.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  function tokenPresented(req: IncomingMessage): boolean {
    const given = presentedToken({ protocols: req.headers['sec-websocket-protocol'], authorization: req.headers.authorization });
    return given !== undefined && tokensEqual(given, token);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${WEB_HOST}`);
    if (!hostAllowed(req.headers.host, port)) {
      reply(res, 403, WRONG_HOST_PAGE, 'text/html; charset=utf-8');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    // An old `?token=` link gets the page like any other; the page takes the token from the address.
    const path = resolveStaticPath(staticDir, url.pathname);
    if (!path) {
      reply(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    try {
      const body = await readFile(path);
      reply(res, 200, req.method === 'HEAD' ? '' : body, contentTypeFor(path));
    } catch {
      reply(res, 404, 'Not found', 'text/plain; charset=utf-8');
    }
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', `http://${WEB_HOST}`);
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req.headers.host, port) || !tokenPresented(req)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (!originAllowed(req.headers.origin, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  }

  function serveSocket(ws: WebSocket): void {
    const send = (frame: ServerFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const session = createApiSession(core.dispatch, core.bus, (event, payload) => send({ type: 'event', event, payload }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void handleFrame(data, isBinary).then(([id, result]) => send({ type: 'reply', id, reply: result }));
    });
    ws.on('close', () => session.close());
    ws.on('error', () => session.close());

    async function handleFrame(data: RawData, isBinary: boolean): Promise<[number | null, Reply]> {
      let raw: unknown;
      try {
        if (isBinary) throw new Error('binary frame');
        raw = parseBoundedJson(data.toString());
      } catch (error) {
        return [null, badFrame(error instanceof JsonTooDeep ? `The frame is ${error.message}.` : 'The frame is not JSON text.')];
      }
      const frame = ClientFrameSchema.safeParse(raw);
      if (!frame.success) {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw && Number.isSafeInteger(raw.id) ? (raw.id as number) : null;
        return [id !== null && id >= 0 ? id : null, badFrame('The frame does not match the protocol.')];
      }
      const f = frame.data;
      switch (f.type) {
        case 'invoke':
          return [f.id, await session.invoke(f.method, f.input)];
        case 'subscribe':
          return [f.id, session.subscribe(f.event)];
        case 'unsubscribe':
          return [f.id, session.unsubscribe(f.event)];
      }
    }
  }

  const server = createLimitedServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      core.log.error({ err: error }, 'web request failed');
      if (!res.headersSent) reply(res, 500, 'Internal error', 'text/plain; charset=utf-8');
    });
  }, options.limits);
  server.on('upgrade', onUpgrade);
  port = await listen(server, options.port ?? 0, WEB_HOST);
  core.log.info({ port }, 'web server listening');

  return {
    port,
    token,
    url: `http://${WEB_HOST}:${port}/#token=${token}`,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}

function badFrame(message: string): Reply {
  return { ok: false, error: new ApiError('invalid_input', message).toBody() };
}
