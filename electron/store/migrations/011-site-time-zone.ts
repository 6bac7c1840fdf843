import type { Migration } from '../migrate.ts';
import { localTimeZone } from '../../../shared/i18n/format-time.ts';

/**
 * A site's time zone (IANA name), the zone every time is shown in for that site. Sites that exist
 * before this step get the zone of the computer opening the database: the one their times were
 * shown in until now, so nothing shifts. Stored as a name rather than '' ("this computer's") so a
 * data folder copied to a laptop in another zone still shows the site's own times.
 */
export const siteTimeZone: Migration = {
  version: 11,
  name: 'site-time-zone',
  up(db) {
    db.exec(`ALTER TABLE sites ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'`);
    db.prepare('UPDATE sites SET time_zone = ?').run(localTimeZone());
  },
};
