import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { Person, PersonFields } from '../../../shared/contract/people.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';
import { SUCCESS_SHOW_MS } from './status.ts';

/** What the last successful edit or delete did, for the page's status line. */
type PeopleNotice = { readonly kind: 'saved'; readonly name: string; readonly count: number } | { readonly kind: 'deleted'; readonly name: string };

interface PeopleStore {
  readonly siteId: SiteId | null;
  readonly people: readonly Person[];
  readonly loading: boolean;
  readonly busy: boolean;
  readonly notice: PeopleNotice | null;
  readonly error: ApiErrorBody | null;

  load(siteId: SiteId | null): Promise<void>;
  /**
   * Saves edited fields, a new face if given (else the stored photo stays), and the backends the
   * person goes to with their levels (default: the current ones); a backend left out deletes the
   * person there. Then reloads.
   */
  save(
    person: Person,
    fields: PersonFields,
    targets?: readonly { backendId: number; accessLevelIds: readonly string[] }[],
    face?: { readonly jpegBase64: string; readonly failedChecks: readonly string[] },
  ): Promise<boolean>;
  /** Deletes locally and queues the deletes on each backend, then reloads. */
  remove(person: Person): Promise<boolean>;
  /** Follow `people.changed`: people enrolled or imported elsewhere show here at once. */
  watch(): () => void;
}

/** Shows a notice; like the shell's success lines (stores/status.ts) it goes by itself, never stays for minutes. */
function notify(set: StoreApi<PeopleStore>['setState'], notice: PeopleNotice): void {
  set({ busy: false, notice });
  setTimeout(() => set((s) => (s.notice === notice ? { notice: null } : {})), SUCCESS_SHOW_MS);
}

/** The current site's enrolled people, with edit and delete through the outbox. */
export function createPeopleStore(client: ApiClient): StoreApi<PeopleStore> {
  let loadSerial = 0;
  return createStore<PeopleStore>()((set, get) => ({
    siteId: null,
    people: [],
    loading: false,
    busy: false,
    notice: null,
    error: null,

    async load(siteId) {
      const serial = ++loadSerial;
      if (siteId !== get().siteId) set({ siteId, people: [], notice: null, error: null });
      if (siteId === null) return;
      set({ loading: true });
      try {
        const { people } = await client.call('people.list', { siteId });
        if (serial === loadSerial) set({ people, loading: false });
      } catch (error) {
        if (serial === loadSerial) set({ loading: false, error: errorBody(error) });
      }
    },

    async save(person, fields, targets = person.targets, face) {
      set({ busy: true, error: null, notice: null });
      try {
        const result = await client.call('people.update', {
          id: person.id,
          person: fields,
          targets: targets.map((t) => ({ backendId: t.backendId, accessLevelIds: [...t.accessLevelIds] })),
          ...(face ? { face: { jpegBase64: face.jpegBase64, failedChecks: [...face.failedChecks] } } : {}),
        });
        notify(set, { kind: 'saved', name: result.person.fields.name, count: result.outbox.length });
        await get().load(get().siteId);
        return true;
      } catch (error) {
        set({ busy: false, error: errorBody(error) });
        return false;
      }
    },

    watch() {
      return client.on('people.changed', ({ siteId }) => {
        if (siteId === get().siteId) void get().load(siteId);
      });
    },

    async remove(person) {
      set({ busy: true, error: null, notice: null });
      try {
        await client.call('people.remove', { id: person.id });
        notify(set, { kind: 'deleted', name: person.fields.name });
        await get().load(get().siteId);
        return true;
      } catch (error) {
        set({ busy: false, error: errorBody(error) });
        return false;
      }
    },
  }));
}

export const peopleStore = createPeopleStore(api);

export function usePeople<T>(selector: (state: PeopleStore) => T): T {
  return useStore(peopleStore, selector);
}
