import type { Backend, Inventory } from '../../shared/contract/backends.ts';
import type { DoorTestResult } from '../../shared/contract/door-tests.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { Site, SiteId } from '../../shared/contract/sites.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { DoorTestsTable } from '../store/door-tests-table.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import type { SitesTable } from '../store/sites-table.ts';

export interface SiteReportData {
  readonly site: Site;
  readonly generatedAt: string;
  /** The IANA zone every time in the report is written in: the site's (see siteTimeZone). */
  readonly timeZone: string;
  readonly backends: readonly { readonly backend: Backend; readonly inventory: Inventory | null; readonly tests: readonly DoorTestResult[] }[];
}

/** The site's time zone (Sites page, `sites timezone`); a site from before its zone was stored cannot reach here without one (migration 011). */
function siteTimeZone(site: Site): string {
  return site.timeZone;
}

/** What the commissioning report shows, all from the local store (it works offline). */
export function siteReportData(siteId: SiteId, deps: { sites: SitesTable; backends: BackendsService; inventory: InventoryTable; doorTests: DoorTestsTable }): SiteReportData {
  const site = deps.sites.get(siteId);
  if (!site) throw new ApiError('site_not_found', `There is no site ${siteId}.`, { id: siteId });
  const tests = deps.doorTests.list(siteId);
  return {
    site,
    generatedAt: new Date().toISOString(),
    timeZone: siteTimeZone(site),
    backends: deps.backends.list(siteId).map((backend) => ({
      backend,
      inventory: deps.inventory.load(backend.id),
      tests: tests.filter((t) => t.backendId === backend.id),
    })),
  };
}
