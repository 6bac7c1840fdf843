import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { HistoryDay, HistoryEvent, HistoryFilters } from '../../../shared/contract/history.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

/** One page of the results table. */
const PAGE = 100;
/** The most events the printed day's log holds. */
const PRINT_MAX = 5_000;
/** How long a burst of arriving events settles before the page reads them. */
const SETTLE_MS = 400;

interface HistoryStore {
  /** The filters of the results shown (null: nothing searched yet). */
  readonly filters: HistoryFilters | null;
  readonly events: readonly HistoryEvent[];
  /** The cursor of the next (older) page; null at the end. */
  readonly next: string | null;
  readonly loading: boolean;
  readonly day: HistoryDay | null;
  readonly dayLoading: boolean;
  /** The day's events for the printed log (loaded when Print is asked for). */
  readonly dayLog: readonly HistoryEvent[] | null;
  readonly exporting: boolean;
  readonly error: ApiErrorBody | null;
  /** A new search: its first page; the latest search wins. */
  search(filters: HistoryFilters): Promise<void>;
  /** The next, older page of the current search, appended. */
  more(): Promise<void>;
  loadDay(siteId: number, date: string): Promise<void>;
  /** Every event of the shown day, for the printed log; false when it could not be read. */
  loadDayLog(siteId: number, date: string): Promise<boolean>;
  exportFile(filters: HistoryFilters, format: 'csv' | 'xlsx', lang: Lang): Promise<{ fileName: string; base64: string; rows: number } | null>;
  /**
   * Follow `events.received`: events arriving while the page shows its first page come into it
   * (search again), and the day view counts them; older pages being read are left as they are.
   */
  watch(): () => void;
}

/** The History page's searches, day view and exports (`history.*`). */
export function createHistoryStore(client: ApiClient): StoreApi<HistoryStore> {
  let generation = 0;
  return createStore<HistoryStore>()((set, get) => ({
    filters: null,
    events: [],
    next: null,
    loading: false,
    day: null,
    dayLoading: false,
    dayLog: null,
    exporting: false,
    error: null,

    async search(filters) {
      const mine = ++generation;
      set({ filters, loading: true, error: null });
      try {
        const page = await client.call('history.search', { ...filters, limit: PAGE });
        if (mine === generation) set({ events: page.events, next: page.next });
      } catch (error) {
        if (mine === generation) set({ events: [], next: null, error: errorBody(error) });
      } finally {
        if (mine === generation) set({ loading: false });
      }
    },

    async more() {
      const { filters, next } = get();
      if (!filters || !next) return;
      const mine = ++generation;
      set({ loading: true, error: null });
      try {
        const page = await client.call('history.search', { ...filters, limit: PAGE, before: next });
        if (mine === generation) set((s) => ({ events: [...s.events, ...page.events], next: page.next }));
      } catch (error) {
        if (mine === generation) set({ error: errorBody(error) });
      } finally {
        if (mine === generation) set({ loading: false });
      }
    },

    async loadDay(siteId, date) {
      set({ dayLoading: true, error: null, dayLog: null });
      try {
        set({ day: await client.call('history.day', { siteId, date }) });
      } catch (error) {
        set({ day: null, error: errorBody(error) });
      } finally {
        set({ dayLoading: false });
      }
    },

    async loadDayLog(siteId, date) {
      const filters = { siteId, from: date, to: `${date} 23:59:59` };
      const events: HistoryEvent[] = [];
      try {
        let before: string | undefined;
        do {
          const page = await client.call('history.search', { ...filters, limit: 500, ...(before ? { before } : {}) });
          events.push(...page.events);
          before = page.next ?? undefined;
        } while (before && events.length < PRINT_MAX);
        set({ dayLog: events });
        return true;
      } catch (error) {
        set({ error: errorBody(error) });
        return false;
      }
    },

    async exportFile(filters, format, lang) {
      set({ exporting: true, error: null });
      try {
        return await client.call('history.export', { ...filters, format, lang });
      } catch (error) {
        set({ error: errorBody(error) });
        return null;
      } finally {
        set({ exporting: false });
      }
    },

    watch() {
      let timer: ReturnType<typeof setTimeout> | null = null;
      const stop = client.on('events.received', () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          const { filters, events, day, loading } = get();
          if (filters && !loading && events.length <= PAGE) void get().search(filters);
          if (day && filters) void get().loadDay(filters.siteId, day.date);
        }, SETTLE_MS);
      });
      return () => {
        if (timer) clearTimeout(timer);
        stop();
      };
    },
  }));
}

export const historyStore = createHistoryStore(api);

export function useHistory<T>(selector: (state: HistoryStore) => T): T {
  return useStore(historyStore, selector);
}
