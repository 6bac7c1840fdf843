import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyNetworkError, deadlinePassed } from '../../../electron/drivers/driver-error.ts';
import { HttpTransport } from '../../../electron/drivers/http/http-transport.ts';
import { readPeerCertificate } from '../../../electron/drivers/http/peer-certificate.ts';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { driverFailure } from '../../support/driver-failure.ts';
import { selfSignedCertificate } from '../../support/tls-cert.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(
    () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

function transport(tls?: TlsOptions, timeoutMs = 2_000): HttpTransport {
  const t = new HttpTransport({ vendor: 'test', timeoutMs, ...(tls ? { tls } : {}) });
  closers.push(() => t.close());
  return t;
}


describe('what a backend answers is cleaned of the credentials (issue 11 item 11)', () => {
  it('takes the token out of an echoed URL, in every form, and leaves the rest of the reply byte for byte', async () => {
    const token = 'Tok/en+42=ab';
    const photo = Buffer.from('not a secret, only bytes: key=value stays?').toString('base64');
    const server = createHttpServer((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json', server: `echo ${req.url ?? ''}` });
      res.end(JSON.stringify({ code: -1, message: `failed: ${req.url ?? ''} (raw ${token}, json "${token}")`, data: { photo, link: 'http://x/pub/a?timestamp=1&sig=abc' }, gson: `access_token\u003d${token}` }));
    });
    const port = await listen(server);
    const url = new URL(`http://127.0.0.1:${port}/api/door/list?pageNo=1`);
    url.searchParams.set('access_token', token);
    const t = new HttpTransport({ vendor: 'test', timeoutMs: 2_000, secrets: [token] });
    closers.push(() => t.close());
    const reply = await t.send({ method: 'GET', url });
    for (const form of [token, encodeURIComponent(token), encodeURIComponent(token).toLowerCase()]) {
      expect(reply.text).not.toContain(form);
      expect(reply.server ?? '').not.toContain(form);
    }
    const body = JSON.parse(reply.text) as { message: string; data: { photo: string; link: string } };
    expect(body.message).toBe('failed: /api/door/list?pageNo=1&access_token=[redacted] (raw [redacted], json "[redacted]")');
    expect(body.data).toEqual({ photo, link: 'http://x/pub/a?timestamp=1&sig=abc' });
  });
});

