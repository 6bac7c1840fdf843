import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Backend, BackendId, ConnectionTest, NewBackend, Vendor } from '../../../shared/contract/backends.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { MethodInput } from '../../../shared/contract/index.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

type BackendsAction = 'load' | 'add' | 'update' | 'remove';
export type BackendUpdate = MethodInput<'backends.update'>;

/** The last failed list action: which one (and on which backend), with the API error's body. */
interface BackendsError {
  readonly action: BackendsAction;
  readonly backendId: BackendId | null;
  readonly body: ApiErrorBody;
}

/** One backend's connection test: running, its latest result, or why it could not run at all. */
interface TestState {
  readonly running: boolean;
  readonly result: ConnectionTest | null;
  readonly error: ApiErrorBody | null;
}

/** A backend to add that another page found (a scan): the add form opens filled with it. */
export interface BackendDraft {
  readonly siteId: SiteId;
  readonly vendor: Vendor;
  readonly baseUrl: string;
  readonly name: string;
}

interface BackendsStore {
  /** The site the list belongs to (null: none chosen, nothing listed). */
  readonly siteId: SiteId | null;
  readonly backends: readonly Backend[];
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error: BackendsError | null;
  /** The backend whose view is open. */
  readonly selectedId: BackendId | null;
  readonly tests: Readonly<Record<BackendId, TestState>>;
  /** A backend found elsewhere, waiting in the Backends page's add form (see offerDraft). */
  readonly draft: BackendDraft | null;

  /** List the site's backends (a different site clears the selection and the tests). */
  load(siteId: SiteId | null): Promise<void>;
  add(input: NewBackend): Promise<Backend | null>;
  update(input: BackendUpdate): Promise<Backend | null>;
  remove(id: BackendId): Promise<boolean>;
  select(id: BackendId | null): void;
  /** Test the connection; always ends with a result or an error, never a spinner left running. */
  test(id: BackendId): Promise<ConnectionTest | null>;
  /** Trust exactly the certificate the test saw (tls: pinned to its SHA-256 fingerprint). */
  pinCertificate(id: BackendId, fingerprint256: string): Promise<Backend | null>;
  clearError(): void;
  /** Hand the Backends page a backend to add: its add form shows it until saved or closed. */
  offerDraft(draft: BackendDraft): void;
  clearDraft(): void;
  /**
   * Follow the core's changes: `backends.changed` replaces the list; `inventory.changed` tests a
   * backend whose verdict is shown again, quietly, so its counts (doors, devices…) stay true.
   */
  watch(): () => void;
}

const IDLE: TestState = { running: false, result: null, error: null };

export function testStateOf(tests: Readonly<Record<BackendId, TestState>>, id: BackendId): TestState {
  return tests[id] ?? IDLE;
}

