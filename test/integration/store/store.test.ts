import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../electron/api/event-bus.ts';
import { SitesService } from '../../../electron/sites/sites-service.ts';
import { openStore, storeStatus } from '../../../electron/store/database.ts';
import { assertWellFormed, latestVersion, type Migration } from '../../../electron/store/migrate.ts';
import { migrations } from '../../../electron/store/migrations/index.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';
import { captureError } from '../../support/api-error.ts';

const tempDir = useTempDirs();

describe('store', () => {
  it('creates a new database in WAL mode with foreign keys, at the latest schema', () => {
    const path = join(tempDir(), 'nested', 'doorman.db');
    const store = openStore(path);
    const status = storeStatus(store);
    expect(status.schemaVersion).toBe(latestVersion(migrations));
    expect(status.journalMode).toBe('wal');
    expect(status.foreignKeys).toBe(true);
    expect(status.migrations.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(store.migration).toMatchObject({ from: 0, to: latestVersion(migrations) });
    store.db.close();
  });

  it('keeps data across reopen and migrates nothing twice', () => {
    const path = join(tempDir(), 'doorman.db');
    const first = openStore(path);
    new SitesTable(first.db).insert('Demo', new Date().toISOString());
    first.db.close();
    const second = openStore(path);
    expect(second.migration.applied).toEqual([]);
    expect(new SitesTable(second.db).list().map((s) => s.name)).toEqual(['Demo']);
    second.db.close();
  });

  it('applies only the steps a database lacks, in order', () => {
    const path = join(tempDir(), 'doorman.db');
    const step2: Migration = { version: 2, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT') };
    openStore(path, migrations.slice(0, 1)).db.close();
    const upgraded = openStore(path, [...migrations.slice(0, 1), step2]);
    expect(upgraded.migration).toEqual({ from: 1, to: 2, applied: ['notes'] });
    upgraded.db.close();
  });

  it('rolls a failing step back completely', () => {
    const path = join(tempDir(), 'doorman.db');
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (id INTEGER) STRICT');
        db.exec('THIS IS NOT SQL');
      },
    };
    openStore(path, migrations.slice(0, 1)).db.close();
    expect(() => openStore(path, [...migrations.slice(0, 1), broken])).toThrow();
    const db = new BetterSqlite3(path);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a database written by a newer version, naming it, without touching it', () => {
    const path = join(tempDir(), 'doorman.db');
    const db = new BetterSqlite3(path);
    db.pragma('user_version = 99');
    db.close();
    const error = captureError(() => openStore(path));
    expect(error.code).toBe('store_too_new');
    expect(error.details).toMatchObject({ path, found: 99, supported: latestVersion(migrations) });
    const after = new BetterSqlite3(path);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sites'").get()).toEqual({ n: 0 });
    after.close();
  });

  it('reports a file that is not a database with its path', () => {
    const path = join(tempDir(), 'doorman.db');
    writeFileSync(path, 'this is not a database, it is a shopping list\n'.repeat(200));
    const error = captureError(() => openStore(path));
    expect(error.code).toBe('store_corrupt');
    expect(error.details?.['path']).toBe(path);
    expect(error.message).toContain(path);
  });

  describe('an existing file is never taken for a new one', () => {
    /** A real Doorman store with a few pages of data, closed cleanly (no -wal left). */
    function doormanFile(): string {
      const path = join(tempDir(), 'doorman.db');
      const store = openStore(path);
      const sites = new SitesTable(store.db);
      for (let i = 0; i < 200; i++) sites.insert(`Site ${i} ${'x'.repeat(200)}`, new Date().toISOString());
      store.db.close();
      return path;
    }

    function refusedAndKept(path: string, problem: string): void {
      const before = readFileSync(path);
      const error = captureError(() => openStore(path));
      expect(error.code).toBe('store_corrupt');
      expect(error.details).toMatchObject({ path, problem });
      expect(error.message).toContain(path);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(existsSync(`${path}-wal`)).toBe(false);
      expect(existsSync(`${path}-shm`)).toBe(false);
    }

    it('refuses a zero-byte file and leaves it as it is', () => {
      const path = join(tempDir(), 'doorman.db');
      writeFileSync(path, '');
      refusedAndKept(path, 'empty');
    });

    it('refuses random bytes and leaves them as they are', () => {
      const path = join(tempDir(), 'doorman.db');
      writeFileSync(path, randomBytes(64 * 1024));
      refusedAndKept(path, 'not_sqlite');
    });

    it('refuses a truncated store (cut at a page, mid-page, inside the header) and leaves it as it is', () => {
      for (const keep of [(size: number) => Math.floor(size / 2 / 4096) * 4096, (size: number) => Math.floor(size / 2) + 100, () => 50]) {
        const path = doormanFile();
        truncateSync(path, keep(readFileSync(path).length));
        refusedAndKept(path, 'truncated');
      }
    });

    it('refuses an SQLite file Doorman did not make (another program’s, or an empty database)', () => {
      const foreign = join(tempDir(), 'doorman.db');
      const db = new BetterSqlite3(foreign);
      db.exec('CREATE TABLE contacts (name TEXT)');
      db.close();
      refusedAndKept(foreign, 'not_doorman');
    });

    it('still opens a sound store that was not closed cleanly (its -wal holds the latest writes)', () => {
      const path = join(tempDir(), 'doorman.db');
      const first = openStore(path);
      new SitesTable(first.db).insert('Unclosed', new Date().toISOString());
      // A second connection sees the store while the first still holds its WAL open, as after kill -9.
      const second = openStore(path);
      expect(new SitesTable(second.db).list().map((s) => s.name)).toEqual(['Unclosed']);
      second.db.close();
      first.db.close();
    });
  });

  it('reports a folder it cannot create with its path', () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'doorman.db');
    const error = captureError(() => openStore(path));
    expect(error.code).toBe('store_unavailable');
    expect(error.details?.['path']).toBe(path);
  });

  it('rejects a migration list with gaps', () => {
    expect(() => assertWellFormed([{ version: 2, name: 'x', up: () => {} }])).toThrow(/expected 1/);
    expect(() => assertWellFormed(migrations)).not.toThrow();
  });
});

