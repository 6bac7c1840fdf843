import { describe, expect, it } from 'vitest';
import type { Backend, ConnectionTest } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import type { Transport } from '../../../renderer/src/api/transport.ts';
import { createBackendsStore, testStateOf } from '../../../renderer/src/stores/backends.ts';
import { createInventoryStore, inventoryOf } from '../../../renderer/src/stores/inventory.ts';

const AT = '2026-03-04T05:06:07.000Z';

function backend(id: number, siteId = 1, extra: Partial<Backend> = {}): Backend {
  return {
    id,
    siteId,
    vendor: 'zkbio',
    name: `B${id}`,
    baseUrl: 'http://127.0.0.2:8098',
    tls: 'verify',
    credentialFields: ['token'],
    createdAt: AT,
    updatedAt: AT,
    lastTest: null,
    inventoryAt: null,
    ...extra,
  };
}

const okTest: ConnectionTest = { verdict: 'ok', cause: null, message: 'ok', advice: null, latencyMs: 12, facts: { doors: 3 }, clockSkewMs: 0, testedAt: AT };

/** A core that answers from a table of handlers; each call is recorded with its input. */
class FakeCore implements Transport {
  readonly kind = 'websocket' as const;
  readonly calls: { method: string; input: unknown }[] = [];
  handlers: Record<string, (input: Record<string, unknown>) => unknown> = {};
  /** Answers are held until released (to order replies), per method. */
  held = new Map<string, (() => void)[]>();
  holding = new Set<string>();

  invoke(method: string, input: unknown): Promise<Reply> {
    this.calls.push({ method, input });
    const answer = (): Reply => {
      try {
        const handler = this.handlers[method];
        if (!handler) return { ok: false, error: { code: 'unknown_method', message: method } };
        return { ok: true, output: handler(input as Record<string, unknown>) };
      } catch (error) {
        return { ok: false, error: error as ApiErrorBody };
      }
    };
    if (!this.holding.has(method)) return Promise.resolve(answer());
    return new Promise((resolve) => {
      const list = this.held.get(method) ?? [];
      list.push(() => resolve(answer()));
      this.held.set(method, list);
    });
  }

  release(method: string): void {
    this.holding.delete(method);
    for (const go of this.held.get(method) ?? []) go();
    this.held.delete(method);
  }

  subscribe(): () => void {
    return () => {};
  }
}

function setup() {
  const core = new FakeCore();
  const client = new ApiClient(core);
  return { core, store: createBackendsStore(client), inventory: createInventoryStore(client) };
}

