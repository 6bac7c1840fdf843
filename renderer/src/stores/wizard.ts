import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorBody } from '../../../shared/contract/errors.ts';
import { errorBody } from './api-error.ts';

export type StepStatus = 'todo' | 'running' | 'done' | 'skipped' | 'failed' | 'undoing' | 'undone';

/** A step's result for the user: a catalog key and its values, so it follows a language switch. */
interface StepSummary {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** What a step that worked hands back: its summary, what later steps need, and how to take it back. */
export interface StepOutcome<C> {
  readonly summary: StepSummary;
  readonly context?: Partial<C>;
  /** Absent when the vendor's API has no way back. */
  readonly undo?: () => Promise<unknown>;
}

interface StepState {
  readonly status: StepStatus;
  readonly summary: StepSummary | null;
  readonly error: ApiErrorBody | null;
  readonly canUndo: boolean;
}

export interface WizardStore<C> {
  readonly order: readonly string[];
  readonly current: number;
  readonly steps: Readonly<Record<string, StepState>>;
  /** Values carried from one step to the next (the imported panel's uuid, the level's id…). */
  readonly context: C;
  /** Run the current step's action; on success the step is done and the next one is offered. */
  run(step: string, action: () => Promise<StepOutcome<C>>): Promise<boolean>;
  /** Take back the latest finished step (steps undo in reverse order, as their effects nest). */
  undo(step: string): Promise<boolean>;
  skip(step: string): void;
  next(): void;
  back(): void;
  goTo(index: number): void;
}

const TODO: StepState = { status: 'todo', summary: null, error: null, canUndo: false };

export function stepOf(state: { readonly steps: Readonly<Record<string, StepState>> }, step: string): StepState {
  return state.steps[step] ?? TODO;
}

/** Whether a step counts as behind the user (the next one may start). */
export function isSettled(status: StepStatus): boolean {
  return status === 'done' || status === 'skipped';
}

/**
 * Progress through a vendor's set-up steps. The steps' actions are the vendor's calls (see
 * hongtu-steps.ts, zkbio-steps.ts); this keeps what happened, one step at a time, and the undo of
 * each finished step while it is the latest one.
 */
export function createWizardStore<C>(order: readonly string[], initial: C): StoreApi<WizardStore<C>> {
  const undos = new Map<string, () => Promise<unknown>>();

  return createStore<WizardStore<C>>()((set, get) => {
    function patch(step: string, change: Partial<StepState>): void {
      set((s) => ({ steps: { ...s.steps, [step]: { ...stepOf(s, step), ...change } } }));
    }

    /** The latest step that left an effect behind (done), if it is this one. */
    function isLatest(step: string): boolean {
      const index = order.indexOf(step);
      return order.slice(index + 1).every((later) => stepOf(get(), later).status !== 'done');
    }

    return {
      order,
      current: 0,
      steps: {},
      context: initial,

      async run(step, action) {
        const status = stepOf(get(), step).status;
        if (status === 'running' || status === 'undoing') return false;
        patch(step, { status: 'running', error: null });
        try {
          const outcome = await action();
          if (outcome.undo) undos.set(step, outcome.undo);
          else undos.delete(step);
          set((s) => ({ context: { ...s.context, ...outcome.context } }));
          patch(step, { status: 'done', summary: outcome.summary, canUndo: outcome.undo !== undefined });
          return true;
        } catch (error) {
          patch(step, { status: 'failed', error: errorBody(error) });
          return false;
        }
      },

      async undo(step) {
        const action = undos.get(step);
        if (!action || stepOf(get(), step).status !== 'done' || !isLatest(step)) return false;
        patch(step, { status: 'undoing', error: null });
        try {
          await action();
          undos.delete(step);
          patch(step, { status: 'undone', canUndo: false });
          set({ current: order.indexOf(step) });
          return true;
        } catch (error) {
          patch(step, { status: 'done', error: errorBody(error) });
          return false;
        }
      },

      skip(step) {
        patch(step, { status: 'skipped', summary: null, error: null, canUndo: false });
        get().next();
      },

      next() {
        const { current } = get();
        const step = order[current];
        if (step !== undefined && isSettled(stepOf(get(), step).status) && current < order.length - 1) set({ current: current + 1 });
      },

      back() {
        set((s) => ({ current: Math.max(0, s.current - 1) }));
      },

      goTo(index) {
        // Forward only over settled steps: a step needs what the earlier ones made.
        const reachable = order.slice(0, index).every((step) => isSettled(stepOf(get(), step).status));
        if (index >= 0 && index < order.length && reachable) set({ current: index });
      },
    };
  });
}
