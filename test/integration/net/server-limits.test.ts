import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { HONGTU_PUSH_ACK, parseHongtuPush } from '../../../electron/drivers/hongtu/push.ts';
import { silentLogger } from '../../../electron/log/logger.ts';
import type { HttpServerLimits } from '../../../electron/net/limited-http-server.ts';
import { startPushReceiver } from '../../../electron/receivers/push-receiver.ts';
import { startWebServer } from '../../../electron/server/web-server.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** Short limits so the test sees them act; the servers' defaults are the same mechanism, longer. */
const LIMITS: Partial<HttpServerLimits> = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300 };

interface Probe {
  readonly name: string;
  readonly socket: Socket;
  /** Everything the server sent before it closed the socket. */
  readonly closed: Promise<string>;
}

function probe(port: number, name: string, send?: string): Probe {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  if (send !== undefined) socket.write(send);
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(Buffer.concat(chunks).toString('latin1'))));
  return { name, socket, closed };
}

/** Silent and half-sent clients of every kind, five of each, as a hostile tester opens them. */
function hostileClients(port: number, path: string): Probe[] {
  const kinds: [string, string | undefined][] = [
    ['silent (connects, sends nothing)', undefined],
    ['half a request line', 'GET / HT'],
    ['headers never finished', `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n`],
    ['body never finished', `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"busiType":`],
    ['idle keep-alive after a reply', `GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`],
  ];
  return kinds.flatMap(([name, send]) => Array.from({ length: 5 }, (_, i) => probe(port, `${name} #${i + 1}`, send)));
}

async function expectAllClosed(probes: readonly Probe[]): Promise<string[]> {
  // No clock here: the socket closes, or the test's own timeout fails it (20 s, far above the limits).
  return Promise.all(probes.map((p) => p.closed));
}

describe('every server Doorman runs closes silent and half-sent connections', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function webServer(): Promise<{ port: number; path: string }> {
    const dataDir = tempDir();
    const staticDir = join(dataDir, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Doorman</title>');
    const core: Core = createCore({ dataDir, runtime: 'node' });
    cleanups.push(() => core.close());
    const server = await startWebServer({ core, staticDir, limits: LIMITS });
    cleanups.push(() => server.close());
    return { port: server.port, path: '/api' };
  }

  async function pushReceiver(): Promise<{ port: number; path: string }> {
    const receiver = await startPushReceiver({
      host: '127.0.0.1',
      bodies: ['json'],
      read: (payload) => ({ events: parseHongtuPush(payload), deviceResults: [], warnings: [] }),
      store: (delivery) => ({ added: delivery.events.length, refused: [] }),
      acknowledgement: HONGTU_PUSH_ACK,
      log: silentLogger(),
      limits: LIMITS,
    });
    cleanups.push(() => receiver.close());
    return { port: receiver.port, path: new URL(receiver.url).pathname };
  }

  for (const [name, start] of [
    ['the local web server', webServer],
    ['the push receiver', pushReceiver],
  ] as const) {
    it(`${name}: 25 silent and half-sent sockets are all closed by the server`, async () => {
      const { port, path } = await start();
      const probes = hostileClients(port, path);
      const answers = await expectAllClosed(probes);
      // The ones that never finished their request head were told why (408) before the close.
      probes.forEach((p, i) => {
        if (/^(silent|half a request|headers never)/.test(p.name)) expect(answers[i], p.name).toMatch(/^HTTP\/1\.1 408/);
      });
    });

    it(`${name}: a request head over the size limit is refused with 431`, async () => {
      const { port, path } = await start();
      const huge = probe(port, 'huge header', `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Filler: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
      expect(await huge.closed).toMatch(/^HTTP\/1\.1 431/);
    });
  }
});
