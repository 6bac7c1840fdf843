import type { doorsMethods } from '../../shared/contract/doors.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { DoorsService } from './doors-service.ts';

/** The `doors.*` methods (shared/contract/doors.ts). */
export function doorsHandlers(doors: DoorsService): AreaHandlers<typeof doorsMethods> {
  return {
    'doors.list': ({ siteId }) => doors.list(siteId),
    'doors.open': ({ backendId, doorId, seconds }) => doors.open(backendId, doorId, seconds),
    'doors.close': ({ backendId, doorId }) => doors.close(backendId, doorId),
    'doors.setMode': ({ backendId, doorId, mode }) => doors.setMode(backendId, doorId, mode),
    'doors.actions': ({ siteId, from, to, limit }) => doors.actions(siteId, from, to, limit),
  };
}
