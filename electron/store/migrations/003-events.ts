import type { Migration } from '../migrate.ts';

export const events: Migration = {
  version: 3,
  name: 'events',
  up(db) {
    db.exec(`
      -- Access events from every backend, however they arrived (push, poll, monitor). One row per
      -- event: (backend_id, event_id) is the backend's stable id, so a re-delivery is ignored.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('push', 'poll', 'monitor')),
        kind TEXT NOT NULL,
        door_id TEXT,
        person_pin TEXT,
        data TEXT NOT NULL,  -- the AccessEvent, JSON
        raw TEXT,            -- the vendor's payload, JSON, for evidence
        UNIQUE (backend_id, event_id)
      ) STRICT;
      CREATE INDEX events_backend_time ON events (backend_id, occurred_at);
      CREATE INDEX events_door_time ON events (backend_id, door_id, occurred_at);
    `);
  },
};
