import type { Database } from 'better-sqlite3';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { Visitor, VisitorFields } from '../../shared/contract/visitors.ts';

type VisitorState = Visitor['state'];
type VisitorError = Visitor['error'];

interface VisitorRow {
  id: number;
  site_id: number;
  backend_id: number;
  name: string;
  host_pin: string;
  id_type: string;
  id_number: string | null;
  phone: string | null;
  company: string | null;
  reason: string | null;
  valid_from: string;
  valid_to: string;
  face_sha256: string | null;
  state: string;
  error: string | null;
  vendor_ref: string | null;
  vendor_pin: string | null;
  reserved: number;
  created_at: string;
  checked_out_at: string | null;
}

/** A stored visitor, without what is read from elsewhere (the host's name, arrived / left). */
export type StoredVisitor = Omit<Visitor, 'hostName' | 'arrivedAt' | 'leftAt'> & { readonly faceSha256: string | null };

export interface NewVisitor {
  readonly siteId: SiteId;
  readonly backendId: BackendId;
  readonly fields: VisitorFields & { readonly validFrom: string; readonly validTo: string };
  readonly faceSha256: string | null;
}

function fromRow(row: VisitorRow): StoredVisitor {
  return {
    id: row.id,
    siteId: row.site_id,
    backendId: row.backend_id,
    name: row.name,
    hostPin: row.host_pin,
    idType: row.id_type as Visitor['idType'],
    idNumber: row.id_number,
    phone: row.phone,
    company: row.company,
    reason: row.reason,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    hasFace: row.face_sha256 !== null,
    faceSha256: row.face_sha256,
    state: row.state as VisitorState,
    error: row.error === null ? null : (JSON.parse(row.error) as VisitorError),
    vendorRef: row.vendor_ref,
    vendorPin: row.vendor_pin,
    reserved: row.reserved === 1,
    createdAt: row.created_at,
    checkedOutAt: row.checked_out_at,
  };
}

/** First and last pass of one pin on a backend between two times (as the events write them). */
export interface Passes {
  readonly first: string | null;
  readonly last: string | null;
  readonly count: number;
}

/** Rows of `visitors` (migration 018), and the visitors' passes read from `events`. */
export class VisitorsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  insert(visitor: NewVisitor, now: string): StoredVisitor {
    const f = visitor.fields;
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO visitors (site_id, backend_id, name, host_pin, id_type, id_number, phone, company, reason, valid_from, valid_to, face_sha256, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?)`,
      )
      .run(visitor.siteId, visitor.backendId, f.name, f.hostPin, f.idType, f.idNumber ?? null, f.phone ?? null, f.company ?? null, f.reason ?? null, f.validFrom, f.validTo, visitor.faceSha256, now);
    return this.get(Number(lastInsertRowid)) as StoredVisitor;
  }

  get(id: number): StoredVisitor | null {
    const row = this.db.prepare('SELECT * FROM visitors WHERE id = ?').get(id) as VisitorRow | undefined;
    return row ? fromRow(row) : null;
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM visitors WHERE id = ?').run(id);
  }

  /** The site's visitors whose visit overlaps [from, to] (local times), newest first. */
  overlapping(siteId: SiteId, from: string, to: string): StoredVisitor[] {
    const rows = this.db.prepare('SELECT * FROM visitors WHERE site_id = ? AND valid_from <= ? AND valid_to >= ? ORDER BY valid_from DESC, id DESC').all(siteId, to, from) as VisitorRow[];
    return rows.map(fromRow);
  }

  registered(id: number, ref: string, pin: string | null, reserved = false): void {
    this.db.prepare("UPDATE visitors SET state = 'registered', error = NULL, vendor_ref = ?, vendor_pin = ?, reserved = ? WHERE id = ?").run(ref, pin, reserved ? 1 : 0, id);
  }

  failed(id: number, error: NonNullable<VisitorError>): void {
    this.db.prepare("UPDATE visitors SET state = 'failed', error = ? WHERE id = ?").run(JSON.stringify(error), id);
  }

  /** A check-out the backend refused keeps the visitor registered, with the reason. */
  checkOutFailed(id: number, error: NonNullable<VisitorError>): void {
    this.db.prepare('UPDATE visitors SET error = ? WHERE id = ?').run(JSON.stringify(error), id);
  }

  checkedOut(id: number, at: string): void {
    this.db.prepare("UPDATE visitors SET state = 'checked-out', error = NULL, checked_out_at = ? WHERE id = ?").run(at, id);
  }

  /**
   * First and last pass of one pin on a backend between two instants (epoch seconds). Events keep
   * the vendor's time as written: an instant with a zone (Hongtu), or the site's wall clock without
   * one (ZKBio, K30), read here with the site's offset (`offsetSeconds`), as the history reads them.
   */
  passes(backendId: BackendId, pin: string, fromSeconds: number, toSeconds: number, offsetSeconds: number): Passes {
    const zoneless = "(occurred_at NOT GLOB '*[Zz]' AND occurred_at NOT GLOB '*[+-][0-9][0-9]:[0-9][0-9]' AND occurred_at NOT GLOB '*[+-][0-9][0-9][0-9][0-9]')";
    const key = `(unixepoch(occurred_at) - CASE WHEN ${zoneless} THEN @offset ELSE 0 END)`;
    const rows = this.db
      .prepare(`SELECT occurred_at AS at FROM events WHERE backend_id = @backendId AND person_pin = @pin AND kind = 'pass' AND ${key} BETWEEN @from AND @to ORDER BY ${key}, id`)
      .all({ backendId, pin, from: fromSeconds, to: toSeconds, offset: offsetSeconds }) as { at: string }[];
    return { first: rows[0]?.at ?? null, last: rows.at(-1)?.at ?? null, count: rows.length };
  }
}
