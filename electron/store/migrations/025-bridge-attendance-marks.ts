import type { Migration } from '../migrate.ts';

/**
 * The attendance catch-up mark of each Zhejiang bridge (issue 16 item 4): the last stored event
 * (events.id) the bridge's attendance has looked at. On start the bridge maps every pass stored
 * after its mark (the app was closed, the bridge disabled), then follows the live ones; the mark
 * moves in the same transaction as the records it queued, so a crash neither skips nor repeats.
 *
 * A new bridge starts at the newest event stored when it is added (the trigger): passes from before
 * the bridge existed are history the platform never asked for (its workers are loaded onto the
 * device by the platform's tasks afterwards, so none of those passes could be mapped anyway).
 * Bridges added before this step start at the newest event received before they were added.
 *
 * Also an index of the attendance record in flight per device: the queue's claim asks for it
 * before every send, and without the index that question read every queued row of the device
 * (a drain of n records cost n² row reads: 10,000 queued records drained at a few hundred a second).
 */
export const bridgeAttendanceMarks: Migration = {
  version: 25,
  name: 'bridge-attendance-marks',
  up(db) {
    db.exec(`
      CREATE TABLE bridge_attendance_marks (
        bridge_id INTEGER PRIMARY KEY REFERENCES bridges (id) ON DELETE CASCADE,
        event_rowid INTEGER NOT NULL,  -- events.id: every event up to it has been looked at
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO bridge_attendance_marks (bridge_id, event_rowid, updated_at)
        SELECT b.id, coalesce((SELECT max(e.id) FROM events e WHERE e.received_at < b.created_at), 0), b.created_at FROM bridges b;
      CREATE INDEX bridge_signins_in_flight ON bridge_signins (device_id) WHERE state = 'sending';
      CREATE TRIGGER bridge_attendance_mark_new AFTER INSERT ON bridges
      BEGIN
        INSERT INTO bridge_attendance_marks (bridge_id, event_rowid, updated_at)
          VALUES (NEW.id, coalesce((SELECT max(id) FROM events), 0), NEW.created_at);
      END;
    `);
  },
};
