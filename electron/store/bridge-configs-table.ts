import type { Database, Statement } from 'better-sqlite3';
import type { BridgeId } from '../../shared/contract/bridges.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import type { TlsOptions } from '../../shared/contract/tls-options.ts';

/** A `bridges` row as the core keeps it: the sealed credentials and the settings JSON still unread. */
export interface StoredBridge {
  readonly id: BridgeId;
  readonly siteId: SiteId;
  readonly name: string;
  readonly tcpHost: string;
  readonly tcpPort: number;
  readonly httpsUrl: string;
  readonly tls: TlsOptions;
  readonly credentialsSealed: string;
  /** JSON text of the settings (BridgeSettings), read by the bridge service. */
  readonly settings: string;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type BridgeFields = Omit<StoredBridge, 'id' | 'createdAt' | 'updatedAt'>;

interface Row {
  id: number;
  site_id: number;
  name: string;
  tcp_host: string;
  tcp_port: number;
  https_url: string;
  tls: string;
  credentials_sealed: string;
  settings: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

function toStored(row: Row): StoredBridge {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    tcpHost: row.tcp_host,
    tcpPort: row.tcp_port,
    httpsUrl: row.https_url,
    tls: JSON.parse(row.tls) as TlsOptions,
    credentialsSealed: row.credentials_sealed,
    settings: row.settings,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Rows of `bridges`: each platform bridge's addresses, trust, sealed credentials and settings. */
export class BridgeConfigsTable {
  private readonly allStmt: Statement<[], Row>;
  private readonly ofSiteStmt: Statement<[number], Row>;
  private readonly getStmt: Statement<[number], Row>;
  private readonly insertStmt: Statement<unknown[], Row>;
  private readonly updateStmt: Statement<unknown[], Row>;
  private readonly removeStmt: Statement<[number]>;

  constructor(db: Database) {
    this.allStmt = db.prepare('SELECT * FROM bridges ORDER BY id');
    this.ofSiteStmt = db.prepare('SELECT * FROM bridges WHERE site_id = ? ORDER BY id');
    this.getStmt = db.prepare('SELECT * FROM bridges WHERE id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO bridges (site_id, name, tcp_host, tcp_port, https_url, tls, credentials_sealed, settings, enabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    );
    this.updateStmt = db.prepare(
      `UPDATE bridges SET name = ?, tcp_host = ?, tcp_port = ?, https_url = ?, tls = ?, credentials_sealed = ?, settings = ?, enabled = ?, updated_at = ?
       WHERE id = ? RETURNING *`,
    );
    this.removeStmt = db.prepare('DELETE FROM bridges WHERE id = ?');
  }

  list(siteId?: SiteId): StoredBridge[] {
    return (siteId === undefined ? this.allStmt.all() : this.ofSiteStmt.all(siteId)).map(toStored);
  }

  get(id: BridgeId): StoredBridge | undefined {
    const row = this.getStmt.get(id);
    return row && toStored(row);
  }

  insert(fields: BridgeFields, now: string): StoredBridge {
    const f = fields;
    return toStored(this.insertStmt.get(f.siteId, f.name, f.tcpHost, f.tcpPort, f.httpsUrl, JSON.stringify(f.tls), f.credentialsSealed, f.settings, f.enabled ? 1 : 0, now, now)!);
  }

  /** Writes every field (the service merges the change over the stored row first). */
  update(id: BridgeId, fields: BridgeFields, now: string): StoredBridge | undefined {
    const f = fields;
    const row = this.updateStmt.get(f.name, f.tcpHost, f.tcpPort, f.httpsUrl, JSON.stringify(f.tls), f.credentialsSealed, f.settings, f.enabled ? 1 : 0, now, id);
    return row && toStored(row);
  }

  /** Removes the bridge and, by the foreign keys, its devices, doors, workers, tasks and queue. */
  remove(id: BridgeId): boolean {
    return this.removeStmt.run(id).changes > 0;
  }
}
