import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PersonSync } from '../../../shared/contract/people.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';

interface PeopleSyncStore {
  readonly siteId: SiteId | null;
  /** Each person's state on each backend they were sent to, by person id. */
  readonly byPerson: ReadonlyMap<number, readonly PersonSync[]>;
  load(siteId: SiteId | null): Promise<void>;
  /** Follows `outbox.changed` and `people.changed` of the site: the column moves as the sync engine works. */
  watch(): () => void;
}

function group(states: readonly PersonSync[]): Map<number, PersonSync[]> {
  const byPerson = new Map<number, PersonSync[]>();
  for (const state of states) byPerson.set(state.personId, [...(byPerson.get(state.personId) ?? []), state]);
  return byPerson;
}

/**
 * The People page's "Sync to backends" column, computed by the core (people.syncStates). An
 * import sends thousands of `outbox.changed`: while one load runs, further changes ask for one
 * more load after it, never one each.
 */
function createPeopleSyncStore(client: ApiClient): StoreApi<PeopleSyncStore> {
  let running: Promise<void> | null = null;
  let again = false;
  return createStore<PeopleSyncStore>()((set, get) => {
    async function reload(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          const siteId = get().siteId;
          if (siteId === null) break;
          try {
            const { states } = await client.call('people.syncStates', { siteId });
            if (get().siteId === siteId) set({ byPerson: group(states) });
          } catch {
            // The column keeps what it showed; the People page reports its own load errors.
          }
        } while (again);
      })();
      try {
        await running;
      } finally {
        running = null;
      }
    }

    return {
      siteId: null,
      byPerson: new Map(),
      async load(siteId) {
        if (siteId !== get().siteId) set({ siteId, byPerson: new Map() });
        await reload();
      },
      watch() {
        const offOutbox = client.on('outbox.changed', (entry) => {
          if (entry.siteId === get().siteId) void reload();
        });
        const offPeople = client.on('people.changed', ({ siteId }) => {
          if (siteId === get().siteId) void reload();
        });
        return () => {
          offOutbox();
          offPeople();
        };
      },
    };
  });
}

export const peopleSyncStore = createPeopleSyncStore(api);

export function usePeopleSync<T>(selector: (state: PeopleSyncStore) => T): T {
  return useStore(peopleSyncStore, selector);
}
