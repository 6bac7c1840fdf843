import type { receiversMethods } from '../../shared/contract/backends.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { ReceiversService } from './receivers-service.ts';

/** The `receivers.*` methods (shared/contract/backends.ts, `receiversMethods`). */
export function receiversHandlers(receivers: ReceiversService): AreaHandlers<typeof receiversMethods> {
  return {
    'receivers.start': ({ backendId, host, port, signCheck }) => receivers.start(backendId, { host, port, signCheck }),
    'receivers.stop': ({ backendId }) => receivers.stop(backendId),
    'receivers.status': ({ backendId }) => receivers.status(backendId),
  };
}
