import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { findPage, PAGES } from './pages.ts';
import { replaceRoute, useRoute } from './routes.ts';
import { ConnectionPanel } from './shell/connection-panel.tsx';
import { Header } from './shell/header.tsx';
import { followCoreChanges } from './shell/live-updates.ts';
import { Nav } from './shell/nav.tsx';
import { StatusRegion } from './shell/status-region.tsx';
import { connectionStore, useConnection, type ConnectionStatus } from './stores/connection.ts';
import { announce } from './stores/status.ts';
import { currentSiteTimeZone, sitesStore, useSites } from './stores/sites.ts';

/** The shell: header, navigation, the routed page (or the connection state), the live region. */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const status = useConnection((s) => s.status);
  const page = findPage(route) ?? PAGES[0];
  const previousStatus = useRef<ConnectionStatus>(status);
  // Pages format times with siteTimeZone() as they render: following the zone here re-renders the
  // page (no page is memoized) when the sites arrive or the current site's zone changes.
  useSites(currentSiteTimeZone);

  useEffect(() => {
    if (!findPage(route) && PAGES[0]) replaceRoute(PAGES[0].id);
  }, [route]);

  useEffect(() => connectionStore.getState().watch(), []);
  useEffect(() => sitesStore.getState().watch(), []);
  useEffect(() => followCoreChanges(), []);
  useEffect(() => {
    void connectionStore.getState().check();
  }, []);

  // On (re)connection, fetch what may have changed while we could not hear the events.
  useEffect(() => {
    const previous = previousStatus.current;
    previousStatus.current = status;
    if (status !== 'ready' || previous === 'ready') return;
    void sitesStore.getState().load();
    if (previous === 'unreachable') announce('connection.restored');
  }, [status]);

  const Page = page?.Component;
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(event) => {
        // A plain #main link would change our hash route; move focus instead.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('app.skipToContent')}
      </a>
      <Header />
      <Nav activeId={page?.id ?? ''} />
      <main id="main" className="app-main" tabIndex={-1}>
        {status === 'ready' && Page ? <Page /> : <ConnectionPanel />}
      </main>
      <StatusRegion />
    </div>
  );
}
