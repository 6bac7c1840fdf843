import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';

/** A listener the scan tests put on a loopback address, and what it saw. */
export interface TestHost {
  readonly address: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  connections: number;
  readonly requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  stop(): Promise<void>;
}

function track(server: Server, address: string, port: number, host: Omit<TestHost, 'stop'>): Promise<TestHost> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    host.connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      const bound = server.address();
      const actual = typeof bound === 'object' && bound ? bound.port : port;
      resolve(Object.assign(host, {
        port: actual,
        stop: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }) as TestHost);
    });
  });
}

/** A TCP service that is no vendor's: it greets with a line and hangs up. */
export function startBannerHost(address: string, port = 0, banner = 'SSH-2.0-OpenSSH_9.2\r\n'): Promise<TestHost> {
  const server = createServer((socket) => socket.end(banner));
  return track(server, address, port, { address, port, connections: 0, requests: [] });
}

/** Accepts connections and never says a word (a hung service, or a tarpit). */
export function startSilentHost(address: string, port = 0): Promise<TestHost> {
  const server = createServer(() => {});
  return track(server, address, port, { address, port, connections: 0, requests: [] });
}

/** A web server with a page title (a camera's or a face panel's UI), recording every request. */
export function startWebHost(address: string, title: string, port = 0): Promise<TestHost> {
  const requests: TestHost['requests'] = [];
  const server = createHttpServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', Server: 'lighttpd' });
      res.end(`<!doctype html><html><head><title>${title}</title></head><body>login</body></html>`);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>404</h1>');
    }
  });
  return track(server, address, port, { address, port, connections: 0, requests });
}

/** An RTSP server answering OPTIONS (RFC 2326 §10.1) like a camera's. */
export function startRtspHost(address: string, port: number, serverName: string): Promise<TestHost> {
  const server = createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (!buffer.includes('\r\n\r\n')) return;
      const cseq = /CSeq:\s*(\d+)/i.exec(buffer)?.[1] ?? '1';
      socket.end(`RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nServer: ${serverName}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n`);
    });
  });
  return track(server, address, port, { address, port, connections: 0, requests: [] });
}

/**
 * A web server that answers the given paths (query string ignored) with JSON, as a vendor's server
 * whose replies differ in detail from the document would; anything else is a 404 page.
 */
export function startJsonHost(address: string, answers: Readonly<Record<string, { readonly status?: number; readonly json: unknown }>>, port = 0): Promise<TestHost> {
  const requests: TestHost['requests'] = [];
  const server = createHttpServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    const answer = answers[(req.url ?? '').split('?')[0] ?? ''];
    if (answer) {
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json;charset=UTF-8' });
      res.end(JSON.stringify(answer.json));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>404</h1>');
    }
  });
  return track(server, address, port, { address, port, connections: 0, requests });
}
