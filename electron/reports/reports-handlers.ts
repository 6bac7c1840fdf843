import type { reportsMethods } from '../../shared/contract/reports.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { ReportsService } from './reports-service.ts';

/** The `reports.*` methods (shared/contract/reports.ts). */
export function reportsHandlers(reports: ReportsService): AreaHandlers<typeof reportsMethods> {
  return {
    'reports.siteHtml': ({ siteId, lang, signOff }) => reports.siteHtml(siteId, lang, signOff),
  };
}
