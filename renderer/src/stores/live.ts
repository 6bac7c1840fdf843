import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { appendOlder, arrive, LIVE_MAX, NO_FILTERS, release, toRow, type LiveFilters, type LiveRow } from './live-feed.ts';
import { errorBody } from './api-error.ts';
import { adoptRow } from './live-adopt.ts';
import { FEED_ACTIONS, upsertAction } from './live-door-actions.ts';
import type { DoorAction } from '../../../shared/contract/doors.ts';
import { localTimeZone } from '../../../shared/i18n/format-time.ts';
import { currentSiteTimeZone, sitesStore } from './sites.ts';

/** The first page and each older page read from history. */
const PAGE = 200;
/** Every stored event: the feed is the newest end of the site's history. */
const EVER = { from: '2000-01-01', to: '2999-12-31' } as const;

interface LiveStore {
  readonly siteId: SiteId | null;
  readonly rows: readonly LiveRow[];
  /** Arrived while paused or scrolled down; shown by "N new". */
  readonly pending: readonly LiveRow[];
  readonly paused: boolean;
  /** The guard is at the top of the list (new events go straight in). */
  readonly atTop: boolean;
  readonly filters: LiveFilters;
  readonly backendNames: Readonly<Record<number, string>>;
  /** The site's newest door actions, shown beside the events they caused (live-door-actions.ts). */
  readonly actions: readonly DoorAction[];
  /** Cursor of the next older history page; null at the end. */
  readonly next: string | null;
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
  load(siteId: SiteId | null): Promise<void>;
  older(): Promise<void>;
  setPaused(paused: boolean): void;
  setAtTop(atTop: boolean): void;
  /** "N new" pressed: the waiting events join the list (the page scrolls to the top). */
  showNew(): void;
  setFilters(filters: Partial<LiveFilters>): void;
  /** Follow `events.received` (never polled). */
  watch(): () => void;
}

/** The current site's zone, in which zone-less vendor times are read for the feed's order. */
function siteZone(): string {
  return currentSiteTimeZone(sitesStore.getState()) ?? localTimeZone();
}

export function createLiveStore(client: ApiClient, max = LIVE_MAX, timeZone: () => string = siteZone): StoreApi<LiveStore> {
  let serial = 0;
  return createStore<LiveStore>()((set, get) => ({
    siteId: null,
    rows: [],
    pending: [],
    paused: false,
    atTop: true,
    filters: NO_FILTERS,
    backendNames: {},
    actions: [],
    next: null,
    loading: false,
    error: null,

    async load(siteId) {
      const mine = ++serial;
      set({ siteId, rows: [], pending: [], next: null, error: null, loading: siteId !== null, backendNames: {}, actions: [] });
      if (siteId === null) return;
      // The door actions beside their events; the feed shows without them if they cannot be read.
      void client
        .call('doors.actions', { siteId, limit: FEED_ACTIONS })
        .then(({ actions }) => {
          if (mine === serial) set((s) => ({ actions: actions.reduce((all, a) => upsertAction(all, a), s.actions) }));
        })
        .catch(() => undefined);
      try {
        const [{ backends }, page] = await Promise.all([client.call('backends.list', { siteId }), client.call('history.search', { siteId, ...EVER, limit: PAGE })]);
        if (mine !== serial) return;
        const backendNames = Object.fromEntries(backends.map((b) => [b.id, b.name]));
        const zone = timeZone();
        const loaded = page.events.map((e) => toRow(e.backendId, e.backendName, e.at, e.event, zone));
        // Events announced while the page was read stay in front.
        set((s) => ({ backendNames, rows: appendOlder(s.rows, loaded).slice(0, max), next: page.next, loading: false }));
      } catch (error) {
        if (mine === serial) set({ error: errorBody(error), loading: false });
      }
    },

    async older() {
      const { siteId, next, loading } = get();
      if (siteId === null || !next || loading) return;
      const mine = serial;
      set({ loading: true });
      try {
        const page = await client.call('history.search', { siteId, ...EVER, limit: PAGE, before: next });
        if (mine !== serial) return;
        // Read on the guard's request, so kept beyond the live bound until the site changes.
        set((s) => ({ rows: appendOlder(s.rows, page.events.map((e) => toRow(e.backendId, e.backendName, e.at, e.event, timeZone()))), next: page.next, loading: false }));
      } catch (error) {
        if (mine === serial) set({ error: errorBody(error), loading: false });
      }
    },

    setPaused(paused) {
      set({ paused });
      if (!paused && get().atTop) set((s) => release(s, max));
    },

    setAtTop(atTop) {
      if (atTop === get().atTop) return;
      set({ atTop });
    },

    showNew() {
      set((s) => ({ ...release(s, max), paused: false, atTop: true }));
    },

    setFilters(filters) {
      set((s) => ({ filters: { ...s.filters, ...filters } }));
    },

    watch() {
      const stops = [
        client.on('events.received', ({ backendId, events }) => {
          const name = get().backendNames[backendId];
          if (name === undefined) return; // another site's backend
          // A batch comes oldest first; `arrive` takes newest first and places each by its time.
          const zone = timeZone();
          const rows = events.map((e) => toRow(backendId, name, e.occurredAt, e, zone)).reverse();
          set((s) => arrive(s, rows, !s.paused && s.atTop, max));
        }),
        // The list adopted a monitored pass: its row takes the list's id (one row, never two).
        client.on('events.adopted', ({ backendId, from, event }) => set((s) => adoptRow(s, backendId, from, event))),
        // A door action started or finished: beside its event, or on its own row until that comes.
        client.on('doors.action', ({ siteId, action }) => {
          if (siteId === get().siteId) set((s) => ({ actions: upsertAction(s.actions, action) }));
        }),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  }));
}

export const liveStore = createLiveStore(api);

export function useLive<T>(selector: (state: LiveStore) => T): T {
  return useStore(liveStore, selector);
}
