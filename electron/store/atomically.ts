import type { Database } from 'better-sqlite3';

/** Runs `fn` in one transaction of the store (nested: a savepoint), for services that write through several tables at once. */
export function atomically(db: Database): <T>(fn: () => T) => T {
  return <T>(fn: () => T): T => db.transaction(fn)();
}
