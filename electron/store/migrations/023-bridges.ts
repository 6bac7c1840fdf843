import type { Migration } from '../migrate.ts';

/**
 * The Zhejiang real-name platform bridge (issue 16 items 2, 3, 4): Doorman presents a site's gates
 * to the platform as its registered devices.
 *
 * - `bridges`: one per platform account of a site: the TCP and HTTPS addresses, the TLS trust, the
 *   credentials (accessId, accessKey, accessSecret) sealed by the secret box, the codec settings
 *   (switches, TCP layout and field numbers, heartbeat, frame limit, device version) as JSON.
 * - `bridge_devices`: the devices as registered with the platform (`sn`, unique per bridge), and
 *   `bridge_device_doors`: the site's doors (of any of its backends) each device stands for; a door
 *   stands for one device of a bridge at most, so a pass is reported once.
 * - `bridge_workers`: the platform's personId ↔ the Doorman person, per device it was loaded on.
 * - `bridge_tasks`: every taskid a heartbeat named (unique per device: heartbeats repeat ids) and
 *   how far it got, so a restart resumes a task rather than running it twice.
 * - `bridge_signins`: the attendance store-and-forward queue, one row per pass (UNIQUE backend_id +
 *   event_id); a row leaves the table when the platform acknowledged it.
 */
export const bridges: Migration = {
  version: 23,
  name: 'bridges',
  up(db) {
    db.exec(`
      CREATE TABLE bridges (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        tcp_host TEXT NOT NULL,
        tcp_port INTEGER NOT NULL CHECK (tcp_port BETWEEN 1 AND 65535),
        https_url TEXT NOT NULL,
        tls TEXT NOT NULL,                 -- JSON TlsOptions
        credentials_sealed TEXT NOT NULL,  -- secret box: JSON {accessId, accessKey, accessSecret}
        settings TEXT NOT NULL,            -- JSON BridgeSettings
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE bridge_devices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        bridge_id INTEGER NOT NULL REFERENCES bridges (id) ON DELETE CASCADE,
        sn TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (bridge_id, sn)
      ) STRICT;
      CREATE TABLE bridge_device_doors (
        device_id INTEGER NOT NULL REFERENCES bridge_devices (id) ON DELETE CASCADE,
        bridge_id INTEGER NOT NULL REFERENCES bridges (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        door_id TEXT NOT NULL,
        PRIMARY KEY (device_id, backend_id, door_id),
        UNIQUE (bridge_id, backend_id, door_id)
      ) STRICT;
      CREATE INDEX bridge_device_doors_door ON bridge_device_doors (backend_id, door_id);
      CREATE TABLE bridge_workers (
        device_id INTEGER NOT NULL REFERENCES bridge_devices (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL,          -- the platform's personId
        doorman_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (device_id, person_id)
      ) STRICT;
      CREATE INDEX bridge_workers_person ON bridge_workers (doorman_person_id);
      CREATE TABLE bridge_tasks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id INTEGER NOT NULL REFERENCES bridge_devices (id) ON DELETE CASCADE,
        taskid TEXT NOT NULL,
        apicode TEXT,
        param TEXT,                       -- JSON, as T_GET_TASKS gave it
        state TEXT NOT NULL CHECK (state IN ('received', 'fetched', 'running', 'done', 'failed', 'unsupported', 'reported')),
        current_page INTEGER,
        total_page INTEGER,
        failed_persons TEXT,              -- JSON array
        failed_faces TEXT,                -- JSON array
        error TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        reported_at TEXT,
        UNIQUE (device_id, taskid)
      ) STRICT;
      CREATE INDEX bridge_tasks_open ON bridge_tasks (device_id, state, id);
      CREATE TABLE bridge_signins (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id INTEGER NOT NULL REFERENCES bridge_devices (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        person_id TEXT NOT NULL,
        record_time INTEGER NOT NULL,     -- epoch ms
        type TEXT NOT NULL,
        temperature REAL,
        photo_ref TEXT,                   -- where the captured face is (not the bytes)
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at INTEGER NOT NULL, -- epoch ms
        enqueued_at INTEGER NOT NULL,     -- epoch ms
        UNIQUE (backend_id, event_id)
      ) STRICT;
      CREATE INDEX bridge_signins_due ON bridge_signins (device_id, record_time, id);
    `);
  },
};
