import type { Migration } from '../migrate.ts';

/** Inventory kinds, one table each, all of the same form. */
const INVENTORY_TABLES = ['devices', 'doors', 'readers', 'access_levels', 'departments'] as const;
export type InventoryTable = (typeof INVENTORY_TABLES)[number];

export const backends: Migration = {
  version: 2,
  name: 'backends and inventory',
  up(db) {
    db.exec(`
      CREATE TABLE backends (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        site_id INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
        vendor TEXT NOT NULL CHECK (vendor IN ('zkbio', 'hongtu', 'k30', 'zhejiang')),
        name TEXT NOT NULL,
        base_url TEXT NOT NULL,
        tls TEXT NOT NULL,                -- JSON TlsOptions
        credentials_sealed TEXT NOT NULL, -- JSON of the vendor's credential fields, sealed by the secret box
        credential_fields TEXT NOT NULL,  -- JSON array of their names (shown, never the values)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_test TEXT,                   -- JSON ConnectionTest
        inventory_at TEXT
      ) STRICT;
      CREATE INDEX backends_site ON backends (site_id);
    `);
    for (const table of INVENTORY_TABLES) {
      // Items the backend no longer lists are marked removed, not deleted: door-test history
      // (a later migration) keeps pointing at them.
      db.exec(`
        CREATE TABLE ${table} (
          id INTEGER PRIMARY KEY,
          backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
          remote_id TEXT NOT NULL,
          name TEXT NOT NULL,
          data TEXT NOT NULL,               -- JSON in Doorman's common shape
          seen_at TEXT NOT NULL,
          removed_at TEXT,
          UNIQUE (backend_id, remote_id)
        ) STRICT;
      `);
    }
  },
};
