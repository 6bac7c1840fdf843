/** The backoff lives with the drivers (a device session reconnects with it too); the sync and events services import it from here. */
export { backoffMs } from '../drivers/backoff.ts';
