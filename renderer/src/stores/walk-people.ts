import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendId } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';
import { mergePeople, type WalkPerson } from './walk-people-list.ts';

interface WalkPeopleStore {
  /** Whose people these are. */
  readonly backendId: BackendId | null;
  /** The backend's people and the site's own; null until read. */
  readonly people: readonly WalkPerson[] | null;
  readonly loading: boolean;
  /** Reading the backend's people failed (the site's own are still listed). */
  readonly error: ApiErrorBody | null;
  /** Reads the backend's people (from the backend itself) and the site's; a newer load wins. */
  load(siteId: SiteId, backendId: BackendId): Promise<void>;
}

/** The people a door test's walk-through can wait for (issue 12 item 13). */
function createWalkPeopleStore(client: ApiClient): StoreApi<WalkPeopleStore> {
  let generation = 0;
  return createStore<WalkPeopleStore>()((set) => ({
    backendId: null,
    people: null,
    loading: false,
    error: null,

    async load(siteId, backendId) {
      const mine = ++generation;
      set({ backendId, people: null, loading: true, error: null });
      const [backend, site] = await Promise.allSettled([client.call('backends.people', { id: backendId }), client.call('people.list', { siteId })]);
      if (mine !== generation) return;
      set({
        people: mergePeople(backend.status === 'fulfilled' ? backend.value.people : [], site.status === 'fulfilled' ? site.value.people : []),
        loading: false,
        error: backend.status === 'rejected' ? errorBody(backend.reason) : null,
      });
    },
  }));
}

export const walkPeopleStore = createWalkPeopleStore(api);

export function useWalkPeople<T>(selector: (state: WalkPeopleStore) => T): T {
  return useStore(walkPeopleStore, selector);
}
