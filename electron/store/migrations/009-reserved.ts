import type { Migration } from '../migrate.ts';

/**
 * Version 9 is issue 12's other branch (issue12-b's people columns); this branch needs only 10.
 * Versions must go 1, 2, 3…, so this stands in for it here and does nothing: at the merge, issue12-b's
 * 009 replaces this file. (A development database migrated on this branch alone would have 9
 * recorded as done; start such a database afresh after the merge.)
 */
export const reserved9: Migration = {
  version: 9,
  name: 'reserved-9',
  up() {},
};
