import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AlarmSettings } from '../../../shared/contract/alarms.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

interface GuardSettingsStore {
  /** The core's settings (null until loaded). */
  readonly settings: AlarmSettings | null;
  readonly saving: boolean;
  readonly error: ApiErrorBody | null;
  load(): Promise<void>;
  save(settings: AlarmSettings): Promise<boolean>;
}

/** The guard room's settings kept by the core: who is on duty (kept with each acknowledgement), the repeated-denials rule. */
export function createGuardSettingsStore(client: ApiClient): StoreApi<GuardSettingsStore> {
  return createStore<GuardSettingsStore>()((set) => ({
    settings: null,
    saving: false,
    error: null,

    async load() {
      try {
        set({ settings: await client.call('alarms.settings', {}), error: null });
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async save(settings) {
      set({ saving: true, error: null });
      try {
        set({ settings: await client.call('alarms.setSettings', settings), saving: false });
        return true;
      } catch (error) {
        set({ saving: false, error: errorBody(error) });
        return false;
      }
    },
  }));
}

export const guardSettingsStore = createGuardSettingsStore(api);

export function useGuardSettings<T>(selector: (state: GuardSettingsStore) => T): T {
  return useStore(guardSettingsStore, selector);
}
