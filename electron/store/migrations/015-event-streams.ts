import type { Migration } from '../migrate.ts';

/**
 * The event pipeline (issue 15 item 1): where each backend's event stream stopped reading (its
 * cursor, kept across restarts so events made while the app was closed are read when it starts),
 * the event settings (retention), and an index on the event time alone: the retention sweep
 * deletes the oldest first, and "the newest N of the site" walks it backwards without sorting.
 */
export const eventStreams: Migration = {
  version: 15,
  name: 'event-streams',
  up(db) {
    db.exec(`
      CREATE TABLE event_cursors (
        backend_id INTEGER PRIMARY KEY REFERENCES backends (id) ON DELETE CASCADE,
        cursor TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE event_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_time ON events (occurred_at, id);
    `);
  },
};
