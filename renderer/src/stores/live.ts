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
import { createArrivalBatcher, REAL_TIMER, type BatchTimer } from './arrival-batcher.ts';

/** The first page and each older page read from history. */
const PAGE = 200;
/** Every stored event: the feed is the newest end of the site's history. */
const EVER = { from: '2000-01-01', to: '2999-12-31' } as const;
/**
 * At most one list update per this many ms: a flood (200 events/s) becomes 10 updates a second, so
 * the page stays responsive; a lone event after a quiet spell still shows at once.
 */
export const LIVE_FLUSH_MS = 100;

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

/** What a test may set: how many rows are kept, the batching clock, the zone vendor times are read in. */
interface LiveStoreOptions {
  readonly max?: number;
  readonly timer?: BatchTimer;
  readonly timeZone?: () => string;
}

export function createLiveStore(client: ApiClient, { max = LIVE_MAX, timer = REAL_TIMER, timeZone = siteZone }: LiveStoreOptions = {}): StoreApi<LiveStore> {
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
      const deliver = (rows: LiveRow[]) => {
        // Rows that waited while the site changed belong to the other site.
        const names = get().backendNames;
        const mine = rows.filter((r) => names[r.backendId] !== undefined);
        if (mine.length > 0) set((s) => arrive(s, mine, !s.paused && s.atTop, max));
      };
      const batcher = createArrivalBatcher<LiveRow>(deliver, { everyMs: LIVE_FLUSH_MS, max, timer });
      const stops = [
        client.on('events.received', ({ backendId, events }) => {
          const name = get().backendNames[backendId];
          if (name === undefined) return; // another site's backend
          // A batch comes oldest first; `arrive` takes newest first and places each by its time.
          const zone = timeZone();
          batcher.add(events.map((e) => toRow(backendId, name, e.occurredAt, e, zone)).reverse());
        }),
        // The list adopted a monitored pass: its row takes the list's id (one row, never two). The
        // monitored row may still wait in the batcher: delivered first, so the adoption finds it.
        client.on('events.adopted', ({ backendId, from, event }) => {
          batcher.flush();
          set((s) => adoptRow(s, backendId, from, event));
        }),
        // A door action started or finished: beside its event, or on its own row until that comes.
        client.on('doors.action', ({ siteId, action }) => {
          if (siteId === get().siteId) set((s) => ({ actions: upsertAction(s.actions, action) }));
        }),
      ];
      return () => {
        for (const stop of stops) stop();
        batcher.stop();
      };
    },
  }));
}

export const liveStore = createLiveStore(api);

export function useLive<T>(selector: (state: LiveStore) => T): T {
  return useStore(liveStore, selector);
}
