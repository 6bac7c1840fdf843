/** What wakes the sync engine (`SyncEngine.notify`), without the outbox's callers depending on it. */
export interface SyncWake {
  notify(): void;
}

/** A write that queued outbox entries: the sync engine is woken so they go now, and its result passed on. */
export function queued<T>(sync: SyncWake, result: T): T {
  sync.notify();
  return result;
}
