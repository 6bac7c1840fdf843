import type { Migration } from '../migrate.ts';

/**
 * The history's searches (issue 15 item 5): events of a backend by the instant their time means
 * (`unixepoch` reads ISO times with a zone and the vendors' zone-less `yyyy-MM-dd HH:mm:ss`), so a
 * time range over a million events is an index range, not a scan (electron/store/event-search.ts).
 */
export const eventSearch: Migration = {
  version: 17,
  name: 'event-search',
  up(db) {
    db.exec(`CREATE INDEX IF NOT EXISTS events_backend_instant ON events (backend_id, unixepoch(occurred_at));`);
  },
};
