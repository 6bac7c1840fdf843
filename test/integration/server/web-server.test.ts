import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core.ts';
import { startWebServer, type WebServer } from '../../../electron/server/web-server.ts';
import { httpGet } from '../../support/http.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { WsTestClient } from '../../support/ws-client.ts';

const tempDir = useTempDirs();

describe('local web server', () => {
  let core: Core;
  let server: WebServer;
  let base: string;
  let wsUrl: string;
  const clients: WsTestClient[] = [];

  beforeEach(async () => {
    const staticDir = join(tempDir(), 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Doorman</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    core = createCore({ dataDir: tempDir(), runtime: 'node' });
    server = await startWebServer({ core, staticDir });
    base = `http://127.0.0.1:${server.port}`;
    wsUrl = `ws://127.0.0.1:${server.port}/api`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.close();
    await core.close();
  });

  async function connect(headers: Record<string, string> = { Authorization: `Bearer ${server.token}` }): Promise<WsTestClient> {
    const client = await WsTestClient.connect(wsUrl, headers);
    clients.push(client);
    return client;
  }

  it('listens on 127.0.0.1 only and prints a URL with a long random token in its fragment', () => {
    expect(server.url).toBe(`${base}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the built renderer (public code) to requests naming us, and sets no cookie', async () => {
    for (const path of ['/', '/index.html', `/?token=${server.token}`, '/?token=wrong']) {
      const page = await httpGet(base + path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain('<title>Doorman</title>');
      expect(page.headers['set-cookie'], path).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await httpGet(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('refuses a foreign Host name (DNS rebinding), in both languages', async () => {
    const res = await httpGet(`${base}/`, { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Access refused');
    expect(res.body).toContain('访问被拒绝');
    await expect(WsTestClient.connect(wsUrl, { Host: `evil.example:${server.port}`, Authorization: `Bearer ${server.token}` })).rejects.toThrow('HTTP 401');
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await httpGet(`${base}/assets/app.js`)).status).toBe(200);
    for (const path of ['/../secret.key', '/%2e%2e/secret.key', '/assets/..%2f..%2fsecret.key', '/missing.js']) {
      expect((await httpGet(base + path)).status, path).toBe(404);
    }
  });

  it('takes the token on the WebSocket as an offered subprotocol (the page) or a bearer (scripts), and answers with doorman', async () => {
    const page = await WsTestClient.connect(wsUrl, { Origin: base }, ['doorman', `doorman.token.${server.token}`]);
    clients.push(page);
    expect(page.protocol).toBe('doorman');
    expect((await page.invoke('sites.list', {})).ok).toBe(true);
    const script = await connect();
    expect((await script.invoke('sites.list', {})).ok).toBe(true);
  });

  it('refuses a WebSocket without the token, with a wrong one, with it anywhere else, or from another origin', async () => {
    await expect(WsTestClient.connect(wsUrl)).rejects.toThrow('HTTP 401');
    await expect(WsTestClient.connect(wsUrl, { Authorization: 'Bearer nope' })).rejects.toThrow('HTTP 401');
    await expect(WsTestClient.connect(wsUrl, { Origin: base }, ['doorman', 'doorman.token.nope'])).rejects.toThrow('HTTP 401');
    // Neither a cookie nor the address carries it any more.
    await expect(WsTestClient.connect(wsUrl, { Cookie: `doorman_token_${server.port}=${server.token}`, Origin: base })).rejects.toThrow('HTTP 401');
    await expect(WsTestClient.connect(`${wsUrl}?token=${server.token}`, { Origin: base })).rejects.toThrow('HTTP 401');
    await expect(
      WsTestClient.connect(wsUrl, { Authorization: `Bearer ${server.token}`, Origin: 'http://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    await expect(WsTestClient.connect(wsUrl, { Origin: `http://127.0.0.1:${server.port + 1}` }, ['doorman', `doorman.token.${server.token}`])).rejects.toThrow('HTTP 403');
  });

  it('answers calls from the contract and pushes events to subscribers only', async () => {
    const a = await connect();
    const b = await connect();
    expect(await a.send({ type: 'subscribe', event: 'sites.changed' })).toEqual({ ok: true, output: null });
    const created = await b.invoke('sites.create', { name: 'Demo' });
    expect(created).toMatchObject({ ok: true, output: { id: 1, name: 'Demo' } });
    await a.waitForEvents(1);
    expect(a.events[0]).toMatchObject({ event: 'sites.changed', payload: { sites: [{ name: 'Demo' }], currentSiteId: null } });
    expect(b.events).toEqual([]);
    await a.send({ type: 'unsubscribe', event: 'sites.changed' });
    await b.invoke('sites.remove', { id: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(a.events).toHaveLength(1);
  });

  it('replies with typed errors to bad input and keeps serving', async () => {
    const client = await connect();
    expect(await client.invoke('sites.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { issues: [{ path: ['name'], message: 'name_required' }] } },
    });
    expect(await client.invoke('sites.create', { name: 'A', admin: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.invoke('system.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await client.send({ type: 'subscribe', event: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    expect(await client.sendRaw('not json', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await client.sendRaw(`{"type":"invoke","id":9,"method":"sites.create","input":${deep}}`, null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The frame is nested deeper than 64 levels.' },
    });
    expect(await client.sendRaw(JSON.stringify({ type: 'invoke', id: 7 }), 7)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.sendRaw(JSON.stringify({ type: 'launch', id: 8 }), 8)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await client.invoke('sites.create', { name: 'Demo' });
    expect(await client.invoke('sites.create', { name: 'demo' })).toMatchObject({ ok: false, error: { code: 'site_name_taken', details: { name: 'Demo' } } });
    expect(await client.invoke('sites.list', {})).toMatchObject({ ok: true, output: { sites: [{ name: 'Demo' }] } });
  });

  it('closes a connection that sends an oversized frame, and stays up for others', async () => {
    const big = await connect();
    void big.sendRaw(JSON.stringify({ type: 'invoke', id: 1, method: 'sites.create', input: { name: 'x'.repeat(5 * 1024 * 1024) } }), 1);
    await big.closed;
    const other = await connect();
    expect((await other.invoke('sites.list', {})).ok).toBe(true);
  });
});
