import type { Migration } from '../migrate.ts';

export const outboxClaims: Migration = {
  version: 7,
  name: 'outbox claims',
  up(db) {
    db.exec(`
      -- The sync engine sending an entry ('<pid>:<token>', see electron/sync/claim-owner.ts): a claim
      -- whose process is gone is recovered; one whose process runs is waited for.
      ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
      -- What due() walks: each backend's pending entries, oldest first.
      CREATE INDEX outbox_queue ON outbox (state, backend_id, id);

      -- Writes for one person on one backend go in order and the newest supersedes the rest. Version 6
      -- could leave an older write waiting beside a newer one (a 'sending' left by a killed sync was
      -- not superseded, then went back to pending): such a write is stale and is never sent now.
      UPDATE outbox SET state = 'cancelled', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      WHERE state IN ('pending', 'failed')
        AND EXISTS (SELECT 1 FROM outbox AS newer WHERE newer.backend_id = outbox.backend_id AND newer.pin = outbox.pin AND newer.id > outbox.id);
    `);
  },
};
