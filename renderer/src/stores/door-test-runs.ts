import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DoorTestResult, DoorTestStep } from '../../../shared/contract/door-tests.ts';
import { ApiError, type ApiErrorBody } from '../../../shared/contract/errors.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api, type ApiClient } from '../api/client.ts';
import type { DoorTestPlan } from './door-test-plan.ts';
import { errorBody } from './api-error.ts';

/** A door whose test could not even produce a result (the call itself was refused or lost). */
interface RunFailure {
  readonly doorId: string;
  readonly doorName: string;
  readonly error: ApiErrorBody;
}

interface DoorTestBatch {
  readonly total: number;
  /** Doors finished so far (with a result or a failure). */
  readonly done: number;
  /** Doors whose test passed; the rest of `done` did not (failed, timed out, or could not run). */
  readonly passed: number;
  readonly current: { readonly runId: string; readonly doorId: string; readonly doorName: string } | null;
  readonly state: 'running' | 'finished' | 'cancelled';
  readonly failures: readonly RunFailure[];
}

interface DoorTestRunsStore {
  readonly siteId: SiteId | null;
  /** The site's stored results, newest first (null until loaded). */
  readonly results: readonly DoorTestResult[] | null;
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
  readonly batch: DoorTestBatch | null;
  /** The steps of the run in progress (or of the last one), as `doorTests.progress` reports them. */
  readonly liveRunId: string | null;
  readonly liveSteps: readonly DoorTestStep[];
  readonly cancelling: boolean;

  loadResults(siteId: SiteId): Promise<void>;
  /** Runs the plan's doors one after another; resolves when all are done or the batch was cancelled. */
  run(plan: DoorTestPlan): Promise<void>;
  /** Cancels the door being tested and skips the rest. */
  cancel(): Promise<void>;
  /** Follow `doorTests.finished`: a test run from another window or the CLI shows up here too. */
  watch(): () => void;
}

interface DoorTestRunsOptions {
  readonly newRunId?: () => string;
  /**
   * How long past the test's own timeout to wait for the core's answer before giving up on it (and
   * cancelling the run): the core always answers, but a page must never wait forever on a bug.
   */
  readonly graceMs?: number;
}

const DEFAULT_GRACE_MS = 30_000;

function newRunId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Newest first, one row per result id (a result may arrive both from a run and from a list). */
function merge(results: readonly DoorTestResult[], added: readonly DoorTestResult[]): DoorTestResult[] {
  const byId = new Map<number, DoorTestResult>();
  for (const result of [...results, ...added]) byId.set(result.id, result);
  return [...byId.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
}

/** Door tests of the current site: running a batch with live progress and cancel, and the stored results. */
export function createDoorTestRunsStore(client: ApiClient, options: DoorTestRunsOptions = {}): StoreApi<DoorTestRunsStore> {
  const makeRunId = options.newRunId ?? newRunId;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  let cancelRequested = false;
  let loadGeneration = 0;

  return createStore<DoorTestRunsStore>()((set, get) => {
    /** The core's answer, or a `timeout` error when it does not come within the test's time plus grace. */
    async function runOne(plan: DoorTestPlan, runId: string, doorId: string): Promise<DoorTestResult> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limitMs = plan.timeoutSeconds * 1000 + (plan.test === 'open' ? plan.openSeconds * 1000 : 0) + graceMs;
      const gaveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          void client.call('doorTests.cancel', { runId }).catch(() => undefined);
          reject(new ApiError('timeout', 'The core did not answer the door test in time.'));
        }, limitMs);
      });
      try {
        return await Promise.race([
          client.call('doorTests.run', {
            runId,
            backendId: plan.backendId,
            doorId,
            test: plan.test,
            ...(plan.personPin === undefined ? {} : { personPin: plan.personPin }),
            timeoutSeconds: plan.timeoutSeconds,
            openSeconds: plan.openSeconds,
            installer: plan.installer,
          }),
          gaveUp,
        ]);
      } finally {
        clearTimeout(timer);
      }
    }

    return {
      siteId: null,
      results: null,
      loading: false,
      error: null,
      batch: null,
      liveRunId: null,
      liveSteps: [],
      cancelling: false,

      async loadResults(siteId) {
        const mine = ++loadGeneration;
        if (get().siteId !== siteId) set({ siteId, results: null });
        set({ loading: true, error: null });
        try {
          const { results } = await client.call('doorTests.list', { siteId });
          if (mine !== loadGeneration) return;
          // Keep results a running batch added meanwhile.
          set((s) => ({ results: merge(s.results ?? [], results.filter((r) => r.siteId === siteId)) }));
        } catch (error) {
          if (mine === loadGeneration) set({ error: errorBody(error) });
        } finally {
          if (mine === loadGeneration) set({ loading: false });
        }
      },

      async run(plan) {
        if (get().batch?.state === 'running') return;
        cancelRequested = false;
        set({ batch: { total: plan.doors.length, done: 0, passed: 0, current: null, state: 'running', failures: [] }, liveRunId: null, liveSteps: [], cancelling: false });
        const update = (patch: Partial<DoorTestBatch>) => set((s) => (s.batch ? { batch: { ...s.batch, ...patch } } : {}));
        // Listen only while the batch runs: the page may be left and come back meanwhile.
        const stopListening = client.on('doorTests.progress', ({ runId, step }) => {
          if (runId === get().liveRunId) set((s) => ({ liveSteps: [...s.liveSteps, step] }));
        });

        for (const door of plan.doors) {
          if (cancelRequested) break;
          const runId = makeRunId();
          update({ current: { runId, doorId: door.id, doorName: door.name } });
          set({ liveRunId: runId, liveSteps: [] });
          try {
            const result = await runOne(plan, runId, door.id);
            set((s) => ({ results: s.siteId === null || s.siteId === result.siteId ? merge(s.results ?? [], [result]) : s.results }));
            if (result.verdict === 'pass') update({ passed: (get().batch?.passed ?? 0) + 1 });
          } catch (error) {
            const failure: RunFailure = { doorId: door.id, doorName: door.name, error: errorBody(error) };
            set((s) => (s.batch ? { batch: { ...s.batch, failures: [...s.batch.failures, failure] } } : {}));
          }
          set((s) => (s.batch ? { batch: { ...s.batch, done: s.batch.done + 1 } } : {}));
        }
        stopListening();
        update({ current: null, state: cancelRequested ? 'cancelled' : 'finished' });
        set({ cancelling: false });
      },

      watch() {
        return client.on('doorTests.finished', (result) => {
          set((s) => (s.siteId === result.siteId ? { results: merge(s.results ?? [], [result]) } : {}));
        });
      },

      async cancel() {
        const current = get().batch?.current;
        if (get().batch?.state !== 'running') return;
        cancelRequested = true;
        set({ cancelling: true });
        if (!current) return;
        try {
          await client.call('doorTests.cancel', { runId: current.runId });
        } catch {
          // The run's own call still settles (with its result or an error); nothing more to do here.
        }
      },
    };
  });
}

export const doorTestRunsStore = createDoorTestRunsStore(api);

export function useDoorTestRuns<T>(selector: (state: DoorTestRunsStore) => T): T {
  return useStore(doorTestRunsStore, selector);
}
