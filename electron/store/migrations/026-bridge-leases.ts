import type { Migration } from '../migrate.ts';

/**
 * One runner per bridge (issue 16 item 2): whoever runs a bridge (the desktop app or web server in
 * the background, or `bridge run` in a terminal) holds its lease, renewed while it runs. Another
 * process finding it held does not run the bridge: two runners would open two TCP sessions per
 * device and do each task twice. `pid` + `host` name the holder: one whose pid is gone on this host
 * (killed, crashed) is taken over at once; one from elsewhere once `renewed_at` is old.
 */
export const bridgeLeases: Migration = {
  version: 26,
  name: 'bridge-leases',
  up(db) {
    db.exec(`
      CREATE TABLE bridge_leases (
        bridge_id INTEGER PRIMARY KEY REFERENCES bridges (id) ON DELETE CASCADE,
        holder TEXT NOT NULL CHECK (holder IN ('app', 'terminal')),
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        since TEXT NOT NULL,
        renewed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

