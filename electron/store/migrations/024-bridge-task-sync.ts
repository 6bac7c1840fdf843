import type { Migration } from '../migrate.ts';

/**
 * Platform tasks carried out for real (issue 16 item 3):
 *
 * - `bridge_tasks.state` gains `syncing`: the work is done on Doorman's side (people queued in the
 *   outbox) and the task waits for those writes to be done or failed on the backends before it is
 *   reported. The table is rebuilt (SQLite cannot change a CHECK in place); rows are kept as they are.
 * - `bridge_workers.enrolled_task`: the task (bridge_tasks.id) that last enrolled the worker on the
 *   device, so a page cut short and resumed skips the workers that task already queued, and the
 *   wait knows which workers' writes belong to the task.
 * - `bridge_devices.access_levels`: JSON `[{backendId, accessLevelIds}]`, the access levels the
 *   device's workers get on each backend (none set for a backend: that backend's levels covering the
 *   device's doors).
 */
export const bridgeTaskSync: Migration = {
  version: 24,
  name: 'bridge-task-sync',
  up(db) {
    db.exec(`
      CREATE TABLE bridge_tasks_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id INTEGER NOT NULL REFERENCES bridge_devices (id) ON DELETE CASCADE,
        taskid TEXT NOT NULL,
        apicode TEXT,
        param TEXT,
        state TEXT NOT NULL CHECK (state IN ('received', 'fetched', 'running', 'syncing', 'done', 'failed', 'unsupported', 'reported')),
        current_page INTEGER,
        total_page INTEGER,
        failed_persons TEXT,
        failed_faces TEXT,
        error TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        reported_at TEXT,
        UNIQUE (device_id, taskid)
      ) STRICT;
      INSERT INTO bridge_tasks_next SELECT * FROM bridge_tasks;
      DROP TABLE bridge_tasks;
      ALTER TABLE bridge_tasks_next RENAME TO bridge_tasks;
      CREATE INDEX bridge_tasks_open ON bridge_tasks (device_id, state, id);
      ALTER TABLE bridge_workers ADD COLUMN enrolled_task INTEGER;
      CREATE INDEX bridge_workers_task ON bridge_workers (enrolled_task);
      ALTER TABLE bridge_devices ADD COLUMN access_levels TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
