import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../shared/contract/app.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import type { Transport } from '../../../renderer/src/api/transport.ts';
import { createConnectionStore } from '../../../renderer/src/stores/connection.ts';

const info: AppInfo = {
  name: 'Doorman',
  version: '0.1.0',
  schemaVersion: 1,
  dataDir: '/tmp/doorman',
  runtime: 'node',
  secretBox: 'key-file',
};

/** A core that answers every call with whatever `reply` currently is; `drop()` cuts the link. */
function fakeTransport(): Transport & { reply: Reply; drop(): void } {
  const dropListeners = new Set<() => void>();
  return {
    kind: 'websocket',
    reply: { ok: true, output: info },
    invoke(this: { reply: Reply }) {
      return Promise.resolve(this.reply);
    },
    subscribe: () => () => {},
    onDisconnect(listener) {
      dropListeners.add(listener);
      return () => dropListeners.delete(listener);
    },
    drop() {
      for (const listener of dropListeners) listener();
    },
  };
}

describe('connection store', () => {
  it('is ready with the core’s info once app.info answers', async () => {
    const store = createConnectionStore(new ApiClient(fakeTransport()));
    expect(store.getState().status).toBe('connecting');

    await store.getState().check();

    expect(store.getState()).toMatchObject({ status: 'ready', info, error: null });
  });

  it('tells an absent core (unreachable) from a core that answers with an error (failed)', async () => {
    const transport = fakeTransport();
    const store = createConnectionStore(new ApiClient(transport));

    transport.reply = { ok: false, error: { code: 'transport_closed', message: 'lost' } };
    await store.getState().check();
    expect(store.getState().status).toBe('unreachable');

    transport.reply = { ok: false, error: { code: 'store_unavailable', message: 'no db', details: { path: '/x' } } };
    await store.getState().check();
    expect(store.getState()).toMatchObject({ status: 'failed', error: { code: 'store_unavailable', details: { path: '/x' } } });

    transport.reply = { ok: true, output: info };
    await store.getState().check();
    expect(store.getState().status).toBe('ready');
  });

  it('notices a core that goes away during any other call, while watching', async () => {
    const transport = fakeTransport();
    const client = new ApiClient(transport);
    const store = createConnectionStore(client);
    await store.getState().check();
    const unwatch = store.getState().watch();

    transport.reply = { ok: false, error: { code: 'transport_closed', message: 'lost' } };
    await expect(client.call('sites.list', {})).rejects.toMatchObject({ code: 'transport_closed' });
    expect(store.getState().status).toBe('unreachable');

    unwatch();
  });

  it('notices a dropped link with no call in flight, while watching', async () => {
    const transport = fakeTransport();
    const store = createConnectionStore(new ApiClient(transport));
    await store.getState().check();
    const unwatch = store.getState().watch();

    transport.drop();
    expect(store.getState()).toMatchObject({ status: 'unreachable', error: { code: 'transport_closed' } });

    await store.getState().check(); // the retry finds it back
    expect(store.getState().status).toBe('ready');

    unwatch();
    transport.drop();
    expect(store.getState().status).toBe('ready');
  });

  it('treats a transport that throws as an unreachable core', async () => {
    const transport = fakeTransport();
    transport.invoke = () => Promise.reject(new Error('No handler registered for doorman:invoke'));
    const store = createConnectionStore(new ApiClient(transport));

    await store.getState().check();

    expect(store.getState()).toMatchObject({ status: 'unreachable', error: { code: 'transport_closed' } });
  });
});
