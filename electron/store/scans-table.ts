import type { Database } from 'better-sqlite3';
import type { KnownHost, ScanFinding, ScanRecord, ScanSummary } from '../../shared/contract/scan.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { compareAddresses } from '../../shared/rules/ipv4.ts';

interface ScanRow {
  id: number;
  site_id: number;
  targets: string;
  exclude: string;
  state: ScanRecord['state'];
  started_at: string;
  finished_at: string | null;
  summary: string | null;
}

function toRecord(row: ScanRow): ScanRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    targets: JSON.parse(row.targets) as string[],
    exclude: JSON.parse(row.exclude) as string[],
    state: row.state,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    summary: row.summary === null ? null : (JSON.parse(row.summary) as ScanSummary),
  };
}

/** Scans per site and what each found; a finding is written as it arrives, so a crash keeps it. */
export class ScansTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  begin(siteId: SiteId, targets: readonly string[], exclude: readonly string[], startedAt: string): ScanRecord {
    const row = this.db
      .prepare("INSERT INTO scans (site_id, targets, exclude, state, started_at) VALUES (?, ?, ?, 'running', ?) RETURNING *")
      .get(siteId, JSON.stringify(targets), JSON.stringify(exclude), startedAt) as ScanRow;
    return toRecord(row);
  }

  addFinding(scanId: number, finding: ScanFinding): void {
    this.db.prepare('INSERT OR REPLACE INTO scan_findings (scan_id, address, kind, finding) VALUES (?, ?, ?, ?)').run(scanId, finding.address, finding.kind, JSON.stringify(finding));
  }

  finish(scanId: number, state: Exclude<ScanRecord['state'], 'running'>, summary: ScanSummary | null, finishedAt: string): void {
    this.db.prepare('UPDATE scans SET state = ?, summary = ?, finished_at = ? WHERE id = ?').run(state, summary === null ? null : JSON.stringify(summary), finishedAt, scanId);
  }

  /**
   * Scans a crashed process left "running" are failed. Only those started before `startedBefore`:
   * a scan another live process (the CLI beside the app) started a moment ago is left alone.
   */
  failAbandoned(startedBefore: string, finishedAt: string): number {
    return this.db.prepare("UPDATE scans SET state = 'failed', finished_at = ? WHERE state = 'running' AND started_at < ?").run(finishedAt, startedBefore).changes;
  }

  get(scanId: number): ScanRecord | null {
    const row = this.db.prepare('SELECT * FROM scans WHERE id = ?').get(scanId) as ScanRow | undefined;
    return row ? toRecord(row) : null;
  }

  list(siteId: SiteId): ScanRecord[] {
    return (this.db.prepare('SELECT * FROM scans WHERE site_id = ? ORDER BY id DESC').all(siteId) as ScanRow[]).map(toRecord);
  }

  findings(scanId: number): ScanFinding[] {
    const rows = this.db.prepare('SELECT finding FROM scan_findings WHERE scan_id = ?').pluck().all(scanId) as string[];
    return rows.map((text) => JSON.parse(text) as ScanFinding).sort((a, b) => compareAddresses(a.address, b.address));
  }

  /** Every address the site's scans found: its latest finding, first and last seen. */
  knownHosts(siteId: SiteId): KnownHost[] {
    const rows = this.db
      .prepare(
        `SELECT f.address, MIN(s.started_at) AS first_seen, MAX(s.started_at) AS last_seen, MAX(s.id) AS last_scan
           FROM scan_findings f JOIN scans s ON s.id = f.scan_id
          WHERE s.site_id = ?
          GROUP BY f.address`,
      )
      .all(siteId) as { address: string; first_seen: string; last_seen: string; last_scan: number }[];
    const latest = this.db.prepare('SELECT finding FROM scan_findings WHERE scan_id = ? AND address = ?').pluck();
    return rows
      .map((row) => ({ ...(JSON.parse(latest.get(row.last_scan, row.address) as string) as ScanFinding), firstSeen: row.first_seen, lastSeen: row.last_seen, lastScanId: row.last_scan }))
      .sort((a, b) => compareAddresses(a.address, b.address));
  }
}

