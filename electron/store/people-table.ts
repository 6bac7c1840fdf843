import type { Database, Statement } from 'better-sqlite3';
import type { SiteId } from '../../shared/contract/sites.ts';

/** A row of `people`: the person's fields as JSON, their face (by hash) or why they have none. */
export interface PersonRow {
  id: number;
  site_id: number;
  fields: string;
  face_sha256: string | null;
  no_face_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Who holds an ID number on a site. */
export interface IdNumberOwner {
  readonly id: number;
  readonly pin: string;
  readonly name: string;
}

/** A face file's facts, as a row of `faces` keeps them (the file itself is in the data folder). */
export interface FaceRecord {
  readonly sha256: string;
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/**
 * Rows of `people` (one per personnel number on a site) and of `faces` (one per face file). The
 * rules (one person per ID number, what an edit may change, the outbox entries that go with each
 * write) are the people service's; it groups these writes in one transaction with `immediate`.
 */
export class PeopleTable {
  private readonly db: Database;
  private readonly ofSiteStmt: Statement<[number], PersonRow>;
  private readonly getStmt: Statement<[number], PersonRow>;
  private readonly byPinStmt: Statement<[number, string], PersonRow>;
  private readonly idNumberStmt: Statement<[number, string], IdNumberOwner>;
  private readonly idNumbersStmt: Statement<[number], IdNumberOwner & { idNumber: string }>;
  private readonly addFaceStmt: Statement<[string, string, number, number, number, string, string]>;
  private readonly upsertStmt: Statement<[number, string, string, string | null, string | null, string, string], PersonRow>;
  private readonly deleteStmt: Statement<[number]>;

  constructor(db: Database) {
    this.db = db;
    this.ofSiteStmt = db.prepare('SELECT * FROM people WHERE site_id = ? ORDER BY id');
    this.getStmt = db.prepare('SELECT * FROM people WHERE id = ?');
    this.byPinStmt = db.prepare('SELECT * FROM people WHERE site_id = ? AND pin = ?');
    this.idNumberStmt = db.prepare(
      "SELECT id, pin, json_extract(fields, '$.name') AS name FROM people WHERE site_id = ? AND json_extract(fields, '$.idNumber') = ? ORDER BY id",
    );
    this.idNumbersStmt = db.prepare(
      "SELECT id, pin, json_extract(fields, '$.name') AS name, json_extract(fields, '$.idNumber') AS idNumber FROM people WHERE site_id = ? AND json_extract(fields, '$.idNumber') IS NOT NULL ORDER BY id",
    );
    this.addFaceStmt = db.prepare('INSERT OR IGNORE INTO faces (sha256, format, width, height, bytes, failed_checks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.upsertStmt = db.prepare(
      `INSERT INTO people (site_id, pin, fields, face_sha256, no_face_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, pin) DO UPDATE SET fields = excluded.fields, face_sha256 = excluded.face_sha256, no_face_reason = excluded.no_face_reason, updated_at = excluded.updated_at
       RETURNING *`,
    );
    this.deleteStmt = db.prepare('DELETE FROM people WHERE id = ?');
  }

  /** The site's people, oldest first. */
  ofSite(siteId: SiteId): PersonRow[] {
    return this.ofSiteStmt.all(siteId);
  }

  get(id: number): PersonRow | undefined {
    return this.getStmt.get(id);
  }

  byPin(siteId: SiteId, pin: string): PersonRow | undefined {
    return this.byPinStmt.get(siteId, pin);
  }

  /** The person's face hash; null without a face (or without such a person). */
  faceOf(id: number): string | null {
    return this.getStmt.get(id)?.face_sha256 ?? null;
  }

  /** Everyone on the site holding exactly this ID number (as stored: upper-cased), oldest first. */
  holdersOf(siteId: SiteId, idNumber: string): IdNumberOwner[] {
    return this.idNumberStmt.all(siteId, idNumber);
  }

  /** Every ID number of the site's people, with its first holder. */
  idNumbers(siteId: SiteId): Map<string, IdNumberOwner> {
    const owners = new Map<string, IdNumberOwner>();
    for (const { idNumber, ...owner } of this.idNumbersStmt.all(siteId)) if (!owners.has(idNumber)) owners.set(idNumber, owner);
    return owners;
  }

  /** A face file's row; a face already on file (same hash) is kept as it is. */
  addFace(face: FaceRecord, failedChecks: readonly string[], now: string): void {
    this.addFaceStmt.run(face.sha256, face.format, face.width, face.height, face.bytes, JSON.stringify(failedChecks), now);
  }

  /** The person by personnel number, made or updated; returns the row as saved. */
  upsert(siteId: SiteId, pin: string, fields: string, faceSha256: string | null, noFaceReason: string | null, now: string): PersonRow {
    return this.upsertStmt.get(siteId, pin, fields, faceSha256, noFaceReason, now, now)!;
  }

  delete(id: number): void {
    this.deleteStmt.run(id);
  }

  /**
   * `work` in one IMMEDIATE transaction: it reads before it writes, and a sync process beside us
   * (the CLI next to the app) commits between the two; a deferred one then fails at once with SQLITE_BUSY.
   */
  immediate<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
