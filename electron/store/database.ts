import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors.ts';
import { migrate, type Migration, type MigrationResult } from './migrate.ts';
import { migrations as allMigrations } from './migrations/index.ts';

export const DB_FILE_NAME = 'doorman.db';

export interface OpenedStore {
  readonly db: Database;
  readonly path: string;
  readonly migration: MigrationResult;
}

/** SQLite result codes that mean "this file is not (or no longer) a sound database". */
const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens (creating if needed) the store at `path`: WAL journal, foreign keys on, then every pending
 * migration. A file that is not a database, or is damaged, is reported with its path; so is one a
 * newer Doorman wrote. The caller owns the returned handle and closes it.
 */
export function openStore(path: string, migrations: readonly Migration[] = allMigrations): OpenedStore {
  let db: Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new BetterSqlite3(path);
  } catch (error) {
    throw new ApiError('store_unavailable', `Cannot open the database ${path}: ${reason(error)}`, {
      path,
      reason: reason(error),
    });
  }
  try {
    // The first statements read the header: a damaged or foreign file fails here.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable in WAL mode except for the last transactions on power loss; the outbox
    // design (idempotent re-sends) tolerates that, and it is many times faster than FULL.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const migration = migrate(db, migrations, path);
    return { db, path, migration };
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    const code = sqliteCode(error);
    if (code && CORRUPT_CODES.has(code)) {
      throw new ApiError('store_corrupt', `The database file ${path} cannot be read: ${reason(error)}`, {
        path,
        reason: reason(error),
      });
    }
    throw new ApiError('store_unavailable', `Cannot open the database ${path}: ${reason(error)}`, {
      path,
      reason: reason(error),
    });
  }
}

export interface StoreStatus {
  readonly path: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  readonly journalMode: string;
  readonly foreignKeys: boolean;
  readonly sizeBytes: number;
  readonly migrations: readonly { version: number; name: string; appliedAt: string }[];
}

export function storeStatus(store: OpenedStore, migrations: readonly Migration[] = allMigrations): StoreStatus {
  const { db } = store;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const rows = db
    .prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as { version: number; name: string; appliedAt: string }[];
  return {
    path: store.path,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    latestSchemaVersion: migrations.at(-1)?.version ?? 0,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    foreignKeys: (db.pragma('foreign_keys', { simple: true }) as number) === 1,
    sizeBytes: pageCount * pageSize,
    migrations: rows,
  };
}
