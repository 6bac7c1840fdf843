import type { ComponentType } from 'react';
import { SettingsPage } from './pages/settings/settings-page.tsx';
import { SitesPage } from './pages/sites/sites-page.tsx';

/** One page of the app: its route (`#/<id>`), its navigation label and what it renders. */
export interface Page {
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
  { id: 'settings', navKey: 'nav.settings', Component: SettingsPage },
];

export function findPage(id: string): Page | undefined {
  return PAGES.find((page) => page.id === id);
}
