import type { Migration } from '../migrate.ts';

/**
 * A visitor booked for a later day (issue 15 item 4): ZKBio takes such a visit as a reservation
 * (visReservation.add, §2.16), cancelled by deleting it, where today's visitor is registered.
 */
export const visitorsReserved: Migration = {
  version: 22,
  name: 'visitors-reserved',
  up(db) {
    db.exec('ALTER TABLE visitors ADD COLUMN reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved IN (0, 1));');
  },
};
