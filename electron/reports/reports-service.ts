import type { SignOff } from '../../shared/contract/reports.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { createTranslator, type Lang } from '../../shared/i18n/index.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { DoorTestsTable } from '../store/door-tests-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { siteReportData } from './report-data.ts';
import { siteReportHtml } from './report-html.ts';

/** The site's commissioning report: its data read from the tables, written out in one language. */
export class ReportsService {
  private readonly deps: { sites: SitesTable; backends: BackendsService; inventory: InventoryTable; doorTests: DoorTestsTable };

  constructor(deps: { sites: SitesTable; backends: BackendsService; inventory: InventoryTable; doorTests: DoorTestsTable }) {
    this.deps = deps;
  }

  siteHtml(siteId: SiteId, lang: Lang, signOff?: SignOff): { html: string; title: string } {
    return siteReportHtml(siteReportData(siteId, this.deps), createTranslator(lang), lang, signOff);
  }
}
