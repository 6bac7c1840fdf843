import type { Migration } from '../migrate.ts';

export const scans: Migration = {
  version: 6,
  name: 'LAN scans and their findings',
  up(db) {
    db.exec(`
      CREATE TABLE scans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        targets TEXT NOT NULL,        -- JSON array of the targets as typed
        exclude TEXT NOT NULL,        -- JSON array
        state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT                  -- JSON ScanSummary, when finished
      ) STRICT;
      CREATE INDEX scans_by_site ON scans (site_id, started_at);

      -- One row per address with an open port, per scan: the finding as the scan made it.
      CREATE TABLE scan_findings (
        scan_id INTEGER NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        kind TEXT NOT NULL,
        finding TEXT NOT NULL,        -- JSON ScanFinding
        PRIMARY KEY (scan_id, address)
      ) STRICT;
      CREATE INDEX scan_findings_by_address ON scan_findings (address);
    `);
  },
};
