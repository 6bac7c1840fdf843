import type { Migration } from '../migrate.ts';

/**
 * Reserved: version 15 is the event pipeline's (issue 15, engineer F's branch). This empty step
 * only keeps the versions consecutive on the alarms branch; at the merge F's 015 replaces it.
 */
export const reservedEventsPipeline: Migration = {
  version: 15,
  name: 'reserved-events-pipeline',
  up() {
    // Nothing: see above.
  },
};
