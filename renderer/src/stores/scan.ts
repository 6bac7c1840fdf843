import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { EventPayload } from '../../../shared/contract/index.ts';
import type { KnownHost, LocalSubnet, ScanDiff, ScanFinding, ScanRecord, ScanSummary } from '../../../shared/contract/scan.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import { defaultSubnets, EMPTY_FORM, fieldErrorsOf, withFinding, type ScanFieldErrors, type ScanFormValues, type ScanRequest } from './scan-form.ts';
import { errorBody } from './api-error.ts';

interface ScanProgress {
  readonly done: number;
  readonly total: number;
  readonly found: number;
}

/** The scan this page started: live until it is finished. */
export interface ScanRun {
  readonly scanId: number;
  readonly state: 'running' | 'done' | 'cancelled' | 'failed';
  readonly progress: ScanProgress;
  readonly summary: ScanSummary | null;
}

/** The findings on show: the running scan's as they come, or an earlier scan's opened from the history. */
interface ShownResults {
  readonly scanId: number;
  readonly findings: readonly ScanFinding[];
  readonly loading: boolean;
}

interface ScanComparison {
  readonly fromScanId: number;
  readonly toScanId: number;
  readonly diff: ScanDiff;
}

/** A start the core refused as large: waiting for the user to confirm it. */
interface LargeScan {
  readonly count: number;
  readonly request: ScanRequest;
}

type ScanAction = 'load' | 'start' | 'cancel' | 'open' | 'compare';

interface ScanError {
  readonly action: ScanAction;
  readonly body: ApiErrorBody;
}

type Scanning = EventPayload<'scan.progress'> | EventPayload<'scan.finding'> | EventPayload<'scan.finished'>;
type ScanEvent = { readonly name: 'progress' | 'finding' | 'finished'; readonly payload: Scanning };

interface ScanStore {
  readonly siteId: SiteId | null;
  /** This computer's subnets (null until known). */
  readonly subnets: readonly LocalSubnet[] | null;
  /** The ticked subnets' CIDRs (null: not chosen yet, the non-internal ones are ticked once known). */
  readonly ticked: readonly string[] | null;
  readonly form: ScanFormValues;
  readonly starting: boolean;
  readonly run: ScanRun | null;
  readonly results: ShownResults | null;
  readonly scans: readonly ScanRecord[];
  /** The site's hosts with first and last seen, by address. */
  readonly hosts: Readonly<Record<string, KnownHost>>;
  readonly large: LargeScan | null;
  readonly fieldErrors: ScanFieldErrors;
  readonly error: ScanError | null;
  readonly comparison: ScanComparison | null;

  /** Shows a site's scans and hosts (another site clears what the page showed). */
  load(siteId: SiteId | null): Promise<void>;
  setForm(patch: Partial<ScanFormValues>): void;
  tick(cidr: string, on: boolean): void;
  /** Starts the scan; a large one waits in `large` for confirmLarge. True when it started. */
  start(request: ScanRequest): Promise<boolean>;
  confirmLarge(): Promise<boolean>;
  dismissLarge(): void;
  showFieldErrors(errors: ScanFieldErrors): void;
  cancel(): Promise<void>;
  /** Shows an earlier scan's findings. */
  open(scanId: number): Promise<void>;
  compare(fromScanId: number, toScanId: number): Promise<void>;
  clearError(): void;
  /** Follow the scan.* events. Returns the unsubscribe. */
  watch(): () => void;
}

const SITE_STATE = {
  starting: false,
  run: null,
  results: null,
  scans: [],
  hosts: {},
  large: null,
  fieldErrors: {},
  error: null,
  comparison: null,
};

/**
 * The Scan page: targets, the running scan (progress and findings from the scan.* events), the
 * site's scan history and known hosts, and comparing two scans.
 */