describe('backends store', () => {
  it('lists the site’s backends, and nothing without a site', async () => {
    const { core, store } = setup();
    core.handlers['backends.list'] = ({ siteId }) => ({ backends: [backend(1, siteId as number), backend(2, siteId as number)] });
    await store.getState().load(null);
    expect(store.getState()).toMatchObject({ loaded: true, backends: [] });
    expect(core.calls).toHaveLength(0);
    await store.getState().load(1);
    expect(store.getState().backends.map((b) => b.id)).toEqual([1, 2]);
  });

  it('keeps the newer site’s list when an older reply arrives late', async () => {
    const { core, store } = setup();
    core.handlers['backends.list'] = ({ siteId }) => ({ backends: [backend(siteId === 1 ? 1 : 9, siteId as number)] });
    core.holding.add('backends.list');
    const first = store.getState().load(1);
    core.release('backends.list');
    await first;
    core.holding.add('backends.list');
    const stale = store.getState().load(1);
    const fresh = store.getState().load(2);
    core.release('backends.list');
    await Promise.all([stale, fresh]);
    expect(store.getState().siteId).toBe(2);
    expect(store.getState().backends.map((b) => b.id)).toEqual([9]);
  });

  it('adds, updates and removes, and keeps the failure beside the action', async () => {
    const { core, store } = setup();
    core.handlers['backends.list'] = () => ({ backends: [] });
    core.handlers['backends.add'] = () => backend(3);
    core.handlers['backends.update'] = ({ id, name }) => backend(id as number, 1, { name: name as string });
    core.handlers['backends.remove'] = ({ id }) => ({ id });
    await store.getState().load(1);
    const added = await store.getState().add({ siteId: 1, vendor: 'zkbio', baseUrl: 'http://x:1', credentials: { token: 't' } });
    expect(added?.id).toBe(3);
    store.getState().select(3);
    await store.getState().update({ id: 3, name: 'Gate' });
    expect(store.getState().backends[0]?.name).toBe('Gate');
    expect(await store.getState().remove(3)).toBe(true);
    expect(store.getState()).toMatchObject({ backends: [], selectedId: null });

    core.handlers['backends.add'] = () => {
      throw { code: 'site_not_found', message: 'no site', details: { id: 1 } };
    };
    expect(await store.getState().add({ siteId: 1, vendor: 'zkbio', baseUrl: 'http://x:1', credentials: { token: 't' } })).toBeNull();
    expect(store.getState().error).toMatchObject({ action: 'add', body: { code: 'site_not_found' } });
  });

  it('tests a backend: running, then the verdict, shown in the list too', async () => {
    const { core, store } = setup();
    core.handlers['backends.list'] = () => ({ backends: [backend(1)] });
    core.handlers['backends.test'] = () => okTest;
    await store.getState().load(1);
    core.holding.add('backends.test');
    const testing = store.getState().test(1);
    expect(testStateOf(store.getState().tests, 1).running).toBe(true);
    core.release('backends.test');
    await testing;
    expect(testStateOf(store.getState().tests, 1)).toEqual({ running: false, result: okTest, error: null });
    expect(store.getState().backends[0]?.lastTest).toEqual({ at: AT, verdict: 'ok' });
  });

  it('ends the spinner with the error when the test call itself fails', async () => {
    const { core, store } = setup();
    core.handlers['backends.test'] = () => {
      throw { code: 'backend_not_found', message: 'gone' };
    };
    core.handlers['backends.list'] = () => ({ backends: [] });
    expect(await store.getState().test(7)).toBeNull();
    expect(testStateOf(store.getState().tests, 7)).toMatchObject({ running: false, error: { code: 'backend_not_found' } });
  });

  it('pins a certificate by updating the backend’s tls', async () => {
    const { core, store } = setup();
    core.handlers['backends.update'] = ({ id }) => backend(id as number, 1, { tls: 'pinned' });
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    await store.getState().pinCertificate(4, fingerprint);
    expect(core.calls.at(-1)).toEqual({ method: 'backends.update', input: { id: 4, tls: { mode: 'pinned', fingerprint256: fingerprint } } });
  });

  it('holds a backend found elsewhere for the add form until it is cleared', () => {
    const { store } = setup();
    store.getState().offerDraft({ siteId: 1, vendor: 'hongtu', baseUrl: 'http://127.0.0.3:18082', name: 'Hongtu 127.0.0.3' });
    expect(store.getState().draft).toMatchObject({ vendor: 'hongtu', baseUrl: 'http://127.0.0.3:18082' });
    store.getState().clearDraft();
    expect(store.getState().draft).toBeNull();
  });
});

describe('inventory store', () => {
  const inventory = { devices: [], doors: [{ id: 'd1', name: 'Gate', deviceId: null, number: 1, state: null }], readers: [], accessLevels: [], departments: [], refreshedAt: AT };

  it('shows what is stored, refreshes on demand, and keeps the stored copy when a refresh fails', async () => {
    const { core, inventory: store } = setup();
    core.handlers['backends.inventory'] = () => inventory;
    await store.getState().load(1, false);
    expect(inventoryOf(store.getState(), 1)).toMatchObject({ loaded: true, loading: null, inventory });
    core.handlers['backends.inventory'] = ({ refresh }) => {
      if (refresh) throw { code: 'backend_unreachable', message: 'refused', details: { reason: 'refused' } };
      return inventory;
    };
    expect(await store.getState().load(1, true)).toEqual(inventory);
    expect(inventoryOf(store.getState(), 1)).toMatchObject({ inventory, error: { code: 'backend_unreachable' }, loading: null });
    expect(core.calls.at(-1)?.input).toEqual({ id: 1, refresh: true });
  });

  it('keeps capabilities per backend and forgets a removed one', async () => {
    const { core, inventory: store } = setup();
    core.handlers['backends.capabilities'] = () => ({ closeDoor: false, doorModes: [], faceCheck: false, bulkUpsert: true, realtimeEvents: 'push', notes: {} });
    core.handlers['backends.inventory'] = () => inventory;
    await store.getState().loadCapabilities(2);
    await store.getState().load(2, false);
    expect(store.getState().capabilities[2]?.capabilities?.realtimeEvents).toBe('push');
    store.getState().forget(2);
    expect(store.getState().capabilities[2]).toBeUndefined();
    expect(inventoryOf(store.getState(), 2).loaded).toBe(false);
  });
});
