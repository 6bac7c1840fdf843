import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Backend, BackendId, Capabilities, Inventory } from '../../../shared/contract/backends.ts';
import type { DoorTestKind } from '../../../shared/contract/door-tests.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { offeredDoorTests } from '../../../shared/rules/door-test-offers.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

const INSTALLER_KEY = 'doorman.installer';

/** What the user typed, as typed: checked into a run plan by `checkPlan` (door-test-plan.ts). */
export interface DoorTestForm {
  readonly test: DoorTestKind;
  readonly openSeconds: string;
  readonly timeoutSeconds: string;
  readonly personPin: string;
  readonly installer: string;
}

interface DoorTestSetupStore {
  readonly siteId: SiteId | null;
  /** The site's backends (null until the list arrived). */
  readonly backends: readonly Backend[] | null;
  readonly backendId: BackendId | null;
  /** The chosen backend's stored inventory; null when none is stored yet. */
  readonly inventory: Inventory | null;
  readonly capabilities: Capabilities | null;
  /** Loading the backend list, or the chosen backend's inventory and capabilities. */
  readonly loading: boolean;
  readonly refreshing: boolean;
  readonly selectedDoorIds: readonly string[];
  readonly form: DoorTestForm;
  readonly error: ApiErrorBody | null;

  /** The site's backends; chooses the first one when the current choice is not among them. */
  load(siteId: SiteId): Promise<void>;
  chooseBackend(id: BackendId | null): Promise<void>;
  /** Reads the inventory from the backend itself (`refresh: true`). */
  refreshInventory(): Promise<void>;
  toggleDoor(doorId: string, selected: boolean): void;
  selectAllDoors(selected: boolean): void;
  setForm(patch: Partial<DoorTestForm>): void;
  clearError(): void;
  /** Follow the core: the site's backends and the chosen backend's doors as they change (no Refresh needed). */
  watch(): () => void;
}

/** Where the installer's name is remembered; injectable so tests need no browser storage. */
export interface NameMemory {
  read(): string;
  write(name: string): void;
}

export function localNameMemory(key = INSTALLER_KEY): NameMemory {
  return {
    read() {
      try {
        return localStorage.getItem(key) ?? '';
      } catch {
        // Storage can be unavailable (privacy settings): the name is simply typed again.
        return '';
      }
    },
    write(name) {
      try {
        localStorage.setItem(key, name);
      } catch {
        // Not remembered, still used for this run.
      }
    },
  };
}

/**
 * What to test: the site's backends, the chosen one's doors (from the stored inventory, so it works
 * while the backend is offline) and what it can do, the ticked doors and the test's settings.
 * Replies that arrive after the user moved on (another site, another backend) are dropped.
 */
export function createDoorTestSetupStore(client: ApiClient, names: NameMemory): StoreApi<DoorTestSetupStore> {
  // Bumped by every load / choice: an older reply must not overwrite a newer choice.
  let generation = 0;

  return createStore<DoorTestSetupStore>()((set, get) => {
    async function readBackend(id: BackendId, refresh: boolean, mine: number): Promise<void> {
      try {
        const [inventory, capabilities] = await Promise.all([
          client.call('backends.inventory', { id, refresh }),
          client.call('backends.capabilities', { id }),
        ]);
        if (mine !== generation) return;
        const doorIds = new Set((inventory?.doors ?? []).map((door) => door.id));
        set((s) => ({
          inventory,
          capabilities,
          // A test this backend does not offer (the mode test without a way back to normal): fall back to remote open.
          form: offeredDoorTests(capabilities).includes(s.form.test) ? s.form : { ...s.form, test: 'open' },
          // Keep the ticks that still name a door; a refresh may have removed some.
          selectedDoorIds: s.selectedDoorIds.filter((doorId) => doorIds.has(doorId)),
          error: null,
        }));
      } catch (error) {
        if (mine === generation) set({ error: errorBody(error) });
      }
    }

    return {
      siteId: null,
      backends: null,
      backendId: null,
      inventory: null,
      capabilities: null,
      loading: false,
      refreshing: false,
      selectedDoorIds: [],
      form: { test: 'open', openSeconds: '5', timeoutSeconds: '30', personPin: '', installer: names.read() },
      error: null,

      async load(siteId) {
        const mine = ++generation;
        const sameSite = get().siteId === siteId;
        set({ siteId, loading: true, error: null, ...(sameSite ? {} : { backends: null, backendId: null, inventory: null, capabilities: null, selectedDoorIds: [] }) });
        try {
          const { backends } = await client.call('backends.list', { siteId });
          if (mine !== generation) return;
          set({ backends });
          const current = get().backendId;
          const keep = current !== null && backends.some((b) => b.id === current);
          const next = keep ? current : (backends[0]?.id ?? null);
          if (next === null) {
            set({ backendId: null, inventory: null, capabilities: null, selectedDoorIds: [] });
            return;
          }
          if (!keep) set({ backendId: next, inventory: null, capabilities: null, selectedDoorIds: [] });
          await readBackend(next, false, mine);
        } catch (error) {
          if (mine === generation) set({ error: errorBody(error) });
        } finally {
          if (mine === generation) set({ loading: false });
        }
      },

      async chooseBackend(id) {
        const mine = ++generation;
        set({ backendId: id, inventory: null, capabilities: null, selectedDoorIds: [], error: null, refreshing: false });
        if (id === null) return;
        set({ loading: true });
        await readBackend(id, false, mine);
        if (mine === generation) set({ loading: false });
      },

      async refreshInventory() {
        const id = get().backendId;
        if (id === null) return;
        const mine = ++generation;
        set({ refreshing: true, error: null });
        await readBackend(id, true, mine);
        if (mine === generation) set({ refreshing: false });
      },

      toggleDoor(doorId, selected) {
        set((s) => {
          const rest = s.selectedDoorIds.filter((id) => id !== doorId);
          return { selectedDoorIds: selected ? [...rest, doorId] : rest };
        });
      },

      selectAllDoors(selected) {
        set((s) => ({ selectedDoorIds: selected ? (s.inventory?.doors ?? []).map((door) => door.id) : [] }));
      },

      setForm(patch) {
        if (patch.installer !== undefined) names.write(patch.installer.trim());
        set((s) => ({ form: { ...s.form, ...patch } }));
      },

      clearError() {
        set({ error: null });
      },

      watch() {
        const stops = [
          client.on('inventory.changed', ({ backendId, inventory }) => {
            if (backendId !== get().backendId) return;
            const doorIds = new Set(inventory.doors.map((door) => door.id));
            set((s) => ({ inventory, selectedDoorIds: s.selectedDoorIds.filter((doorId) => doorIds.has(doorId)) }));
          }),
          client.on('backends.changed', ({ siteId, backends }) => {
            if (siteId !== get().siteId) return;
            set({ backends });
            const current = get().backendId;
            if (current === null || !backends.some((b) => b.id === current)) void get().chooseBackend(backends[0]?.id ?? null);
          }),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}

export const doorTestSetupStore = createDoorTestSetupStore(api, localNameMemory());

export function useDoorTestSetup<T>(selector: (state: DoorTestSetupStore) => T): T {
  return useStore(doorTestSetupStore, selector);
}