export function createScanStore(client: ApiClient): StoreApi<ScanStore> {
  let loadSerial = 0;
  let openSerial = 0;
  // Events that arrive before scan.start answers with the scan's id are kept, then replayed.
  let early: ScanEvent[] = [];

  return createStore<ScanStore>()((set, get) => {
    async function refresh(siteId: SiteId): Promise<void> {
      const serial = loadSerial;
      const [{ scans }, { hosts }] = await Promise.all([client.call('scan.list', { siteId }), client.call('scan.hosts', { siteId })]);
      if (serial !== loadSerial || get().siteId !== siteId) return;
      set({ scans, hosts: Object.fromEntries(hosts.map((h) => [h.address, h])) });
    }

    function apply(event: ScanEvent): void {
      const run = get().run;
      if (!run || event.payload.scanId !== run.scanId) return;
      if (event.name === 'progress') {
        const p = event.payload as EventPayload<'scan.progress'>;
        set({ run: { ...run, progress: { done: p.addressesDone, total: p.addressesTotal, found: p.hostsFound } } });
      } else if (event.name === 'finding') {
        const { finding } = event.payload as EventPayload<'scan.finding'>;
        const results = get().results;
        if (results?.scanId === run.scanId) set({ results: { ...results, findings: withFinding(results.findings, finding) } });
      } else {
        const f = event.payload as EventPayload<'scan.finished'>;
        const progress = f.summary ? { done: f.summary.addressesDone, total: f.summary.addressesTotal, found: f.summary.hostsFound } : run.progress;
        set({ run: { ...run, state: f.state, summary: f.summary, progress } });
        const siteId = get().siteId;
        if (siteId !== null) void refresh(siteId).catch((error: unknown) => set({ error: { action: 'load', body: errorBody(error) } }));
      }
    }

    /**
     * The page listens only while it is shown: a scan that ran on while the user was on another
     * page gets its findings and, if it ended meanwhile, its end from the core.
     */
    async function catchUp(): Promise<void> {
      const run = get().run;
      if (!run || run.state !== 'running') return;
      const { scan, findings } = await client.call('scan.results', { scanId: run.scanId });
      const now = get().run;
      if (now?.scanId !== scan.id) return;
      const results = get().results;
      if (results?.scanId === scan.id) set({ results: { ...results, findings: findings.reduce(withFinding, results.findings) } });
      if (scan.state !== 'running' && now.state === 'running') {
        const summary = scan.summary;
        const progress = summary ? { done: summary.addressesDone, total: summary.addressesTotal, found: summary.hostsFound } : now.progress;
        set({ run: { ...now, state: scan.state, summary, progress } });
      }
    }

    function receive(event: ScanEvent): void {
      if (get().starting) early.push(event);
      else apply(event);
    }

    async function begin(request: ScanRequest, allowLarge: boolean): Promise<boolean> {
      const siteId = get().siteId;
      if (siteId === null || get().starting) return false;
      early = [];
      set({ starting: true, fieldErrors: {}, error: null, large: null });
      try {
        const { scanId, addressesTotal } = await client.call('scan.start', { siteId, ...request, allowLarge });
        if (get().siteId !== siteId) return false;
        set({
          starting: false,
          run: { scanId, state: 'running', progress: { done: 0, total: addressesTotal, found: 0 }, summary: null },
          results: { scanId, findings: [], loading: false },
        });
        const replay = early;
        early = [];
        for (const event of replay) apply(event);
        void refresh(siteId).catch(() => undefined);
        return true;
      } catch (error) {
        const body = errorBody(error);
        set({ starting: false });
        early = [];
        if (body.code === 'scan_too_large' && body.details?.['hard'] === false && !allowLarge) {
          set({ large: { count: Number(body.details['count']), request } });
        } else {
          const fieldErrors = fieldErrorsOf(body, request);
          set(fieldErrors ? { fieldErrors } : { error: { action: 'start', body } });
        }
        return false;
      }
    }

    return {
      siteId: null,
      subnets: null,
      ticked: null,
      form: EMPTY_FORM,
      ...SITE_STATE,

      async load(siteId) {
        const serial = ++loadSerial;
        if (siteId !== get().siteId) set({ siteId, ...SITE_STATE });
        if (get().subnets === null) {
          try {
            const { subnets, suggestion } = await client.call('scan.interfaces', {});
            set((s) => ({
              subnets,
              ticked: s.ticked ?? (suggestion?.tickLan === false ? [] : defaultSubnets(subnets)),
              form: suggestion && s.form.targets === '' ? { ...s.form, targets: suggestion.targets } : s.form,
            }));
          } catch (error) {
            if (serial === loadSerial) set({ subnets: [], ticked: [], error: { action: 'load', body: errorBody(error) } });
          }
        }
        if (siteId === null || serial !== loadSerial) return;
        try {
          await refresh(siteId);
          await catchUp();
        } catch (error) {
          if (serial === loadSerial) set({ error: { action: 'load', body: errorBody(error) } });
        }
      },

      setForm(patch) {
        const cleared = { ...get().fieldErrors };
        for (const key of Object.keys(patch)) if (key !== 'onvif') delete cleared[key as keyof ScanFieldErrors];
        set((s) => ({ form: { ...s.form, ...patch }, fieldErrors: cleared }));
      },

      tick(cidr, on) {
        set((s) => {
          const ticked = (s.ticked ?? []).filter((c) => c !== cidr);
          const fieldErrors = { ...s.fieldErrors };
          delete fieldErrors.targets;
          return { ticked: on ? [...ticked, cidr] : ticked, fieldErrors };
        });
      },

      start(request) {
        return begin(request, false);
      },

      async confirmLarge() {
        const large = get().large;
        if (!large) return false;
        return begin(large.request, true);
      },

      dismissLarge() {
        set({ large: null });
      },

      showFieldErrors(fieldErrors) {
        set({ fieldErrors, error: null });
      },

      async cancel() {
        const run = get().run;
        if (!run || run.state !== 'running') return;
        try {
          await client.call('scan.cancel', { scanId: run.scanId });
        } catch (error) {
          set({ error: { action: 'cancel', body: errorBody(error) } });
        }
      },

      async open(scanId) {
        const serial = ++openSerial;
        const run = get().run;
        // The running scan's findings are already here, complete so far.
        if (run?.scanId === scanId && get().results?.scanId === scanId) return;
        set({ results: { scanId, findings: [], loading: true }, error: null });
        try {
          const { findings } = await client.call('scan.results', { scanId });
          if (serial === openSerial) set({ results: { scanId, findings, loading: false } });
        } catch (error) {
          if (serial === openSerial) set({ results: null, error: { action: 'open', body: errorBody(error) } });
        }
      },

      async compare(fromScanId, toScanId) {
        set({ comparison: null, error: null });
        try {
          const diff = await client.call('scan.diff', { fromScanId, toScanId });
          set({ comparison: { fromScanId, toScanId, diff } });
        } catch (error) {
          set({ error: { action: 'compare', body: errorBody(error) } });
        }
      },

      clearError() {
        set({ error: null });
      },

      watch() {
        const stops = [
          client.on('scan.progress', (payload) => receive({ name: 'progress', payload })),
          client.on('scan.finding', (payload) => receive({ name: 'finding', payload })),
          client.on('scan.finished', (payload) => receive({ name: 'finished', payload })),
        ];
        return () => {
          for (const stop of stops) stop();
        };
      },
    };
  });
}

export const scanStore = createScanStore(api);

export function useScan<T>(selector: (state: ScanStore) => T): T {
  return useStore(scanStore, selector);
}
