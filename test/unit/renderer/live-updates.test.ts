import { describe, expect, it } from 'vitest';
import type { ConnectionTest } from '../../../shared/contract/backends.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createBackendsStore } from '../../../renderer/src/stores/backends.ts';
import { createDoorTestRunsStore } from '../../../renderer/src/stores/door-test-runs.ts';
import { createDoorTestSetupStore } from '../../../renderer/src/stores/door-test-setup.ts';
import { createInventoryStore } from '../../../renderer/src/stores/inventory.ts';
import { createPeopleStore } from '../../../renderer/src/stores/people.ts';
import { backend, capabilities, inventory, result, ScriptedCore } from './support/scripted-core.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function verdict(doors: number): ConnectionTest {
  return { verdict: 'ok', cause: null, message: 'ok', advice: null, latencyMs: 5, facts: { doors }, clockSkewMs: 0, testedAt: '2026-03-04T05:06:07.000Z' };
}

const noNames = { read: () => '', write: () => undefined };

describe('stores follow the core’s changes (issue 12 item 8)', () => {
  it('the verdict card’s counts: an inventory change tests the shown backend again, without the spinner', async () => {
    let doors = 0;
    const core = new ScriptedCore().answer('backends.list', { backends: [backend(1)] }).on('backends.test', () => ({ ok: true, output: verdict(doors) }));
    const store = createBackendsStore(new ApiClient(core));
    store.getState().watch();
    await store.getState().load(1);
    await store.getState().test(1);
    expect(store.getState().tests[1]?.result?.facts['doors']).toBe(0);

    doors = 1;
    core.emit('inventory.changed', { backendId: 1, inventory: inventory(['new']) });
    expect(store.getState().tests[1]?.running).toBe(false);
    await settle();
    expect(store.getState().tests[1]?.result?.facts['doors']).toBe(1);
    // A backend whose verdict is not shown is not tested behind the user's back.
    core.emit('inventory.changed', { backendId: 2, inventory: inventory([]) });
    await settle();
    expect(core.callsOf('backends.test')).toEqual([{ id: 1 }, { id: 1 }]);
  });

  it('the backends list follows backends.changed for its own site only', async () => {
    const core = new ScriptedCore().answer('backends.list', { backends: [backend(1)] });
    const store = createBackendsStore(new ApiClient(core));
    store.getState().watch();
    await store.getState().load(1);
    core.emit('backends.changed', { siteId: 1, backends: [backend(1), backend(2, 'Added elsewhere')] });
    expect(store.getState().backends.map((b) => b.name)).toEqual(['Backend 1', 'Added elsewhere']);
    core.emit('backends.changed', { siteId: 2, backends: [] });
    expect(store.getState().backends).toHaveLength(2);
  });

  it('an open inventory shows the stored one the core announced', async () => {
    const core = new ScriptedCore().answer('backends.inventory', inventory([]));
    const store = createInventoryStore(new ApiClient(core));
    store.getState().watch();
    await store.getState().load(1, false);
    core.emit('inventory.changed', { backendId: 1, inventory: inventory(['north']) });
    expect(store.getState().inventories[1]?.inventory?.doors.map((d) => d.id)).toEqual(['north']);
  });

  it('Door tests lists the new door without Refresh, and keeps the ticks that still name a door', async () => {
    const core = new ScriptedCore()
      .answer('backends.list', { backends: [backend(1)] })
      .answer('backends.inventory', inventory(['a']))
      .answer('backends.capabilities', capabilities());
    const store = createDoorTestSetupStore(new ApiClient(core), noNames);
    store.getState().watch();
    await store.getState().load(1);
    store.getState().toggleDoor('a', true);
    core.emit('inventory.changed', { backendId: 1, inventory: inventory(['a', 'north']) });
    expect(store.getState().inventory?.doors.map((d) => d.id)).toEqual(['a', 'north']);
    expect(store.getState().selectedDoorIds).toEqual(['a']);
    expect(core.callsOf('backends.inventory')).toEqual([{ id: 1, refresh: false }]);
  });

  it('a door test finished elsewhere joins the results', async () => {
    const core = new ScriptedCore().answer('doorTests.list', { results: [] });
    const store = createDoorTestRunsStore(new ApiClient(core));
    store.getState().watch();
    await store.getState().loadResults(1);
    const finished = result({ runId: 'r1', doorId: 'a', verdict: 'fail' });
    core.emit('doorTests.finished', finished);
    expect(store.getState().results).toEqual([finished]);
    core.emit('doorTests.finished', result({ runId: 'r2', doorId: 'a', siteId: 2 }));
    expect(store.getState().results).toHaveLength(1);
  });

  it('People lists again when the core says the site’s people changed', async () => {
    const core = new ScriptedCore().answer('people.list', { people: [] });
    const store = createPeopleStore(new ApiClient(core));
    store.getState().watch();
    await store.getState().load(1);
    core.emit('people.changed', { siteId: 1 });
    core.emit('people.changed', { siteId: 2 });
    await settle();
    expect(core.callsOf('people.list')).toEqual([{ siteId: 1 }, { siteId: 1 }]);
  });
});
