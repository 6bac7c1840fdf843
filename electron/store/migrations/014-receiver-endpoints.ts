import type { Migration } from '../migrate.ts';

/**
 * Where each backend's push receiver listens (issue 14 item 5): the address, port and secret path
 * token of its URL, kept so the URL stays the same from one start to the next — the URL an installer
 * typed into the K30 software must not change when Doorman restarts — and whether it should run
 * (started and not stopped: the app starts it again when it starts). Goes with the backend.
 */
export const receiverEndpoints: Migration = {
  version: 14,
  name: 'receiver-endpoints',
  up(db) {
    db.exec(`
      CREATE TABLE receiver_endpoints (
        backend_id INTEGER PRIMARY KEY REFERENCES backends (id) ON DELETE CASCADE,
        host TEXT NOT NULL,
        port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        token TEXT NOT NULL,
        sign_check TEXT NOT NULL CHECK (sign_check IN ('off', 'warn', 'strict')),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
      ) STRICT;
    `);
  },
};