/** The current site's backends and their connection tests, with the actions that change them. */
export function createBackendsStore(client: ApiClient): StoreApi<BackendsStore> {
  // A list reply for a site the user has since left must not overwrite the newer site's list.
  let loadSerial = 0;
  // Backends being tested again after an inventory change, and whether another change came meanwhile.
  const retesting = new Map<BackendId, boolean>();

  return createStore<BackendsStore>()((set, get) => {
    function fail(action: BackendsAction, backendId: BackendId | null, error: unknown): void {
      const body = errorBody(error);
      set({ error: { action, backendId, body } });
      if (body.code === 'backend_not_found') void get().load(get().siteId);
    }

    function put(backend: Backend): void {
      set((s) => ({ backends: upsert(s.backends, backend) }));
    }

    function setTest(id: BackendId, test: TestState): void {
      set((s) => ({ tests: { ...s.tests, [id]: test } }));
    }

    /** A new verdict without the spinner: the card keeps the old one until the new one is there. */
    async function retestQuietly(id: BackendId): Promise<void> {
      if (retesting.has(id)) {
        retesting.set(id, true);
        return;
      }
      retesting.set(id, false);
      try {
        do {
          retesting.set(id, false);
          const shown = get().tests[id];
          if (!shown?.result || shown.running) return;
          try {
            const result = await client.call('backends.test', { id });
            if (get().tests[id]?.running === false) setTest(id, { running: false, result, error: null });
          } catch {
            // The verdict shown stays; the user's own Test connection shows any error.
            return;
          }
        } while (retesting.get(id) === true);
      } finally {
        retesting.delete(id);
      }
    }

    return {
      siteId: null,
      backends: [],
      loaded: false,
      loading: false,
      error: null,
      selectedId: null,
      tests: {},
      draft: null,

      async load(siteId) {
        const serial = ++loadSerial;
        if (siteId !== get().siteId) set({ siteId, backends: [], loaded: false, selectedId: null, tests: {}, error: null });
        if (siteId === null) {
          set({ loaded: true, loading: false });
          return;
        }
        set({ loading: true });
        try {
          const { backends } = await client.call('backends.list', { siteId });
          if (serial !== loadSerial) return;
          const selectedId = get().selectedId;
          set({
            backends,
            loaded: true,
            selectedId: backends.some((b) => b.id === selectedId) ? selectedId : null,
          });
          if (get().error?.action === 'load') set({ error: null });
        } catch (error) {
          if (serial === loadSerial) fail('load', null, error);
        } finally {
          if (serial === loadSerial) set({ loading: false });
        }
      },

      async add(input) {
        set({ error: null });
        try {
          const backend = await client.call('backends.add', input);
          if (backend.siteId === get().siteId) put(backend);
          return backend;
        } catch (error) {
          fail('add', null, error);
          return null;
        }
      },

      async update(input) {
        set({ error: null });
        try {
          const backend = await client.call('backends.update', input);
          put(backend);
          return backend;
        } catch (error) {
          fail('update', input.id, error);
          return null;
        }
      },

      async remove(id) {
        set({ error: null });
        try {
          await client.call('backends.remove', { id });
          set((s) => ({
            backends: s.backends.filter((b) => b.id !== id),
            selectedId: s.selectedId === id ? null : s.selectedId,
          }));
          return true;
        } catch (error) {
          fail('remove', id, error);
          return false;
        }
      },

      select(id) {
        set({ selectedId: id });
      },

      async test(id) {
        const previous = testStateOf(get().tests, id).result;
        setTest(id, { running: true, result: previous, error: null });
        try {
          const result = await client.call('backends.test', { id });
          setTest(id, { running: false, result, error: null });
          // The core stored the verdict; show it in the list without another round trip.
          set((s) => ({
            backends: s.backends.map((b) => (b.id === id ? { ...b, lastTest: { at: result.testedAt, verdict: result.verdict } } : b)),
          }));
          return result;
        } catch (error) {
          setTest(id, { running: false, result: previous, error: errorBody(error) });
          return null;
        }
      },

      async pinCertificate(id, fingerprint256) {
        return get().update({ id, tls: { mode: 'pinned', fingerprint256 } });
      },

      clearError() {
        set({ error: null });
      },

      offerDraft(draft) {
        set({ draft });
      },

      clearDraft() {
        set({ draft: null });
      },

      watch() {
        const stops = [
          client.on('backends.changed', ({ siteId, backends }) => {
            if (siteId !== get().siteId) return;
            set((s) => ({ backends, selectedId: backends.some((b) => b.id === s.selectedId) ? s.selectedId : null }));
          }),
          client.on('inventory.changed', ({ backendId }) => void retestQuietly(backendId)),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}

function upsert(backends: readonly Backend[], backend: Backend): Backend[] {
  const index = backends.findIndex((b) => b.id === backend.id);
  if (index === -1) return [...backends, backend];
  return backends.map((b, i) => (i === index ? backend : b));
}

export const backendsStore = createBackendsStore(api);

export function useBackends<T>(selector: (state: BackendsStore) => T): T {
  return useStore(backendsStore, selector);
}
