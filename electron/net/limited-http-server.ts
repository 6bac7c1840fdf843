import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What every HTTP server Doorman runs (the local web server, the push receivers) allows a client.
 * Node's own defaults keep a silent or half-sent connection for minutes (60 s for the head, 300 s
 * for the request, checked only every 30 s) and never bound the number of connections.
 */
export interface HttpServerLimits {
  /** Time to send the complete request head, counted from the connection: a silent socket too. */
  readonly headersTimeoutMs: number;
  /** Time to send the whole request, body included. */
  readonly requestTimeoutMs: number;
  /** How long a keep-alive connection may sit idle after a reply. */
  readonly keepAliveTimeoutMs: number;
  /** Bytes of the request line and headers together; more is answered 431. */
  readonly maxHeaderBytes: number;
  /** Header lines read; the rest are dropped. */
  readonly maxHeadersCount: number;
  /** Connections open at once (WebSockets included); more are closed as they arrive. */
  readonly maxConnections: number;
}

const HTTP_SERVER_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  maxHeadersCount: 64,
  maxConnections: 256,
};

/**
 * An HTTP server with Doorman's limits. The only way the core makes one (test/architecture checks
 * that no other `createServer` exists under electron/). Clients that break a limit get Node's own
 * answer (408 Request Timeout, 431 Request Header Fields Too Large, 400) and the connection closed.
 */
export function createLimitedServer(listener: RequestListener, overrides: Partial<HttpServerLimits> = {}): Server {
  const limits = { ...HTTP_SERVER_LIMITS, ...overrides };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks the two timeouts on this interval (30 s by default): a quarter of the shorter
      // one makes a limit act close to when it says.
      connectionsCheckingInterval: Math.max(50, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)),
    },
    listener,
  );
  server.maxHeadersCount = limits.maxHeadersCount;
  server.maxConnections = limits.maxConnections;
  return server;
}

/** Listens on host:port (0 picks a free port) and resolves with the port. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes every connection (idle or not) and the server. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
