import type { Migration } from '../migrate.ts';

/**
 * Repeats of an open alarm (issue 15 item 3): a stranger at the same door while the first stranger
 * alarm is still unacknowledged adds to it (how many more times, and when last) instead of raising
 * another banner and sound. Once acknowledged, the next one raises a new alarm. The index finds a
 * door's open alarm of a class, and the newest one of a class for the rules.
 */
export const alarmRepeats: Migration = {
  version: 20,
  name: 'alarm-repeats',
  up(db) {
    db.exec(`
      ALTER TABLE alarms ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE alarms ADD COLUMN last_occurred_at TEXT;
      CREATE INDEX alarms_source ON alarms (backend_id, alarm_class, door_id, id);
    `);
  },
};
