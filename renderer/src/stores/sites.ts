import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { Site, SiteId, SitesState } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

type SitesAction = 'load' | 'create' | 'rename' | 'address' | 'timeZone' | 'remove' | 'select';

/** The last failed action: which one (and on which site), with the API error's body. */
interface SitesError {
  readonly action: SitesAction;
  readonly siteId: SiteId | null;
  readonly body: ApiErrorBody;
}

interface SitesStore {
  readonly sites: readonly Site[];
  readonly currentSiteId: SiteId | null;
  /** True once a list (or a `sites.changed` event) has arrived. */
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error: SitesError | null;

  load(): Promise<void>;
  /** The new site, or null when it failed (see `error`). */
  create(name: string): Promise<Site | null>;
  rename(id: SiteId, name: string): Promise<Site | null>;
  /** Sets ('' clears) the site's address; the site, or null when it failed (see `error`). */
  setAddress(id: SiteId, address: string): Promise<Site | null>;
  /** Sets the zone the site's times are shown in; the site, or null when it failed (see `error`). */
  setTimeZone(id: SiteId, timeZone: string): Promise<Site | null>;
  remove(id: SiteId): Promise<boolean>;
  select(id: SiteId | null): Promise<boolean>;
  clearError(): void;
  /** Follow `sites.changed`, so other windows' changes show up. Returns the unsubscribe. */
  watch(): () => void;
}

/**
 * The sites and the current site, with the actions that change them. Each action applies the
 * core's reply at once; the `sites.changed` event that follows (to every window) then replaces
 * the whole state with the core's, so this window and the others converge on the same list.
 */
export function createSitesStore(client: ApiClient): StoreApi<SitesStore> {
  // Bumped by every event: a list reply that was requested before the latest event is older
  // than what we already show and must not overwrite it.
  let eventRevision = 0;

  return createStore<SitesStore>()((set, get) => {
    function fail(action: SitesAction, siteId: SiteId | null, error: unknown): void {
      const body = errorBody(error);
      set({ error: { action, siteId, body } });
      // The site went away behind our back (another window, the CLI): show the list as it is now.
      if (body.code === 'site_not_found') void refresh();
    }

    function apply(state: SitesState): void {
      set({ sites: state.sites, currentSiteId: state.currentSiteId, loaded: true });
    }

    async function refresh(): Promise<void> {
      const revision = eventRevision;
      try {
        const state = await client.call('sites.list', {});
        if (revision === eventRevision) apply(state);
      } catch {
        // The error that sent us here is already shown; a failing refresh adds nothing to it.
      }
    }

    return {
      sites: [],
      currentSiteId: null,
      loaded: false,
      loading: false,
      error: null,

      async load() {
        const revision = eventRevision;
        set({ loading: true });
        try {
          const state = await client.call('sites.list', {});
          if (revision === eventRevision) apply(state);
          if (get().error?.action === 'load') set({ error: null });
        } catch (error) {
          fail('load', null, error);
        } finally {
          set({ loading: false });
        }
      },

      async create(name) {
        set({ error: null });
        try {
          const site = await client.call('sites.create', { name });
          set((s) => ({ sites: upsert(s.sites, site) }));
          return site;
        } catch (error) {
          fail('create', null, error);
          return null;
        }
      },

      async rename(id, name) {
        set({ error: null });
        try {
          const site = await client.call('sites.rename', { id, name });
          set((s) => ({ sites: upsert(s.sites, site) }));
          return site;
        } catch (error) {
          fail('rename', id, error);
          return null;
        }
      },

      async setAddress(id, address) {
        set({ error: null });
        try {
          const site = await client.call('sites.setAddress', { id, address });
          set((s) => ({ sites: upsert(s.sites, site) }));
          return site;
        } catch (error) {
          fail('address', id, error);
          return null;
        }
      },

      async setTimeZone(id, timeZone) {
        set({ error: null });
        try {
          const site = await client.call('sites.setTimeZone', { id, timeZone });
          set((s) => ({ sites: upsert(s.sites, site) }));
          return site;
        } catch (error) {
          fail('timeZone', id, error);
          return null;
        }
      },

      async remove(id) {
        set({ error: null });
        try {
          await client.call('sites.remove', { id });
          set((s) => ({
            sites: s.sites.filter((site) => site.id !== id),
            currentSiteId: s.currentSiteId === id ? null : s.currentSiteId,
          }));
          return true;
        } catch (error) {
          fail('remove', id, error);
          return false;
        }
      },

      async select(id) {
        set({ error: null });
        try {
          const reply = await client.call('sites.select', { id });
          set({ currentSiteId: reply.currentSiteId });
          return true;
        } catch (error) {
          fail('select', id, error);
          return false;
        }
      },

      clearError() {
        set({ error: null });
      },

      watch() {
        return client.on('sites.changed', (state) => {
          eventRevision++;
          apply(state);
        });
      },
    };
  });
}

/** The current site's time zone, or null with no site chosen (the pages then use the computer's). */
export function currentSiteTimeZone(state: Pick<SitesStore, 'sites' | 'currentSiteId'>): string | null {
  return state.sites.find((site) => site.id === state.currentSiteId)?.timeZone ?? null;
}

/** Replace the site with the same id, or add it at the end. */
function upsert(sites: readonly Site[], site: Site): Site[] {
  const index = sites.findIndex((s) => s.id === site.id);
  if (index === -1) return [...sites, site];
  return sites.map((s, i) => (i === index ? site : s));
}

/** The app's sites store, on the app's client. */
export const sitesStore = createSitesStore(api);

export function useSites<T>(selector: (state: SitesStore) => T): T {
  return useStore(sitesStore, selector);
}
