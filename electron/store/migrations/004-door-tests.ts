import type { Migration } from '../migrate.ts';

export const doorTests: Migration = {
  version: 4,
  name: 'door tests',
  up(db) {
    db.exec(`
      -- Every door test an installer ran: the verdict, its latency and the evidence (JSON).
      CREATE TABLE door_tests (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL UNIQUE,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        door_id TEXT NOT NULL,
        test TEXT NOT NULL CHECK (test IN ('open', 'mode', 'walk')),
        verdict TEXT NOT NULL,
        latency_ms REAL,
        started_at TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
      CREATE INDEX door_tests_site ON door_tests (site_id, started_at);
    `);
  },
};
