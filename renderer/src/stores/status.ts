import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * The latest status message ("Site added."), shown in the shell's live region so screen readers
 * announce it. Kept as a catalog key and its values, not as text, so it follows a language switch.
 */
export interface StatusMessage {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
  /** Distinguishes two equal messages in a row, so the second is announced too. */
  readonly serial: number;
}

export interface StatusStore {
  readonly message: StatusMessage | null;
  announce(key: string, values?: Record<string, string>): void;
  clear(): void;
}

let serial = 0;

export const statusStore = createStore<StatusStore>()((set) => ({
  message: null,
  announce(key, values = {}) {
    set({ message: { key, values, serial: ++serial } });
  },
  clear() {
    set({ message: null });
  },
}));

export function useStatus<T>(selector: (state: StatusStore) => T): T {
  return useStore(statusStore, selector);
}

export function announce(key: string, values?: Record<string, string>): void {
  statusStore.getState().announce(key, values);
}
