import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createDoorTestSetupStore, type NameMemory } from '../../../renderer/src/stores/door-test-setup.ts';
import { backend, capabilities, inventory, ScriptedCore } from './support/scripted-core.ts';

function memory(initial = ''): NameMemory & { saved: string } {
  const box = {
    saved: initial,
    read: () => box.saved,
    write: (name: string) => {
      box.saved = name;
    },
  };
  return box;
}

function siteCore(): ScriptedCore {
  return new ScriptedCore()
    .answer('backends.list', { backends: [backend(1), backend(2)] })
    .on('backends.inventory', (input) => ({ ok: true, output: input['id'] === 1 ? inventory(['a', 'b']) : inventory(['c']) }))
    .answer('backends.capabilities', capabilities());
}

describe('door test setup store', () => {
  it('chooses the site’s first backend and reads its stored inventory and capabilities', async () => {
    const core = siteCore();
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    await store.getState().load(1);
    const state = store.getState();
    expect(core.callsOf('backends.list')).toEqual([{ siteId: 1 }]);
    expect(core.callsOf('backends.inventory')).toEqual([{ id: 1, refresh: false }]);
    expect(state.backendId).toBe(1);
    expect(state.inventory?.doors.map((d) => d.id)).toEqual(['a', 'b']);
    expect(state.capabilities?.doorModes).toEqual([]);
    expect(state.loading).toBe(false);
  });

  it('refreshes the inventory from the backend and drops ticks of doors that are gone', async () => {
    const core = siteCore();
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    await store.getState().load(1);
    store.getState().selectAllDoors(true);
    expect(store.getState().selectedDoorIds).toEqual(['a', 'b']);
    core.answer('backends.inventory', inventory(['b', 'z']));
    await store.getState().refreshInventory();
    expect(core.callsOf('backends.inventory').at(-1)).toEqual({ id: 1, refresh: true });
    expect(store.getState().selectedDoorIds).toEqual(['b']);
    expect(store.getState().refreshing).toBe(false);
  });

  it('ignores a slow reply about a backend the user has already left', async () => {
    const core = siteCore();
    let releaseFirst: (reply: Reply) => void = () => {};
    core.on('backends.inventory', (input) =>
      input['id'] === 1 ? new Promise<Reply>((resolve) => (releaseFirst = resolve)) : { ok: true, output: inventory(['c']) },
    );
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    const loading = store.getState().load(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await store.getState().chooseBackend(2);
    releaseFirst({ ok: true, output: inventory(['a', 'b']) });
    await loading;
    expect(store.getState().backendId).toBe(2);
    expect(store.getState().inventory?.doors.map((d) => d.id)).toEqual(['c']);
  });

  it('keeps a backend error to show and says so for a site without backends', async () => {
    const core = siteCore().on('backends.inventory', () => ({ ok: false, error: { code: 'backend_not_found', message: 'gone' } }));
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    await store.getState().load(1);
    expect(store.getState().error?.code).toBe('backend_not_found');
    core.answer('backends.list', { backends: [] });
    await store.getState().load(2);
    expect(store.getState()).toMatchObject({ backends: [], backendId: null, inventory: null });
  });

  it('remembers the installer’s name and starts with it', () => {
    const names = memory('Wang');
    const store = createDoorTestSetupStore(new ApiClient(new ScriptedCore()), names);
    expect(store.getState().form).toEqual({ test: 'open', openSeconds: '5', timeoutSeconds: '30', personPin: '', installer: 'Wang' });
    store.getState().setForm({ installer: ' Li Lei ' });
    expect(names.saved).toBe('Li Lei');
    store.getState().toggleDoor('a', true);
    store.getState().toggleDoor('b', true);
    store.getState().toggleDoor('a', false);
    expect(store.getState().selectedDoorIds).toEqual(['b']);
  });
});

describe('door test setup store and door modes', () => {
  it('falls back to remote open when the chosen backend has no door modes', async () => {
    const core = siteCore().on('backends.capabilities', (input) => ({ ok: true, output: capabilities(input['id'] === 2 ? ['normally-open', 'restore'] : []) }));
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    await store.getState().load(1);
    await store.getState().chooseBackend(2);
    store.getState().setForm({ test: 'mode' });
    await store.getState().chooseBackend(1);
    expect(store.getState().form.test).toBe('open');
  });

  it('falls back to remote open when the backend can hold a door but not return it to normal (K30)', async () => {
    const core = siteCore().on('backends.capabilities', (input) => ({ ok: true, output: capabilities(input['id'] === 2 ? ['normally-open', 'restore'] : ['normally-open', 'normally-closed']) }));
    const store = createDoorTestSetupStore(new ApiClient(core), memory());
    await store.getState().load(1);
    await store.getState().chooseBackend(2);
    store.getState().setForm({ test: 'mode' });
    await store.getState().chooseBackend(1);
    expect(store.getState().form.test).toBe('open');
  });
});
