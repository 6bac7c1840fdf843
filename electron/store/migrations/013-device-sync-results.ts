import type { Migration } from '../migrate.ts';

/**
 * What a backend reported about pushing a person to each device (K30's `authstatus` callback after
 * people.sync; issue 14 item 5): the latest result per backend, person (the backend's own number)
 * and device, replaced by the next — unless the backend's own time says the one stored is newer (a
 * callback delivered late, K30 posting in parallel). Goes with the backend (ON DELETE CASCADE). The index on
 * `backend_person_refs (backend_id, ref)` finds Doorman's pin from the backend's number, as a
 * callback names the person (both for these results and for pushed pass records).
 */
export const deviceSyncResults: Migration = {
  version: 13,
  name: 'device-sync-results',
  up(db) {
    db.exec(`
      CREATE TABLE device_sync_results (
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        person_no TEXT NOT NULL,    -- the backend's id of the person (K30: no)
        device_no TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        message TEXT NOT NULL,
        reported_at TEXT,           -- the backend's time of the report, text that sorts by time (K30's timestamp); null: not known
        received_at TEXT NOT NULL,  -- ISO 8601, UTC
        PRIMARY KEY (backend_id, person_no, device_no)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX backend_person_refs_by_ref ON backend_person_refs (backend_id, ref);
    `);
  },
};
