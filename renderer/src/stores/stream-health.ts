import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StreamState } from '../../../shared/contract/events.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';

export interface StreamHealth extends StreamState {
  readonly backendName: string;
}

interface StreamHealthStore {
  readonly siteId: SiteId | null;
  /** One per backend of the site, in the backends' order. */
  readonly streams: readonly StreamHealth[];
  load(siteId: SiteId | null): Promise<void>;
  /** Follow `events.streamState` (never polled). */
  watch(): () => void;
}

/** Each backend's event stream for the header: `events.streams`, then `events.streamState`. */
export function createStreamHealthStore(client: ApiClient): StoreApi<StreamHealthStore> {
  let serial = 0;
  return createStore<StreamHealthStore>()((set, get) => ({
    siteId: null,
    streams: [],
    async load(siteId) {
      const mine = ++serial;
      set({ siteId, streams: [] });
      if (siteId === null) return;
      try {
        const [{ backends }, { streams }] = await Promise.all([client.call('backends.list', { siteId }), client.call('events.streams', { siteId })]);
        if (mine !== serial) return;
        const names = new Map(backends.map((b) => [b.id, b.name]));
        // A state announced while reading is newer than the listed one.
        const announced = new Map(get().streams.map((s) => [s.backendId, s]));
        set({ streams: streams.map((s) => ({ ...(announced.get(s.backendId) ?? s), backendName: names.get(s.backendId) ?? `#${s.backendId}` })) });
      } catch {
        // The header stays empty; the Backends page says what is wrong.
      }
    },
    watch() {
      return client.on('events.streamState', (state) => {
        if (state.siteId !== get().siteId) return;
        set((s) => {
          const known = s.streams.find((x) => x.backendId === state.backendId);
          const next = { ...state, backendName: known?.backendName ?? `#${state.backendId}` };
          return { streams: known ? s.streams.map((x) => (x.backendId === state.backendId ? next : x)) : [...s.streams, next] };
        });
      });
    },
  }));
}

export const streamHealthStore = createStreamHealthStore(api);

export function useStreamHealth<T>(selector: (state: StreamHealthStore) => T): T {
  return useStore(streamHealthStore, selector);
}
