import type { Migration } from '../migrate.ts';

export const peopleOutbox: Migration = {
  version: 5,
  name: 'people, faces and outbox',
  up(db) {
    db.exec(`
      -- Face images are files named by their SHA-256 in <data>/faces; this row describes one.
      CREATE TABLE faces (
        sha256 TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        bytes INTEGER NOT NULL,
        failed_checks TEXT NOT NULL,  -- JSON array: the capture checks that did not hold (manual capture)
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE people (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        pin TEXT NOT NULL,
        fields TEXT NOT NULL,          -- JSON PersonFields
        face_sha256 TEXT REFERENCES faces (sha256),
        targets TEXT NOT NULL,         -- JSON [{backendId, accessLevelIds}]
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (site_id, pin)
      ) STRICT;

      -- Every remote write, until the sync engine has made it (or a person gave up on it).
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        pin TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('upsert', 'delete')),
        payload TEXT NOT NULL,         -- JSON snapshot of what to write
        idempotency_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try_at TEXT,
        last_error TEXT,               -- JSON {code, message, advice}
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_try_at);
      CREATE INDEX outbox_person ON outbox (backend_id, pin, state);
    `);
  },
};
