import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccessLevel } from '../../../shared/contract/backends.ts';
import type { Bridge, BridgeDevice, BridgeId, BridgeQueue, BridgeSettingsChange, BridgeState, BridgeTask, BridgeTestResult, DeviceAccessLevels, DoorRef } from '../../../shared/contract/bridges.ts';
import type { PanelDoor } from '../../../shared/contract/doors.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';
import type { BridgeAddInput, BridgeUpdateInput } from './bridge-form.ts';

/** Which action last failed, so the page shows its error beside it. */
export type BridgeAction = 'load' | 'save' | 'remove' | 'device' | 'test' | 'retry' | 'advanced';

interface BridgeStore {
  readonly siteId: SiteId | null;
  /** The site's bridges (null until the list arrived). */
  readonly bridges: readonly Bridge[] | null;
  /** The bridge shown; null: the "new bridge" form. */
  readonly bridgeId: BridgeId | null;
  readonly devices: readonly BridgeDevice[];
  /** The live state of its device sessions: one read on open, then the `bridge.state` events. */
  readonly state: BridgeState | null;
  readonly tasks: readonly BridgeTask[];
  readonly queue: BridgeQueue | null;
  /** The site's doors across its backends (stored inventory), to map a device to. */
  readonly doors: readonly PanelDoor[];
  /** The stored access levels of each backend behind the site's doors (by backend id), to pick a device's levels by name. */
  readonly levels: Readonly<Record<number, readonly AccessLevel[]>>;
  readonly testResult: BridgeTestResult | null;
  readonly busy: BridgeAction | null;
  readonly error: { readonly action: BridgeAction; readonly body: ApiErrorBody } | null;
  /** The last action that worked, for its confirmation line ("Saved."). */
  readonly done: { readonly action: BridgeAction; readonly count?: number } | null;

  load(siteId: SiteId): Promise<void>;
  choose(id: BridgeId | null): Promise<void>;
  save(input: { add: BridgeAddInput | null; update: BridgeUpdateInput | null }): Promise<boolean>;
  saveSettings(change: BridgeSettingsChange): Promise<boolean>;
  remove(): Promise<boolean>;
  addDevice(sn: string, doors: readonly DoorRef[], accessLevels?: readonly DeviceAccessLevels[]): Promise<boolean>;
  /** Replaces a device's doors and the levels of its workers (`bridge.devices.update`). */
  updateDevice(deviceId: number, doors: readonly DoorRef[], accessLevels: readonly DeviceAccessLevels[]): Promise<boolean>;
  removeDevice(deviceId: number): Promise<boolean>;
  test(sn?: string): Promise<void>;
  retry(signinId?: number): Promise<void>;
  /** Reads the task history and the queue again. */
  refresh(): Promise<void>;
  /** Follow `bridge.state` (and the tasks and queue it says changed): the page never polls the core. */
  watch(): () => void;
}

/** What changed between two states that the history or the queue should be read again for. */
export function countsChanged(before: BridgeState | null, after: BridgeState): boolean {
  if (!before) return true;
  const key = (s: BridgeState) => s.devices.map((d) => `${d.deviceId}:${d.openTasks}:${d.queueDepth}:${d.lastError?.at ?? ''}`).join('|');
  return key(before) !== key(after);
}

/**
 * The Bridge page's data (issue 16 item 5): the site's bridges, the chosen one's devices, live state,
 * task history and attendance queue, and the actions on them. Replies for a bridge or site the user
 * has left are dropped.
 */
