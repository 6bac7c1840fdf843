import type { Migration } from '../migrate.ts';

/**
 * Visitors (issue 15 item 4): registered on a backend whose API has them, kept here first (saved
 * before the backend is called, so a visitor typed at the desk survives a backend out of reach).
 * `vendor_ref` is the backend's key for the registration (K30 `no`; ZKBio certificate type and
 * number), `vendor_pin` the id the backend's pass events carry, by which arrived / left are read
 * from `events`. Goes with its site and backend.
 */
export const visitors: Migration = {
  version: 18,
  name: 'visitors',
  up(db) {
    db.exec(`
      CREATE TABLE visitors (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        host_pin TEXT NOT NULL,
        id_type TEXT NOT NULL,
        id_number TEXT,
        phone TEXT,
        company TEXT,
        reason TEXT,
        valid_from TEXT NOT NULL,   -- the site's local time, yyyy-MM-dd HH:mm:ss
        valid_to TEXT NOT NULL,
        face_sha256 TEXT,
        state TEXT NOT NULL CHECK (state IN ('sending', 'registered', 'failed', 'checked-out')),
        error TEXT,                 -- JSON {code, message, advice} of the last failure
        vendor_ref TEXT,
        vendor_pin TEXT,
        created_at TEXT NOT NULL,   -- ISO 8601, UTC
        checked_out_at TEXT
      ) STRICT;
      CREATE INDEX visitors_by_site_day ON visitors (site_id, valid_from, valid_to);
      CREATE INDEX IF NOT EXISTS events_visitor_passes ON events (backend_id, person_pin, occurred_at);
    `);
  },
};
