import type { Migration } from '../migrate.ts';

/**
 * The workers a T_DEL_DEVICE_PERSON / T_CLEAR_DEVICE_PERSON took off its device (issue 16 item 3),
 * as a JSON array of platform personIds: while the task is `syncing` the runner waits for their
 * delete writes on the device's backends, and after a restart it reads them from here to wait again.
 * Their own column, beside the platform's `param` (which a platform may well send with a delete).
 */
export const bridgeTaskLeaving: Migration = {
  version: 27,
  name: 'bridge-task-leaving',
  up(db) {
    db.exec(`ALTER TABLE bridge_tasks ADD COLUMN leaving TEXT`);
  },
};
