import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';

/** A backend a person was sent to, with the levels (ZKBio) or pass groups (Hongtu) last sent there. */
export interface PersonBackend {
  readonly backendId: BackendId;
  readonly accessLevelIds: string[];
}

interface Row {
  person_id: number;
  backend_id: number;
  access_level_ids: string;
}

function toBackend(row: Row): PersonBackend {
  return { backendId: row.backend_id, accessLevelIds: JSON.parse(row.access_level_ids) as string[] };
}

/**
 * Rows of `person_backends`: every backend each person was sent to, whatever the latest
 * enrollment, edit or import targeted. Written with the person's outbox entries, read by a delete
 * (which goes to all of them) and by the import's dry run. The rows go with the person (ON DELETE
 * CASCADE) or the backend.
 */
export class PersonBackendsTable {
  private readonly recordStmt: Statement<[number, number, string]>;
  private readonly forgetStmt: Statement<[number, number]>;
  private readonly ofStmt: Statement<[number], Row>;
  private readonly ofSiteStmt: Statement<[number], Row>;
  private readonly pinsStmt: Statement<[number], { pin: string; backend_id: number | null }>;

  constructor(db: Database) {
    this.recordStmt = db.prepare(
      `INSERT INTO person_backends (person_id, backend_id, access_level_ids) VALUES (?, ?, ?)
       ON CONFLICT (person_id, backend_id) DO UPDATE SET access_level_ids = excluded.access_level_ids`,
    );
    this.forgetStmt = db.prepare('DELETE FROM person_backends WHERE person_id = ? AND backend_id = ?');
    this.ofStmt = db.prepare('SELECT * FROM person_backends WHERE person_id = ? ORDER BY backend_id');
    this.ofSiteStmt = db.prepare(
      'SELECT person_backends.* FROM person_backends JOIN people ON people.id = person_backends.person_id WHERE people.site_id = ? ORDER BY person_id, backend_id',
    );
    this.pinsStmt = db.prepare(
      'SELECT people.pin, person_backends.backend_id FROM people LEFT JOIN person_backends ON person_backends.person_id = people.id WHERE people.site_id = ? ORDER BY people.pin, person_backends.backend_id',
    );
  }

  /** The person was sent to this backend (again): remembered, with the levels sent this time. */
  record(personId: number, backend: PersonBackend): void {
    this.recordStmt.run(personId, backend.backendId, JSON.stringify(backend.accessLevelIds));
  }

  /** The person no longer goes to this backend (an edit took it out; its delete is queued). */
  forget(personId: number, backendId: BackendId): void {
    this.forgetStmt.run(personId, backendId);
  }

  of(personId: number): PersonBackend[] {
    return this.ofStmt.all(personId).map(toBackend);
  }

  /** Every person of the site with their backends, by person id. */
  ofSite(siteId: SiteId): Map<number, PersonBackend[]> {
    const byPerson = new Map<number, PersonBackend[]>();
    for (const row of this.ofSiteStmt.all(siteId)) {
      const backends = byPerson.get(row.person_id);
      if (backends) backends.push(toBackend(row));
      else byPerson.set(row.person_id, [toBackend(row)]);
    }
    return byPerson;
  }

  /** The site's people by personnel number, with the backends each is on (none yet: empty). */
  byPin(siteId: SiteId): Map<string, BackendId[]> {
    const byPin = new Map<string, BackendId[]>();
    for (const row of this.pinsStmt.all(siteId)) {
      const backends = byPin.get(row.pin) ?? [];
      if (row.backend_id !== null) backends.push(row.backend_id);
      byPin.set(row.pin, backends);
    }
    return byPin;
  }
}
