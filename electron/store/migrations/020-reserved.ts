import type { Migration } from '../migrate.ts';

/**
 * Reserved for another part of issue 15 (engineer P's migration 020), so 021 can follow: versions
 * must be consecutive. At the merge, P's 020 replaces this file; without one, it stays as it is.
 */
export const reserved020: Migration = {
  version: 20,
  name: 'reserved-020',
  up() {
    // Nothing: the number is kept for P's step.
  },
};
