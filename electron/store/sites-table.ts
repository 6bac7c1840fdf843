import type { Database, Statement } from 'better-sqlite3';
import type { Site, SiteId } from '../../shared/contract/sites.ts';
import { localTimeZone } from '../../shared/i18n/format-time.ts';

interface SiteRow {
  id: number;
  name: string;
  address: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
}

function toSite(row: SiteRow): Site {
  return { id: row.id, name: row.name, address: row.address, timeZone: row.time_zone, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** The key that makes names unique: case-folded, with runs of white space made one space. */
function siteNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Rows of `sites` and the current-site choice. Plain data access: rules live in the service. */
export class SitesTable {
  private readonly listStmt: Statement<[], SiteRow>;
  private readonly getStmt: Statement<[number], SiteRow>;
  private readonly byKeyStmt: Statement<[string], SiteRow>;
  private readonly insertStmt: Statement<[string, string, string, string, string], SiteRow>;
  private readonly renameStmt: Statement<[string, string, string, number], SiteRow>;
  private readonly addressStmt: Statement<[string, string, number], SiteRow>;
  private readonly timeZoneStmt: Statement<[string, string, number], SiteRow>;
  private readonly deleteStmt: Statement<[number]>;
  private readonly getCurrentStmt: Statement<[], { site_id: number | null }>;
  private readonly setCurrentStmt: Statement<[number | null]>;

  constructor(db: Database) {
    this.listStmt = db.prepare('SELECT * FROM sites ORDER BY id');
    this.getStmt = db.prepare('SELECT * FROM sites WHERE id = ?');
    this.byKeyStmt = db.prepare('SELECT * FROM sites WHERE name_key = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO sites (name, name_key, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
    );
    this.renameStmt = db.prepare('UPDATE sites SET name = ?, name_key = ?, updated_at = ? WHERE id = ? RETURNING *');
    this.addressStmt = db.prepare('UPDATE sites SET address = ?, updated_at = ? WHERE id = ? RETURNING *');
    this.timeZoneStmt = db.prepare('UPDATE sites SET time_zone = ?, updated_at = ? WHERE id = ? RETURNING *');
    this.deleteStmt = db.prepare('DELETE FROM sites WHERE id = ?');
    this.getCurrentStmt = db.prepare('SELECT site_id FROM current_site WHERE singleton = 1');
    this.setCurrentStmt = db.prepare('UPDATE current_site SET site_id = ? WHERE singleton = 1');
  }

  list(): Site[] {
    return this.listStmt.all().map(toSite);
  }

  get(id: SiteId): Site | undefined {
    const row = this.getStmt.get(id);
    return row && toSite(row);
  }

  findByName(name: string): Site | undefined {
    const row = this.byKeyStmt.get(siteNameKey(name));
    return row && toSite(row);
  }

  /** A new site; without a zone, the computer's (as migration 011 gives the sites it finds). */
  insert(name: string, now: string, timeZone: string = localTimeZone()): Site {
    const row = this.insertStmt.get(name, siteNameKey(name), timeZone, now, now);
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    return toSite(row);
  }

  rename(id: SiteId, name: string, now: string): Site | undefined {
    const row = this.renameStmt.get(name, siteNameKey(name), now, id);
    return row && toSite(row);
  }

  setAddress(id: SiteId, address: string, now: string): Site | undefined {
    const row = this.addressStmt.get(address, now, id);
    return row && toSite(row);
  }

  setTimeZone(id: SiteId, timeZone: string, now: string): Site | undefined {
    const row = this.timeZoneStmt.get(timeZone, now, id);
    return row && toSite(row);
  }

  remove(id: SiteId): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  currentId(): SiteId | null {
    return this.getCurrentStmt.get()?.site_id ?? null;
  }

  setCurrent(id: SiteId | null): void {
    this.setCurrentStmt.run(id);
  }
}
