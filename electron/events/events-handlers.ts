import type { eventsMethods } from '../../shared/contract/events.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { EventsService } from './events-service.ts';

/** The `events.*` methods (shared/contract/events.ts). */
export function eventsHandlers(events: EventsService): AreaHandlers<typeof eventsMethods> {
  return {
    'events.streams': ({ siteId }) => ({ streams: events.streams(siteId) }),
    'events.retention.get': () => events.retention(),
    'events.retention.set': (retention) => events.setRetention(retention),
  };
}
