import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SignOff } from '../../../shared/contract/reports.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { errorBody } from './api-error.ts';

interface ReportStore {
  /** Which site and language the html below is for. */
  readonly siteId: SiteId | null;
  readonly lang: Lang | null;
  readonly html: string | null;
  readonly title: string;
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
  /** Fetches the site's report in the language, with the signers' names; the latest request wins. */
  load(siteId: SiteId, lang: Lang, signOff?: SignOff): Promise<void>;
}

/** The current site's commissioning report, as the core renders it (`reports.siteHtml`). */
export function createReportStore(client: ApiClient): StoreApi<ReportStore> {
  let generation = 0;
  return createStore<ReportStore>()((set, get) => ({
    siteId: null,
    lang: null,
    html: null,
    title: '',
    loading: false,
    error: null,

    async load(siteId, lang, signOff) {
      const mine = ++generation;
      // Another site's report must not stay on screen while this one is prepared.
      if (get().siteId !== siteId) set({ html: null, title: '' });
      set({ siteId, lang, loading: true, error: null });
      try {
        const { html, title } = await client.call('reports.siteHtml', signOff ? { siteId, lang, signOff } : { siteId, lang });
        if (mine === generation) set({ html, title });
      } catch (error) {
        if (mine === generation) set({ error: errorBody(error) });
      } finally {
        if (mine === generation) set({ loading: false });
      }
    },
  }));
}

export const reportStore = createReportStore(api);

export function useReport<T>(selector: (state: ReportStore) => T): T {
  return useStore(reportStore, selector);
}
