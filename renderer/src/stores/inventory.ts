import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendId, Capabilities, Inventory } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/**
 * One backend's inventory as this window knows it: `inventory` is what the core has stored (null:
 * never read), `loading` says which read runs — the stored copy or a refresh from the backend.
 */
interface InventoryState {
  readonly inventory: Inventory | null;
  readonly loaded: boolean;
  readonly loading: 'stored' | 'refresh' | null;
  readonly error: ApiErrorBody | null;
}

interface CapabilitiesState {
  readonly capabilities: Capabilities | null;
  readonly error: ApiErrorBody | null;
}

interface InventoryStore {
  readonly inventories: Readonly<Record<BackendId, InventoryState>>;
  readonly capabilities: Readonly<Record<BackendId, CapabilitiesState>>;
  /** `refresh: false` shows what is stored (works with the backend out of reach). */
  load(id: BackendId, refresh: boolean): Promise<Inventory | null>;
  loadCapabilities(id: BackendId): Promise<void>;
  /** Forget a removed backend. */
  forget(id: BackendId): void;
  /** Follow `inventory.changed`: what the core stored shows at once (a wizard's new door…). */
  watch(): () => void;
}

const EMPTY: InventoryState = { inventory: null, loaded: false, loading: null, error: null };

export function inventoryOf(state: InventoryStore, id: BackendId): InventoryState {
  return state.inventories[id] ?? EMPTY;
}

/** The backends' devices, doors, readers, levels and departments, and what each backend can do. */
export function createInventoryStore(client: ApiClient): StoreApi<InventoryStore> {
  return createStore<InventoryStore>()((set, get) => {
    function patch(id: BackendId, change: Partial<InventoryState>): void {
      set((s) => ({ inventories: { ...s.inventories, [id]: { ...inventoryOf(s, id), ...change } } }));
    }

    return {
      inventories: {},
      capabilities: {},

      async load(id, refresh) {
        patch(id, { loading: refresh ? 'refresh' : 'stored', error: null });
        try {
          const inventory = await client.call('backends.inventory', { id, refresh });
          patch(id, { inventory, loaded: true, loading: null });
          return inventory;
        } catch (error) {
          // A failed refresh keeps showing the stored copy, with the reason beside it.
          patch(id, { loading: null, error: errorBody(error) });
          return inventoryOf(get(), id).inventory;
        }
      },

      async loadCapabilities(id) {
        try {
          const capabilities = await client.call('backends.capabilities', { id });
          set((s) => ({ capabilities: { ...s.capabilities, [id]: { capabilities, error: null } } }));
        } catch (error) {
          set((s) => ({ capabilities: { ...s.capabilities, [id]: { capabilities: null, error: errorBody(error) } } }));
        }
      },

      watch() {
        return client.on('inventory.changed', ({ backendId, inventory }) => {
          // Only backends this window has open; the others read the stored copy when opened.
          if (get().inventories[backendId]) patch(backendId, { inventory, loaded: true });
        });
      },

      forget(id) {
        set((s) => {
          const inventories = { ...s.inventories };
          const capabilities = { ...s.capabilities };
          delete inventories[id];
          delete capabilities[id];
          return { inventories, capabilities };
        });
      },
    };
  });
}

export const inventoryStore = createInventoryStore(api);

export function useInventory<T>(selector: (state: InventoryStore) => T): T {
  return useStore(inventoryStore, selector);
}
