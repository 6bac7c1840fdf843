import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors.ts';
import { inspectDatabaseFile, type DatabaseFileProblem } from './database-file.ts';
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

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function corrupt(path: string, problem: DatabaseFileProblem, why: string): ApiError {
  return new ApiError('store_corrupt', `The database file ${path} cannot be read: ${why}`, { path, problem, reason: why });
}

function unavailable(path: string, error: unknown): ApiError {
  return new ApiError('store_unavailable', `Cannot open the database ${path}: ${reason(error)}`, { path, reason: reason(error) });
}

/** Settings every connection gets; journal_mode is persistent in the file. */
function configure(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode except for the last transactions on power loss; the outbox
  // design (idempotent re-sends) tolerates that, and it is many times faster than FULL.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}

/**
 * Makes a new store at `path` the only way that cannot be confused with a damaged one: built and
 * migrated under a temporary name (owner-only, 0600), then linked into place, which never replaces
 * a file that appeared meanwhile. A run killed half-way leaves no `doorman.db`, only the temporary.
 */
function createStoreFile(path: string, migrations: readonly Migration[]): MigrationResult | null {
  const temporary = `${path}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(temporary, '', { flag: 'wx', mode: 0o600 });
    const db = new BetterSqlite3(temporary);
    let migration: MigrationResult;
    try {
      configure(db);
      migration = migrate(db, migrations, path);
    } finally {
      db.close();
    }
    try {
      linkSync(temporary, path);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') return null; // another Doorman made it first: open theirs
      // File systems without hard links (FAT): an exclusive copy, still never over a file.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      try {
        copyFileSync(temporary, path, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errnoCode(copyError) !== 'EEXIST') throw copyError;
        return null;
      }
    }
    return migration;
  } finally {
    for (const leftover of [temporary, `${temporary}-wal`, `${temporary}-shm`]) rmSync(leftover, { force: true });
  }
}

/**
 * Opens the store at `path`: WAL journal, foreign keys on, then every pending migration. Only a file
 * Doorman creates itself is new: where there is no file, one is made; an existing file that is
 * empty, not a database, cut short, damaged or not Doorman's is reported (`store_corrupt`, with its
 * path) and left exactly as it was. So is one a newer Doorman wrote (`store_too_new`). The caller
 * owns the returned handle and closes it.
 */
export function openStore(path: string, migrations: readonly Migration[] = allMigrations): OpenedStore {
  let created: MigrationResult | null = null;
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
      let file = inspectDatabaseFile(path);
      if (file.state === 'absent') {
        created = createStoreFile(path, migrations);
        file = inspectDatabaseFile(path);
      }
      if (file.state === 'unusable') throw corrupt(path, file.problem, file.reason);
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw unavailable(path, error);
    }
  }
  let db: Database;
  try {
    db = new BetterSqlite3(path, { fileMustExist: path !== ':memory:' });
  } catch (error) {
    throw unavailable(path, error);
  }
  try {
    // Reads first, writes after: a damaged or foreign file fails here and is not written to.
    // Reading the schema reaches past the header, into the pages that describe the tables.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (path !== ':memory:' && (db.pragma('user_version', { simple: true }) as number) === 0) {
      throw corrupt(path, 'not_doorman', 'the file is an SQLite database that Doorman did not make: schema version 0');
    }
    configure(db);
    const migration = migrate(db, migrations, path);
    return { db, path, migration: created ?? migration };
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    const code = sqliteCode(error);
    if (code && CORRUPT_CODES.has(code)) throw corrupt(path, 'damaged', reason(error));
    throw unavailable(path, error);
  }
}

interface StoreStatus {
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
