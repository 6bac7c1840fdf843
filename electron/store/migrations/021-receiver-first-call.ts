import type { Migration } from '../migrate.ts';

/**
 * When the backend first called a receiver's URL (issue 15): a receiver whose URL the installer
 * types into the vendor's software (K30) is only a real-time stream once the vendor calls it. Kept
 * with the URL it is about, so a receiver started again at the same URL is known to be called
 * (the vendor keeps calling it); cleared when the URL changes.
 */
export const receiverFirstCall: Migration = {
  version: 21,
  name: 'receiver-first-call',
  up(db) {
    db.exec('ALTER TABLE receiver_endpoints ADD COLUMN first_called_at TEXT');
  },
};
