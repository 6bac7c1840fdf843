import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { wsTransport } from '../../../renderer/src/api/ws-transport.ts';

// The transport on the global WebSocket (Node's here, Chromium's in the app) against a bare
// peer that records frames; the real server's behaviour is the integration tests' business.

let server: WebSocketServer | null = null;

afterEach(async () => {
  const s = server;
  server = null;
  if (!s) return;
  for (const client of s.clients) client.terminate();
  await new Promise<void>((resolve) => s.close(() => resolve()));
});

const token = () => 'run-token_123';

function startPeer(): Promise<{ url: string; frames: unknown[]; sockets: ServerSocket[]; offered: string[] }> {
  const frames: unknown[] = [];
  const sockets: ServerSocket[] = [];
  const offered: string[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api', handleProtocols: (protocols) => (protocols.has('doorman') ? 'doorman' : false) });
  server = wss;
  wss.on('connection', (socket, request) => {
    offered.push(String(request.headers['sec-websocket-protocol']));
    sockets.push(socket);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; id: number };
      frames.push(frame);
      if (frame.type === 'invoke') {
        socket.send(JSON.stringify({ type: 'reply', id: frame.id, reply: { ok: true, output: { echoed: frame.id } } }));
      }
    });
  });
  return new Promise((resolve) =>
    wss.on('listening', () => {
      const address = wss.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `ws://127.0.0.1:${port}/api`, frames, sockets, offered });
    }),
  );
}

describe('WebSocket transport', () => {
  it('fails a call with transport_closed when no core is listening, instead of hanging', async () => {
    const transport = wsTransport('ws://127.0.0.1:9/api', token);

    const reply = await transport.invoke('app.info', {});

    expect(reply).toMatchObject({ ok: false, error: { code: 'transport_closed' } });
  });

  it('sends one subscribe per event and delivers its events', async () => {
    const peer = await startPeer();
    const transport = wsTransport(peer.url, token);
    const heard: unknown[] = [];

    const unsubscribe = transport.subscribe('sites.changed', (payload) => heard.push(payload));
    expect(await transport.invoke('app.info', {})).toEqual({ ok: true, output: { echoed: expect.any(Number) } });

    const subscribes = peer.frames.filter((f) => (f as { type: string }).type === 'subscribe');
    expect(subscribes).toEqual([{ type: 'subscribe', id: expect.any(Number), event: 'sites.changed' }]);

    peer.sockets[0]?.send(JSON.stringify({ type: 'event', event: 'sites.changed', payload: { n: 1 } }));
    await expect.poll(() => heard).toEqual([{ n: 1 }]);
    unsubscribe(); // else the transport would keep reconnecting to the closed peer
  });

  it('fails calls in flight and tells its listeners when the link drops', async () => {
    const peer = await startPeer();
    const transport = wsTransport(peer.url, token);
    let drops = 0;
    transport.onDisconnect?.(() => drops++);
    await transport.invoke('app.info', {});
    // From now on the peer stays silent, then hangs up.
    peer.sockets[0]?.removeAllListeners('message');

    const pending = transport.invoke('sites.list', {});
    await expect.poll(() => peer.sockets.length).toBe(1);
    peer.sockets[0]?.terminate();

    expect(await pending).toMatchObject({ ok: false, error: { code: 'transport_closed' } });
    expect(drops).toBe(1);
  });

  it('presents the token as a subprotocol offered beside doorman, and the server answers with doorman', async () => {
    const peer = await startPeer();
    const transport = wsTransport(peer.url, token);
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: true });
    expect(peer.offered).toEqual(['doorman, doorman.token.run-token_123']);
    expect(peer.sockets[0]?.protocol).toBe('doorman');
  });

  it('fails every call with unauthorized, without connecting, when the page has no token', async () => {
    const peer = await startPeer();
    const transport = wsTransport(peer.url, () => null);
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const off = transport.subscribe('sites.changed', () => undefined);
    expect(await transport.invoke('sites.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    off();
    expect(peer.sockets).toHaveLength(0);
  });
});
