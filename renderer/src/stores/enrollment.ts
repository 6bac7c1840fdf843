import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index.ts';
import type { OutboxEntry } from '../../../shared/contract/people.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';
import { SUCCESS_SHOW_MS } from './status.ts';

type EnrollInput = MethodInput<'people.enroll'>;
type EnrollResult = MethodOutput<'people.enroll'>;

interface EnrollmentStore {
  /** The site whose sync queue is listed. */
  readonly siteId: SiteId | null;
  /** Newest first. */
  readonly entries: readonly OutboxEntry[];
  readonly saving: boolean;
  readonly lastResult: EnrollResult | null;
  readonly error: ApiErrorBody | null;

  load(siteId: SiteId | null): Promise<void>;
  enroll(input: EnrollInput): Promise<EnrollResult | null>;
  retry(id: number): Promise<void>;
  cancel(id: number): Promise<void>;
  clearResult(): void;
  /** Follow `outbox.changed` for the listed site. Returns the unsubscribe. */
  watch(): () => void;
}

function put(entries: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  const rest = entries.filter((e) => e.id !== entry.id);
  return [entry, ...rest].sort((a, b) => b.id - a.id);
}

/** Enrollment and the site's sync queue (the outbox entries the sync engine drains). */
export function createEnrollmentStore(client: ApiClient): StoreApi<EnrollmentStore> {
  let loadSerial = 0;
  return createStore<EnrollmentStore>()((set, get) => ({
    siteId: null,
    entries: [],
    saving: false,
    lastResult: null,
    error: null,

    async load(siteId) {
      const serial = ++loadSerial;
      if (siteId !== get().siteId) set({ siteId, entries: [] });
      if (siteId === null) return;
      try {
        const { entries } = await client.call('outbox.list', { siteId });
        if (serial === loadSerial) set({ entries: [...entries].sort((a, b) => b.id - a.id) });
      } catch (error) {
        if (serial === loadSerial) set({ error: errorBody(error) });
      }
    },

    async enroll(input) {
      set({ saving: true, error: null, lastResult: null });
      try {
        const result = await client.call('people.enroll', input);
        set((s) => ({
          saving: false,
          lastResult: result,
          entries: s.siteId === input.siteId ? result.outbox.reduce<readonly OutboxEntry[]>(put, s.entries) : s.entries,
        }));
        // The "saved" line goes by itself, as the shell's success lines do (stores/status.ts).
        setTimeout(() => set((s) => (s.lastResult === result ? { lastResult: null } : {})), SUCCESS_SHOW_MS);
        return result;
      } catch (error) {
        set({ saving: false, error: errorBody(error) });
        return null;
      }
    },

    async retry(id) {
      try {
        const entry = await client.call('outbox.retry', { id });
        set((s) => ({ entries: put(s.entries, entry) }));
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    async cancel(id) {
      try {
        const entry = await client.call('outbox.cancel', { id });
        set((s) => ({ entries: put(s.entries, entry) }));
      } catch (error) {
        set({ error: errorBody(error) });
      }
    },

    clearResult() {
      set({ lastResult: null, error: null });
    },

    watch() {
      return client.on('outbox.changed', (entry) => {
        if (entry.siteId === get().siteId) set((s) => ({ entries: put(s.entries, entry) }));
      });
    },
  }));
}

export const enrollmentStore = createEnrollmentStore(api);

export function useEnrollment<T>(selector: (state: EnrollmentStore) => T): T {
  return useStore(enrollmentStore, selector);
}
