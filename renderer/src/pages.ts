import type { ComponentType } from 'react';
import { BackendsPage } from './pages/backends/backends-page.tsx';
import { BridgePage } from './pages/bridge/bridge-page.tsx';
import { EnrollPage } from './pages/enroll/enroll-page.tsx';
import { HistoryPage } from './pages/history/history-page.tsx';
import { LivePage } from './pages/live/live-page.tsx';
import { ImportPage } from './pages/import/import-page.tsx';
import { PeoplePage } from './pages/people/people-page.tsx';
import { DoorTestsPage } from './pages/door-tests/door-tests-page.tsx';
import { ReportPage } from './pages/report/report-page.tsx';
import { ScanPage } from './pages/scan/scan-page.tsx';
import { SettingsPage } from './pages/settings/settings-page.tsx';
import { SitesPage } from './pages/sites/sites-page.tsx';
import { SyncPage } from './pages/sync/sync-page.tsx';
import { VisitorsPage } from './pages/visitors/visitors-page.tsx';
import { WorkbenchPage } from './pages/workbench/workbench-page.tsx';

/** One page of the app: its route (`#/<id>`), its navigation label and what it renders. */
interface Page {
  readonly id: string;
  /** Catalog key of the navigation label. */
  readonly navKey: string;
  readonly Component: ComponentType;
}

/**
 * The pages that exist, in navigation order; the first is the start page. A new capability adds
 * its page here and nowhere else: the navigation, the routes and the test ids (`nav-<id>`) follow.
 */
export const PAGES: readonly Page[] = [
  { id: 'sites', navKey: 'nav.sites', Component: SitesPage },
  { id: 'scan', navKey: 'nav.scan', Component: ScanPage },
  { id: 'backends', navKey: 'nav.backends', Component: BackendsPage },
  { id: 'enroll', navKey: 'nav.enroll', Component: EnrollPage },
  { id: 'people', navKey: 'nav.people', Component: PeoplePage },
  { id: 'import', navKey: 'nav.import', Component: ImportPage },
  { id: 'sync', navKey: 'nav.sync', Component: SyncPage },
  { id: 'door-tests', navKey: 'nav.doorTests', Component: DoorTestsPage },
  { id: 'visitors', navKey: 'visitors.nav', Component: VisitorsPage },
  { id: 'report', navKey: 'nav.report', Component: ReportPage },
  { id: 'live', navKey: 'live.nav', Component: LivePage },
  { id: 'history', navKey: 'history.nav', Component: HistoryPage },
  { id: 'bridge', navKey: 'bridgePage.nav', Component: BridgePage },
  { id: 'workbench', navKey: 'nav.workbench', Component: WorkbenchPage },
  { id: 'settings', navKey: 'nav.settings', Component: SettingsPage },
];

export function findPage(id: string): Page | undefined {
  return PAGES.find((page) => page.id === id);
}
