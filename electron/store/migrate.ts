import type { Database } from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors.ts';

/** One step of the schema. Versions start at 1 and go up by one; a step never changes once shipped. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Throws when the list is not 1, 2, 3, … in order: a programming error caught by the unit tests. */
export function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration #${i} "${m.name}" has version ${m.version}, expected ${i + 1}`);
    }
  });
}

/**
 * Brings the database up to the newest version, one transaction per step, recording each step in
 * schema_migrations. `PRAGMA user_version` is the source of truth for the version. A database that
 * a newer Doorman wrote is refused before anything is written to it.
 */
export function migrate(db: Database, migrations: readonly Migration[], path: string): MigrationResult {
  assertWellFormed(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new ApiError(
      'store_too_new',
      `The database ${path} was written by a newer Doorman (schema ${from}; this version knows up to ${latest}).`,
      { path, found: from, supported: latest },
    );
  }
  const applied: string[] = [];
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT`);
      step.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        new Date().toISOString(),
      );
      // user_version cannot be bound as a parameter; the value is our own integer.
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.name);
  }
  return { from, to: Math.max(from, latest), applied };
}