describe('sites service on the store', () => {
  function service() {
    const store = openStore(join(tempDir(), 'doorman.db'));
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.listen((event, payload) => seen.push({ event, payload }));
    return { sites: new SitesService(new SitesTable(store.db), bus), seen, db: store.db };
  }

  it('creates, renames, selects and removes, announcing each change', () => {
    const { sites, seen } = service();
    const a = sites.create('Block 3');
    const b = sites.create('杭州三号地块');
    expect(sites.rename(a.id, 'Block 3 North').name).toBe('Block 3 North');
    sites.select(b.id);
    expect(sites.state().currentSiteId).toBe(b.id);
    sites.remove(b.id);
    expect(sites.state()).toEqual({ sites: [expect.objectContaining({ id: a.id, name: 'Block 3 North' })], currentSiteId: null });
    expect(seen).toHaveLength(5);
  });

  it('refuses a second site with the same name, ignoring case and spacing', () => {
    const { sites } = service();
    sites.create('Block 3');
    for (const name of ['block 3', 'BLOCK  3']) expect(captureError(() => sites.create(name)).code).toBe('site_name_taken');
    const other = sites.create('Block 4');
    expect(captureError(() => sites.rename(other.id, 'block 3')).code).toBe('site_name_taken');
    expect(sites.rename(other.id, 'block 4').name).toBe('block 4');
  });

  it('says which site does not exist', () => {
    const { sites } = service();
    for (const act of [() => sites.rename(42, 'x'), () => sites.remove(42), () => sites.select(42)]) {
      const error = captureError(act);
      expect(error.code).toBe('site_not_found');
      expect(error.details).toEqual({ id: 42 });
    }
  });

  it('never reuses the id of a deleted site', () => {
    const { sites } = service();
    const a = sites.create('A');
    sites.remove(a.id);
    expect(sites.create('B').id).toBeGreaterThan(a.id);
  });
});
