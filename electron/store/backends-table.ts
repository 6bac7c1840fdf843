import type { Database } from 'better-sqlite3';
import type { Backend, BackendId, ConnectionTest, Vendor } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';

interface BackendRow {
  id: number;
  site_id: number;
  vendor: Vendor;
  name: string;
  base_url: string;
  tls: string;
  credentials_sealed: string;
  credential_fields: string;
  created_at: string;
  updated_at: string;
  last_test: string | null;
  inventory_at: string | null;
}

/** A backend row with what only the core may see: its sealed credentials and TLS trust. */
interface StoredBackend {
  readonly backend: Backend;
  readonly tlsOptions: TlsOptions;
  readonly credentialsSealed: string;
}

function toStored(row: BackendRow): StoredBackend {
  const tlsOptions = JSON.parse(row.tls) as TlsOptions;
  const lastTest = row.last_test ? (JSON.parse(row.last_test) as ConnectionTest) : null;
  return {
    tlsOptions,
    credentialsSealed: row.credentials_sealed,
    backend: {
      id: row.id,
      siteId: row.site_id,
      vendor: row.vendor,
      name: row.name,
      baseUrl: row.base_url,
      tls: tlsOptions.mode,
      credentialFields: JSON.parse(row.credential_fields) as string[],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      lastTest: lastTest ? { at: lastTest.testedAt, verdict: lastTest.verdict } : null,
      inventoryAt: row.inventory_at,
    },
  };
}

interface NewBackend {
  readonly siteId: SiteId;
  readonly vendor: Vendor;
  readonly name: string;
  readonly baseUrl: string;
  readonly tls: TlsOptions;
  readonly credentialsSealed: string;
  readonly credentialFields: readonly string[];
}

export class BackendsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  list(siteId?: SiteId): StoredBackend[] {
    const rows = siteId === undefined
      ? (this.db.prepare('SELECT * FROM backends ORDER BY id').all() as BackendRow[])
      : (this.db.prepare('SELECT * FROM backends WHERE site_id = ? ORDER BY id').all(siteId) as BackendRow[]);
    return rows.map(toStored);
  }

  get(id: BackendId): StoredBackend | undefined {
    const row = this.db.prepare('SELECT * FROM backends WHERE id = ?').get(id) as BackendRow | undefined;
    return row && toStored(row);
  }

  insert(backend: NewBackend, now: string): StoredBackend {
    const row = this.db
      .prepare(
        `INSERT INTO backends (site_id, vendor, name, base_url, tls, credentials_sealed, credential_fields, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        backend.siteId,
        backend.vendor,
        backend.name,
        backend.baseUrl,
        JSON.stringify(backend.tls),
        backend.credentialsSealed,
        JSON.stringify(backend.credentialFields),
        now,
        now,
      ) as BackendRow;
    return toStored(row);
  }

  update(id: BackendId, changes: { name?: string; baseUrl?: string; tls?: TlsOptions; credentialsSealed?: string }, now: string): StoredBackend {
    const row = this.db
      .prepare(
        `UPDATE backends SET name = coalesce(?, name), base_url = coalesce(?, base_url), tls = coalesce(?, tls),
           credentials_sealed = coalesce(?, credentials_sealed), updated_at = ? WHERE id = ? RETURNING *`,
      )
      .get(changes.name ?? null, changes.baseUrl ?? null, changes.tls ? JSON.stringify(changes.tls) : null, changes.credentialsSealed ?? null, now, id) as BackendRow;
    return toStored(row);
  }

  remove(id: BackendId): boolean {
    return this.db.prepare('DELETE FROM backends WHERE id = ?').run(id).changes > 0;
  }

  recordTest(id: BackendId, test: ConnectionTest): void {
    this.db.prepare('UPDATE backends SET last_test = ? WHERE id = ?').run(JSON.stringify(test), id);
  }

  lastTest(id: BackendId): ConnectionTest | null {
    const row = this.db.prepare('SELECT last_test FROM backends WHERE id = ?').get(id) as { last_test: string | null } | undefined;
    return row?.last_test ? (JSON.parse(row.last_test) as ConnectionTest) : null;
  }
}
