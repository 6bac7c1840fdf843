import type { Migration } from '../migrate.ts';

/**
 * Version 24 is engineer W's (issue 16, the task executor's state); this branch only holds its
 * place so that 25 can follow (versions are consecutive). At the merge, W's migration 24 replaces
 * this file; if W added none, this empty step stays and changes nothing.
 */
export const reserved24: Migration = {
  version: 24,
  name: 'reserved-24',
  up() {
    // nothing: see above
  },
};
