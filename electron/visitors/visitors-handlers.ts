import type { visitorsMethods } from '../../shared/contract/visitors.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { VisitorsService } from './visitors-service.ts';

/** The `visitors.*` methods (shared/contract/visitors.ts). */
export function visitorsHandlers(visitors: VisitorsService): AreaHandlers<typeof visitorsMethods> {
  return {
    'visitors.register': (input) => visitors.register(input),
    'visitors.list': ({ siteId, date }) => visitors.list(siteId, date),
    'visitors.retry': ({ id }) => visitors.retry(id),
    'visitors.checkOut': ({ id }) => visitors.checkOut(id),
  };
}
