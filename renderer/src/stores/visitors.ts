import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackendId, BackendPerson, Capabilities } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { MethodInput } from '../../../shared/contract/index.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import type { Visitor } from '../../../shared/contract/visitors.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

interface VisitorsStore {
  readonly siteId: SiteId | null;
  readonly date: string | null;
  readonly visitors: readonly Visitor[];
  readonly loading: boolean;
  readonly saving: boolean;
  /** The last register / check-out / retry that failed, and the list's own failure. */
  readonly error: ApiErrorBody | null;
  readonly lastRegistered: Visitor | null;
  /** Each backend's capabilities, as read (for "this backend has no visitors"). */
  readonly capabilities: Readonly<Record<BackendId, Capabilities>>;
  /** Each backend's people, as read from it: the hosts a visitor can be registered for. */
  readonly hosts: Readonly<Record<BackendId, readonly BackendPerson[]>>;
  load(siteId: SiteId | null, date?: string): Promise<void>;
  loadCapabilities(backendId: BackendId): Promise<void>;
  /** Reads the backend's people once (a failure leaves the host typed by hand). */
  loadHosts(backendId: BackendId): Promise<void>;
  register(input: MethodInput<'visitors.register'>): Promise<Visitor | null>;
  checkOut(id: number): Promise<void>;
  retry(id: number): Promise<void>;
  /** Follows `visitors.changed`, and new events (arrived / left) for the list shown; returns the stop. */
  watch(): () => void;
}

/** The list with the visitor replaced, or added when their visit touches the day shown (a visitor booked for another day is not added). */
function put(visitors: readonly Visitor[], visitor: Visitor, date: string | null): Visitor[] {
  if (visitors.some((v) => v.id === visitor.id)) return visitors.map((v) => (v.id === visitor.id ? visitor : v));
  return date === null || (visitor.validFrom.slice(0, 10) <= date && visitor.validTo.slice(0, 10) >= date) ? [visitor, ...visitors] : [...visitors];
}

/** The site's visitors of a day (`visitors.*`), kept current by the core's events. */
export function createVisitorsStore(client: ApiClient): StoreApi<VisitorsStore> {
  let serial = 0;
  return createStore<VisitorsStore>()((set, get) => ({
    siteId: null,
    date: null,
    visitors: [],
    loading: false,
    saving: false,
    error: null,
    lastRegistered: null,
    capabilities: {},
    hosts: {},

    async load(siteId, date) {
      const mine = ++serial;
      if (siteId !== get().siteId) set({ visitors: [], lastRegistered: null, error: null });
      set({ siteId, loading: siteId !== null });
      if (siteId === null) return;
      try {
        const result = await client.call('visitors.list', date ? { siteId, date } : { siteId });
        if (mine === serial) set({ visitors: result.visitors, date: result.date });
      } catch (error) {
        if (mine === serial) set({ error: errorBody(error) });
      } finally {
        if (mine === serial) set({ loading: false });
      }
    },

    async loadCapabilities(backendId) {
      if (get().capabilities[backendId]) return;
      try {
        const caps = await client.call('backends.capabilities', { id: backendId });
        set((s) => ({ capabilities: { ...s.capabilities, [backendId]: caps } }));
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async loadHosts(backendId) {
      if (get().hosts[backendId]) return;
      try {
        const { people } = await client.call('backends.people', { id: backendId });
        set((s) => ({ hosts: { ...s.hosts, [backendId]: people } }));
      } catch {
        // The backend's people could not be read: the host's number is typed instead.
      }
    },

    async register(input) {
      set({ saving: true, error: null, lastRegistered: null });
      try {
        const visitor = await client.call('visitors.register', input);
        set((s) => ({ lastRegistered: visitor, visitors: visitor.siteId === s.siteId ? put(s.visitors, visitor, s.date) : s.visitors }));
        return visitor;
      } catch (error) {
        set({ error: errorBody(error) });
        return null;
      } finally {
        set({ saving: false });
      }
    },

    async checkOut(id) {
      set({ error: null });
      try {
        const visitor = await client.call('visitors.checkOut', { id });
        set((s) => ({ visitors: put(s.visitors, visitor, s.date) }));
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async retry(id) {
      set({ error: null });
      try {
        const visitor = await client.call('visitors.retry', { id });
        set((s) => ({ visitors: put(s.visitors, visitor, s.date) }));
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    watch() {
      const stopChanged = client.on('visitors.changed', ({ siteId, visitor }) => {
        if (siteId === get().siteId) set((s) => ({ visitors: put(s.visitors, visitor, s.date) }));
      });
      // A pass of a visitor shown: read the list again for arrived / left.
      const stopEvents = client.on('events.received', ({ backendId, events }) => {
        const { visitors, siteId, date } = get();
        const pins = new Set(visitors.filter((v) => v.backendId === backendId && v.vendorPin !== null).map((v) => v.vendorPin));
        if (events.some((e) => e.personPin !== null && pins.has(e.personPin))) void get().load(siteId, date ?? undefined);
      });
      return () => {
        stopChanged();
        stopEvents();
      };
    },
  }));
}

export const visitorsStore = createVisitorsStore(api);

export function useVisitors<T>(selector: (state: VisitorsStore) => T): T {
  return useStore(visitorsStore, selector);
}
