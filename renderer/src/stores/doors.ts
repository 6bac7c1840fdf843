import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoorAction, DoorActionKind, PanelDoor } from '../../../shared/contract/doors.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/** How many audit rows the panel shows under the doors. */
export const DOOR_LOG_SHOWN = 20;

/** The last result of an action asked from this panel, per door (`backendId/doorId`). */
export interface DoorOutcome {
  readonly action: DoorActionKind;
  readonly ok: boolean | null;
  readonly error: ApiErrorBody | null;
}

interface DoorsStore {
  readonly siteId: SiteId | null;
  readonly doors: readonly PanelDoor[];
  readonly log: readonly DoorAction[];
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
  readonly outcomes: Readonly<Record<string, DoorOutcome>>;
  load(siteId: SiteId): Promise<void>;
  /** Runs an action on a door; its result lands in `outcomes`, its audit rows arrive by `doors.action`. */
  act(door: PanelDoor, action: DoorActionKind, seconds: number): Promise<void>;
  /** Follow `doors.state` and `doors.action`: the panel never polls the core. */
  watch(): () => void;
}

export const doorKey = (door: { backendId: number; doorId: string }): string => `${door.backendId}/${door.doorId}`;

/** The site's doors, their states and the door actions' audit log, following the core's events. */
export function createDoorsStore(client: ApiClient): StoreApi<DoorsStore> {
  let serial = 0;
  return createStore<DoorsStore>()((set, get) => ({
    siteId: null,
    doors: [],
    log: [],
    loading: false,
    error: null,
    outcomes: {},

    async load(siteId) {
      const mine = ++serial;
      if (siteId !== get().siteId) set({ siteId, doors: [], log: [], outcomes: {} });
      set({ loading: true, error: null });
      try {
        const [{ doors }, { actions }] = await Promise.all([client.call('doors.list', { siteId }), client.call('doors.actions', { siteId, limit: DOOR_LOG_SHOWN })]);
        if (mine !== serial) return;
        set({ doors, log: actions, loading: false });
      } catch (error) {
        if (mine === serial) set({ loading: false, error: errorBody(error) });
      }
    },

    async act(door, action, seconds) {
      const key = doorKey(door);
      set((s) => ({ outcomes: { ...s.outcomes, [key]: { action, ok: null, error: null } } }));
      const ref = { backendId: door.backendId, doorId: door.doorId };
      try {
        if (action === 'open') await client.call('doors.open', { ...ref, seconds });
        else if (action === 'close') await client.call('doors.close', ref);
        else await client.call('doors.setMode', { ...ref, mode: action });
        set((s) => ({ outcomes: { ...s.outcomes, [key]: { action, ok: true, error: null } } }));
      } catch (error) {
        set((s) => ({ outcomes: { ...s.outcomes, [key]: { action, ok: false, error: errorBody(error) } } }));
      }
    },

    watch() {
      const stops = [
        client.on('doors.state', ({ siteId, door }) => {
          if (siteId !== get().siteId) return;
          set((s) => ({ doors: s.doors.map((d) => (doorKey(d) === doorKey(door) ? door : d)) }));
        }),
        client.on('doors.action', ({ siteId, action }) => {
          if (siteId !== get().siteId) return;
          set((s) => ({ log: [action, ...s.log.filter((a) => a.id !== action.id)].slice(0, DOOR_LOG_SHOWN) }));
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  }));
}

export const doorsStore = createDoorsStore(api);

export function useDoors<T>(selector: (state: DoorsStore) => T): T {
  return useStore(doorsStore, selector);
}
