import type { Migration } from '../migrate.ts';

/**
 * Alarms (issue 15 item 3), kept forever with who acknowledged them, when, from which computer and
 * with what note. One per source: `source_key` is the event id for a vendor's alarm (the same event
 * by push and by poll raises one), the rule's own key for a rule's. No foreign key to backends: an
 * alarm outlives the backend it came from (its name is kept beside the id). The guard room's
 * settings (the guard on duty, the repeated-denials rule) are a key/value table.
 */
export const alarms: Migration = {
  version: 16,
  name: 'alarms',
  up(db) {
    db.exec(`
      CREATE TABLE alarms (
        id INTEGER PRIMARY KEY,
        site_id INTEGER NOT NULL,
        backend_id INTEGER NOT NULL,
        backend_name TEXT NOT NULL,
        source_key TEXT NOT NULL,
        alarm_class TEXT NOT NULL,
        reason_en TEXT NOT NULL,
        reason_zh TEXT NOT NULL,
        event_id TEXT,
        door_id TEXT,
        door_name TEXT,
        person_pin TEXT,
        person_name TEXT,
        occurred_at TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        ack_at TEXT,
        ack_by TEXT,
        ack_station TEXT,
        ack_note TEXT,
        UNIQUE (backend_id, source_key)
      ) STRICT;
      CREATE INDEX alarms_site_open ON alarms (site_id, ack_at, id);
      CREATE INDEX alarms_site_raised ON alarms (site_id, id);
      CREATE TABLE guard_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
