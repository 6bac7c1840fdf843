import type { Migration } from '../migrate.ts';

export const sites: Migration = {
  version: 1,
  name: 'sites',
  up(db) {
    db.exec(`
      CREATE TABLE sites (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        -- One name per site, ignoring case (ASCII): two "Block 3" sites would only confuse.
        name_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- The site every page works on; one row. Deleting that site clears the choice.
      CREATE TABLE current_site (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        site_id INTEGER REFERENCES sites (id) ON DELETE SET NULL
      ) STRICT;
      INSERT INTO current_site (singleton, site_id) VALUES (1, NULL);
    `);
  },
};
