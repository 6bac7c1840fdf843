import type { outboxMethods } from '../../shared/contract/people.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { OutboxService } from './outbox-service.ts';
import { queued, type SyncWake } from './queued.ts';

/** The `outbox.*` methods (shared/contract/people.ts, `outboxMethods`). */
export function outboxHandlers(outbox: OutboxService, sync: SyncWake): AreaHandlers<typeof outboxMethods> {
  return {
    'outbox.list': ({ siteId, state }) => ({ entries: outbox.list({ siteId, state }) }),
    'outbox.retry': ({ id }) => queued(sync, outbox.retry(id)),
    'outbox.cancel': ({ id }) => outbox.cancel(id),
    'outbox.deviceResults': ({ siteId }) => ({ results: outbox.deviceResults(siteId) }),
  };
}
