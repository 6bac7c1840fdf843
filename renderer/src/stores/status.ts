import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** A success line goes by itself; an error stays until the next message or the user dismisses it. */
type StatusKind = 'success' | 'error';

/** How long a success line shows (issue 12 item 8: no old line lingers for minutes). */
export const SUCCESS_SHOW_MS = 10_000;

/**
 * The latest status message ("Site added."), shown in the shell's live region so screen readers
 * announce it. Kept as a catalog key and its values, not as text, so it follows a language switch.
 */
interface StatusMessage {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
  readonly kind: StatusKind;
  /** Distinguishes two equal messages in a row, so the second is announced too. */
  readonly serial: number;
}

interface StatusStore {
  readonly message: StatusMessage | null;
  /** Replaces the line shown; a success line clears itself after SUCCESS_SHOW_MS. */
  announce(key: string, values?: Record<string, string | number>, kind?: StatusKind): void;
  clear(): void;
}

/** The timer functions the store uses; injectable so tests step time without waiting. */
export interface StatusTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: StatusTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createStatusStore(timers: StatusTimers = REAL_TIMERS): StoreApi<StatusStore> {
  let serial = 0;
  let timer: unknown = null;

  function stopTimer(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  return createStore<StatusStore>()((set) => ({
    message: null,
    announce(key, values = {}, kind = 'success') {
      stopTimer();
      const message: StatusMessage = { key, values, kind, serial: ++serial };
      set({ message });
      if (kind === 'success') {
        timer = timers.setTimeout(() => {
          timer = null;
          set((s) => (s.message?.serial === message.serial ? { message: null } : {}));
        }, SUCCESS_SHOW_MS);
      }
    },
    clear() {
      stopTimer();
      set({ message: null });
    },
  }));
}

export const statusStore = createStatusStore();

export function useStatus<T>(selector: (state: StatusStore) => T): T {
  return useStore(statusStore, selector);
}

export function announce(key: string, values?: Record<string, string | number>): void {
  statusStore.getState().announce(key, values, 'success');
}

/** An error line: it stays until the next message or Dismiss. */
export function announceError(key: string, values?: Record<string, string | number>): void {
  statusStore.getState().announce(key, values, 'error');
}
