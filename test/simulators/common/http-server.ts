import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { springError, writeAnswer } from './http-replies.ts';

/**
 * A simulator's node:http(s) server on a loopback address: the listener that turns a handler's
 * crash into Spring's 500 (or a dropped connection once the answer has started), listen, close.
 */
export interface TlsFiles {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
}

export interface HttpServerOptions {
  /** `<name> simulator: …` in errors and logs. */
  readonly name: string;
  /** Loopback only: 127.0.0.1 (default) or another 127.x address. */
  readonly host?: string;
  readonly port?: number | undefined;
  /** Serve https with this key and certificate. */
  readonly tls?: TlsFiles | undefined;
  readonly clock: () => Date;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  close(): Promise<void>;
}

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The host to listen on; throws for anything but a 127.x address. */
export function loopbackHost(name: string, host = '127.0.0.1'): string {
  if (!LOOPBACK.test(host)) throw new Error(`${name} simulator: loopback addresses only, not ${host}`);
  return host;
}

export async function startHttpServer(options: HttpServerOptions, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<RunningServer> {
  const host = loopbackHost(options.name, options.host);
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      console.error(`${options.name} simulator: request failed`, error);
      if (!res.headersSent) writeAnswer(res, springError(500, req.url ?? '/', options.clock(), undefined));
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The whole body, or undefined when it is larger than `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
