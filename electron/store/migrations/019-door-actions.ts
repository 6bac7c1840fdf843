import type { Migration } from '../migrate.ts';

/**
 * The door actions' audit log (issue 15 item 2): every open, close and mode change a guard asks
 * for, written before the backend is called (`started`) and updated with its result, so an action
 * cut short by a crash still shows. Station is the computer's host name, guard the guard on duty.
 */
export const doorActions: Migration = {
  version: 19,
  name: 'door-actions',
  up(db) {
    db.exec(`
      CREATE TABLE door_actions (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        door_id TEXT NOT NULL,
        door_name TEXT,
        action TEXT NOT NULL CHECK (action IN ('open', 'close', 'normally-open', 'normally-closed', 'normal')),
        seconds INTEGER,
        station TEXT NOT NULL,
        guard TEXT,
        started_at TEXT NOT NULL,   -- ISO 8601, UTC
        finished_at TEXT,
        result TEXT NOT NULL CHECK (result IN ('started', 'ok', 'failed')),
        error_code TEXT,
        error_message TEXT
      ) STRICT;
      CREATE INDEX door_actions_by_site ON door_actions (site_id, started_at);
    `);
  },
};
