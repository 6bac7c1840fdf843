import type { Database, Statement } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';

/** One backend's pairs (the shape of backends/backend.ts `PersonRefs`; the store does not import backends/). */
interface BackendPersonRefs {
  get(pin: string): string | null;
  set(pin: string, ref: string): void;
  forget(pin: string): void;
}

/**
 * Rows of `backend_person_refs`: a backend's own id for each person Doorman sent it (K30's `no`),
 * by personnel number. A driver reads and writes them through {@link PersonRefsTable.of}, the
 * small interface the backends service hands it (drivers never import the store).
 */
export class PersonRefsTable {
  private readonly getStmt: Statement<[number, string], { ref: string }>;
  private readonly setStmt: Statement<[number, string, string]>;
  private readonly forgetStmt: Statement<[number, string]>;
  private readonly pinStmt: Statement<[number, string], { pin: string }>;

  constructor(db: Database) {
    this.getStmt = db.prepare('SELECT ref FROM backend_person_refs WHERE backend_id = ? AND pin = ?');
    this.setStmt = db.prepare(
      'INSERT INTO backend_person_refs (backend_id, pin, ref) VALUES (?, ?, ?) ON CONFLICT (backend_id, pin) DO UPDATE SET ref = excluded.ref',
    );
    this.forgetStmt = db.prepare('DELETE FROM backend_person_refs WHERE backend_id = ? AND pin = ?');
    this.pinStmt = db.prepare('SELECT pin FROM backend_person_refs WHERE backend_id = ? AND ref = ? ORDER BY pin LIMIT 1');
  }

  /** Doorman's pin of the person the backend knows by `ref` (a callback names people by the backend's id), or null. */
  pinOf(backendId: BackendId, ref: string): string | null {
    return this.pinStmt.get(backendId, ref)?.pin ?? null;
  }

  /** The refs of one backend. */
  of(backendId: BackendId): BackendPersonRefs {
    return {
      get: (pin) => this.getStmt.get(backendId, pin)?.ref ?? null,
      set: (pin, ref) => void this.setStmt.run(backendId, pin, ref),
      forget: (pin) => void this.forgetStmt.run(backendId, pin),
    };
  }
}
