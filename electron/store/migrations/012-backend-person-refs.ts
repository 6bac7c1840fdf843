import type { Migration } from '../migrate.ts';

/**
 * The backend's own id for each person Doorman sent it, by personnel number: K30 addresses a person
 * by the `no` people.create returns, not by the job number (Doorman's pin) it requires (issue 14
 * item 4). Kept so re-enrolling updates the person instead of adding a second one; goes with the
 * backend (ON DELETE CASCADE).
 */
export const backendPersonRefs: Migration = {
  version: 12,
  name: 'backend-person-refs',
  up(db) {
    db.exec(`
      CREATE TABLE backend_person_refs (
        backend_id INTEGER NOT NULL REFERENCES backends (id) ON DELETE CASCADE,
        pin TEXT NOT NULL,
        ref TEXT NOT NULL,  -- the backend's id of the person (K30: people.create's no)
        PRIMARY KEY (backend_id, pin)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