describe('HTTP transport failures, over real sockets on loopback', () => {
  it('reads a reply with its Date and Server headers', async () => {
    const server = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', server: 'Apache-Coyote/1.1' });
      res.end('{"code":0}');
    });
    const port = await listen(server);
    const reply = await transport().send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/api/x`) });
    expect(reply).toMatchObject({ status: 200, text: '{"code":0}', server: 'Apache-Coyote/1.1' });
    expect(reply.date).not.toBeNull();
  });

  it('names a refused port', async () => {
    const probe = createTcpServer();
    const port = await listen(probe);
    await closers.pop()?.();
    expect((await driverFailure(transport().send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`) }))).code).toBe('refused');
  });

  it('names a reset connection', async () => {
    const server = createTcpServer((socket) => socket.resetAndDestroy());
    const port = await listen(server);
    expect((await driverFailure(transport().send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`) }))).code).toBe('reset');
  });

  it('names a timeout, and a cancel as a cancel', async () => {
    const server = createTcpServer(() => {
      /* accepts and never answers */
    });
    const port = await listen(server);
    const url = new URL(`http://127.0.0.1:${port}/`);
    expect((await driverFailure(transport(undefined, 150).send({ method: 'GET', url }))).code).toBe('timeout');
    const controller = new AbortController();
    const pending = transport().send({ method: 'GET', url, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await driverFailure(pending)).code).toBe('aborted');
  });

  it('names the caller’s own deadline passing a timeout, not a cancel', async () => {
    const server = createTcpServer(() => {
      /* accepts and never answers */
    });
    const port = await listen(server);
    const controller = new AbortController();
    const pending = transport().send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), signal: controller.signal });
    setTimeout(() => controller.abort(deadlinePassed("within the door test's 3 s")), 50);
    const failure = await driverFailure(pending);
    expect(failure.code).toBe('timeout');
    expect(failure.message).toBe(`http://127.0.0.1:${port} did not answer within the door test's 3 s.`);
  });

  it('refuses a self-signed certificate unless it is pinned or accepted', async () => {
    const cert = selfSignedCertificate();
    const server = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end('{"code":0}'));
    const port = await listen(server);
    const url = new URL(`https://127.0.0.1:${port}/api/x`);
    expect((await driverFailure(transport({ mode: 'verify' }).send({ method: 'GET', url }))).code).toBe('tls');
    const pinnedOk = transport({ mode: 'pinned', fingerprint256: cert.fingerprint256 });
    expect((await pinnedOk.send({ method: 'GET', url })).text).toBe('{"code":0}');
    // A second connection (TLS session resumption would hide the certificate) is checked too.
    await Promise.all([pinnedOk.send({ method: 'GET', url }), pinnedOk.send({ method: 'GET', url }), pinnedOk.send({ method: 'GET', url })]);
    const wrongPin = 'AA:'.repeat(31) + 'AA';
    const pinned = await driverFailure(transport({ mode: 'pinned', fingerprint256: wrongPin }).send({ method: 'GET', url }));
    expect(pinned.code).toBe('tls');
    expect(pinned.message).toContain('not the pinned');
    expect((await transport({ mode: 'accept-any' }).send({ method: 'GET', url })).status).toBe(200);
    const peer = await readPeerCertificate('127.0.0.1', port);
    expect(peer).toMatchObject({ fingerprint256: cert.fingerprint256, selfSigned: true });
  });

  it('names https spoken to a plain-HTTP port as plain HTTP, with the http:// address to use (issue 12 item 7)', async () => {
    const server = createHttpServer((_req, res) => res.end('plain'));
    const port = await listen(server);
    for (const tls of [{ mode: 'verify' as const }, { mode: 'accept-any' as const }, { mode: 'pinned' as const, fingerprint256: 'AB:'.repeat(31) + 'AB' }]) {
      const failure = await driverFailure(transport(tls).send({ method: 'GET', url: new URL(`https://127.0.0.1:${port}/`) }));
      expect(failure.code, tls.mode).toBe('plain_http');
      expect(failure.details).toEqual({ hostPort: `127.0.0.1:${port}`, httpUrl: `http://127.0.0.1:${port}` });
      expect(failure.advice?.en).toContain(`http://127.0.0.1:${port}`);
      expect(failure.advice?.['zh-CN']).toContain('普通 HTTP');
    }
  });

  it('names plain HTTP too when the server cuts the TLS hello instead of answering it', async () => {
    // A server that hangs up on anything but HTTP, as some embedded web servers do.
    const server = createTcpServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        if (chunk[0] === 0x16) socket.resetAndDestroy();
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      });
    });
    const port = await listen(server);
    expect((await driverFailure(transport({ mode: 'verify' }).send({ method: 'GET', url: new URL(`https://127.0.0.1:${port}/`) }))).code).toBe('plain_http');
  });

  it('keeps a TLS failure a TLS failure when the port does not speak plain HTTP', async () => {
    const server = createTcpServer((socket) => socket.resetAndDestroy());
    const port = await listen(server);
    expect((await driverFailure(transport({ mode: 'verify' }).send({ method: 'GET', url: new URL(`https://127.0.0.1:${port}/`) }))).code).toBe('reset');
  });

  it('caps the reply size', async () => {
    const server = createHttpServer((_req, res) => res.end(Buffer.alloc(2048, 0x41)));
    const port = await listen(server);
    const small = new HttpTransport({ vendor: 'test', maxBodyBytes: 1024 });
    closers.push(() => small.close());
    expect((await driverFailure(small.send({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`) }))).code).toBe('http_status');
  });
});

describe('network error classification', () => {
  it('walks the cause chain to the system error', () => {
    const wrap = (code: string) => Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(classifyNetworkError(wrap('ENOTFOUND'))).toBe('dns');
    expect(classifyNetworkError(wrap('EAI_AGAIN'))).toBe('dns');
    expect(classifyNetworkError(wrap('EHOSTUNREACH'))).toBe('unreachable');
    expect(classifyNetworkError(wrap('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(classifyNetworkError(wrap('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('tls');
    expect(classifyNetworkError(wrap('UND_ERR_HEADERS_TIMEOUT'))).toBe('timeout');
  });
});