export function createBridgeStore(client: ApiClient): StoreApi<BridgeStore> {
  let generation = 0;
  let reading: Promise<void> | null = null;
  let readAgain = false;

  return createStore<BridgeStore>()((set, get) => {
    async function readBridge(id: BridgeId, mine: number): Promise<void> {
      const [{ devices }, state, { tasks }, queue] = await Promise.all([
        client.call('bridge.devices.list', { bridgeId: id }),
        client.call('bridge.status', { bridgeId: id }),
        client.call('bridge.tasks', { bridgeId: id }),
        client.call('bridge.queue', { bridgeId: id }),
      ]);
      if (mine !== generation) return;
      set({ devices, state, tasks, queue });
    }

    /** The stored inventory's access levels of each backend behind the site's doors (a backend that fails to answer offers none). */
    async function readLevels(doors: readonly PanelDoor[], mine: number): Promise<void> {
      const ids = [...new Set(doors.map((door) => door.backendId))];
      const read = await Promise.all(ids.map(async (id) => [id, (await client.call('backends.inventory', { id }).catch(() => null))?.accessLevels ?? []] as const));
      if (mine === generation) set({ levels: Object.fromEntries(read) });
    }

    /** Tasks and queue again, one read at a time (events may come in bursts). */
    async function readLists(): Promise<void> {
      if (reading) {
        readAgain = true;
        return reading;
      }
      reading = (async () => {
        do {
          readAgain = false;
          const id = get().bridgeId;
          if (id === null) break;
          const mine = generation;
          try {
            const [{ tasks }, queue] = await Promise.all([client.call('bridge.tasks', { bridgeId: id }), client.call('bridge.queue', { bridgeId: id })]);
            if (mine === generation) set({ tasks, queue });
          } catch (error) {
            if (mine === generation) set({ error: { action: 'load', body: errorBody(error) } });
          }
        } while (readAgain);
      })();
      try {
        await reading;
      } finally {
        reading = null;
      }
    }

    async function act<T>(action: BridgeAction, work: () => Promise<T>): Promise<T | undefined> {
      set({ busy: action, error: null, done: null });
      try {
        return await work();
      } catch (error) {
        set({ error: { action, body: errorBody(error) } });
        return undefined;
      } finally {
        set({ busy: null });
      }
    }

    function cleared() {
      return { devices: [], state: null, tasks: [], queue: null, testResult: null, error: null, done: null };
    }

    return {
      siteId: null,
      bridges: null,
      bridgeId: null,
      devices: [],
      state: null,
      tasks: [],
      queue: null,
      doors: [],
      levels: {},
      testResult: null,
      busy: null,
      error: null,
      done: null,

      async load(siteId) {
        const mine = ++generation;
        if (siteId !== get().siteId) set({ siteId, bridges: null, bridgeId: null, doors: [], levels: {}, ...cleared() });
        try {
          const [{ bridges }, { doors }] = await Promise.all([client.call('bridge.list', { siteId }), client.call('doors.list', { siteId })]);
          if (mine !== generation) return;
          const current = get().bridgeId;
          const bridgeId = current !== null && bridges.some((b) => b.id === current) ? current : (bridges[0]?.id ?? null);
          set({ bridges, doors, bridgeId });
          void readLevels(doors, mine);
          if (bridgeId !== null) await readBridge(bridgeId, mine);
        } catch (error) {
          if (mine === generation) set({ error: { action: 'load', body: errorBody(error) } });
        }
      },

      async choose(id) {
        const mine = ++generation;
        set({ bridgeId: id, ...cleared() });
        if (id === null) return;
        try {
          await readBridge(id, mine);
        } catch (error) {
          if (mine === generation) set({ error: { action: 'load', body: errorBody(error) } });
        }
      },

      async save({ add, update }) {
        const saved = await act('save', async () => (add ? client.call('bridge.add', add) : update ? client.call('bridge.update', update) : null));
        if (!saved) return false;
        // A verdict about the settings before this change would mislead: test again.
        set({ testResult: null });
        set((s) => ({
          bridges: [...(s.bridges ?? []).filter((b) => b.id !== saved.id), saved].sort((a, b) => a.id - b.id),
          done: { action: 'save', count: add ? 1 : 0 },
        }));
        if (add) {
          const mine = ++generation;
          set({ bridgeId: saved.id, devices: [], state: null, tasks: [], queue: null, testResult: null });
          await readBridge(saved.id, mine).catch(() => undefined);
        }
        return true;
      },

      async saveSettings(settings) {
        const id = get().bridgeId;
        if (id === null) return false;
        const saved = await act('advanced', () => client.call('bridge.update', { id, settings }));
        if (!saved) return false;
        set((s) => ({ bridges: (s.bridges ?? []).map((b) => (b.id === saved.id ? saved : b)), done: { action: 'advanced' } }));
        return true;
      },

      async remove() {
        const id = get().bridgeId;
        if (id === null) return false;
        const removed = await act('remove', () => client.call('bridge.remove', { id }));
        if (!removed) return false;
        const bridges = (get().bridges ?? []).filter((b) => b.id !== id);
        set({ bridges });
        await get().choose(bridges[0]?.id ?? null);
        return true;
      },

      async addDevice(sn, doors, accessLevels = []) {
        const bridgeId = get().bridgeId;
        if (bridgeId === null) return false;
        const device = await act('device', () => client.call('bridge.devices.add', { bridgeId, sn, doors: [...doors], accessLevels: accessLevels.map((a) => ({ ...a, accessLevelIds: [...a.accessLevelIds] })) }));
        if (!device) return false;
        if (get().bridgeId === bridgeId) set((s) => ({ devices: [...s.devices, device] }));
        // The runner restarts with the new device: its state arrives by `bridge.state`; read it once now too.
        const state = await client.call('bridge.status', { bridgeId }).catch(() => null);
        if (state && get().bridgeId === bridgeId) set({ state });
        return true;
      },

      async updateDevice(deviceId, doors, accessLevels) {
        const bridgeId = get().bridgeId;
        if (bridgeId === null) return false;
        const device = await act('device', () =>
          client.call('bridge.devices.update', { bridgeId, deviceId, doors: [...doors], accessLevels: accessLevels.map((a) => ({ ...a, accessLevelIds: [...a.accessLevelIds] })) }),
        );
        if (!device) return false;
        if (get().bridgeId === bridgeId) set((s) => ({ devices: s.devices.map((d) => (d.id === device.id ? device : d)), done: { action: 'device' } }));
        return true;
      },

      async removeDevice(deviceId) {
        const bridgeId = get().bridgeId;
        if (bridgeId === null) return false;
        const removed = await act('device', () => client.call('bridge.devices.remove', { bridgeId, deviceId }));
        if (!removed) return false;
        set((s) => ({ devices: s.devices.filter((d) => d.id !== deviceId), state: s.state ? { ...s.state, devices: s.state.devices.filter((d) => d.deviceId !== deviceId) } : s.state }));
        return true;
      },

      async test(sn) {
        const bridgeId = get().bridgeId;
        if (bridgeId === null) return;
        set({ testResult: null });
        const result = await act('test', () => client.call('bridge.test', { bridgeId, ...(sn ? { sn } : {}) }));
        if (result && get().bridgeId === bridgeId) set({ testResult: result });
      },

      async retry(signinId) {
        const bridgeId = get().bridgeId;
        if (bridgeId === null) return;
        const result = await act('retry', () => client.call('bridge.queue.retry', { bridgeId, ...(signinId !== undefined ? { signinId } : {}) }));
        if (!result) return;
        set({ done: { action: 'retry', count: result.retried } });
        await readLists();
      },

      refresh: readLists,

      watch() {
        return client.on('bridge.state', (state) => {
          if (state.bridgeId !== get().bridgeId) return;
          const before = get().state;
          set({ state });
          if (countsChanged(before, state)) void readLists();
        });
      },
    };
  });
}

export const bridgeStore = createBridgeStore(api);

export function useBridge<T>(selector: (state: BridgeStore) => T): T {
  return useStore(bridgeStore, selector);
}
