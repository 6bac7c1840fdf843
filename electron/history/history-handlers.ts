import type { historyMethods } from '../../shared/contract/history.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { HistoryService } from './history-service.ts';

/** The `history.*` methods (shared/contract/history.ts). */
export function historyHandlers(history: HistoryService): AreaHandlers<typeof historyMethods> {
  return {
    'history.search': (input) => history.search(input),
    'history.day': ({ siteId, date }) => history.day(siteId, date),
    'history.export': ({ format, lang, ...filters }) => history.export(filters, format, lang),
  };
}
