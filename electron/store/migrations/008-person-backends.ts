import type { Migration } from '../migrate.ts';

export const personBackends: Migration = {
  version: 8,
  name: 'person backends',
  up(db) {
    db.exec(`
      -- Every backend a person was sent to, whatever the latest enrollment, edit or import targeted:
      -- a delete goes to all of them. (Schema 7 kept only the latest targets, so a person imported
      -- to ZKBio and Hongtu, then again to ZKBio only, was deleted from ZKBio only.)
      CREATE TABLE person_backends (
        person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        access_level_ids TEXT NOT NULL,  -- JSON array: the levels / groups last sent there
        PRIMARY KEY (person_id, backend_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX person_backends_backend ON person_backends (backend_id);

      -- The people of schema 7: the backends of their latest targets…
      INSERT OR IGNORE INTO person_backends (person_id, backend_id, access_level_ids)
      SELECT people.id, target.value ->> '$.backendId', coalesce(target.value -> '$.accessLevelIds', '[]')
      FROM people, json_each(people.targets) AS target
      WHERE EXISTS (SELECT 1 FROM backends WHERE backends.id = target.value ->> '$.backendId');

      -- …and every other backend their outbox history sent them to since the last delete there
      -- (newest write first, so its levels are the ones kept).
      INSERT OR IGNORE INTO person_backends (person_id, backend_id, access_level_ids)
      SELECT people.id, sent.backend_id, coalesce(sent.payload -> '$.accessLevelIds', '[]')
      FROM people JOIN outbox AS sent ON sent.site_id = people.site_id AND sent.pin = people.pin AND sent.action = 'upsert'
      WHERE NOT EXISTS (SELECT 1 FROM outbox AS later WHERE later.backend_id = sent.backend_id AND later.pin = sent.pin AND later.action = 'delete' AND later.id > sent.id)
      ORDER BY sent.id DESC;

      -- People deleted under schema 7 whose delete never went to some backend they were sent to
      -- (the case above): still there, with access. Their deletes are queued now; an older write
      -- for them still waiting is cancelled, as a new delete does.
      CREATE TEMP TABLE left_behind AS
      SELECT DISTINCT sent.site_id, sent.backend_id, sent.pin FROM outbox AS sent
      WHERE sent.action = 'upsert'
        AND NOT EXISTS (SELECT 1 FROM people WHERE people.site_id = sent.site_id AND people.pin = sent.pin)
        AND NOT EXISTS (SELECT 1 FROM outbox AS later WHERE later.backend_id = sent.backend_id AND later.pin = sent.pin AND later.action = 'delete' AND later.id > sent.id);
      UPDATE outbox SET state = 'cancelled', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE state IN ('pending', 'failed') AND EXISTS (SELECT 1 FROM left_behind WHERE left_behind.backend_id = outbox.backend_id AND left_behind.pin = outbox.pin);
      INSERT INTO outbox (site_id, backend_id, person_id, pin, action, payload, idempotency_key, state, attempts, next_try_at, created_at, updated_at)
      SELECT site_id, backend_id, NULL, pin, 'delete', '{}', 'migration-8-' || lower(hex(randomblob(16))), 'pending', 0, NULL,
             strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM left_behind ORDER BY backend_id, pin;
      DROP TABLE left_behind;

      ALTER TABLE people DROP COLUMN targets;
    `);
  },
};
