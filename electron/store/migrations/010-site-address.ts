import type { Migration } from '../migrate.ts';

/** A site's postal address, printed in the commissioning report's sign-off block. Empty: not given yet. */
export const siteAddress: Migration = {
  version: 10,
  name: 'site-address',
  up(db) {
    db.exec(`ALTER TABLE sites ADD COLUMN address TEXT NOT NULL DEFAULT ''`);
  },
};
