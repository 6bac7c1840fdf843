import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../routes.ts';
import { backendsStore } from '../../stores/backends.ts';
import { scanStore, useScan } from '../../stores/scan.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { ScanForm } from './scan-form.tsx';
import { ScanHistory } from './scan-history.tsx';
import { ScanResults } from './scan-results.tsx';
import './scan.css';

/** Scan the site's LAN: targets, progress, the systems found (added as backends from here), and earlier scans. */
export function ScanPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const sitesLoaded = useSites((s) => s.loaded);

  useEffect(() => scanStore.getState().watch(), []);
  useEffect(() => {
    void scanStore.getState().load(siteId);
    // The site's backends, so a server already added offers "Open it" instead of "Add as backend".
    void backendsStore.getState().load(siteId);
  }, [siteId]);

  return (
    <div className="page scan-page" data-testid="scan-page">
      <header className="page-header">
        <h1 className="page-title">{t('scanPage.title')}</h1>
        <p className="page-intro">{t('scanPage.intro')}</p>
      </header>
      {!sitesLoaded ? (
        <p className="hint">{t('common.loading')}</p>
      ) : siteId === null ? (
        <section className="card scan-no-site" data-testid="scan-no-site">
          <p>{t('scanPage.noSite')}</p>
          <a className="button button-primary" href={hrefFor('sites')}>
            {t('scanPage.goToSites')}
          </a>
        </section>
      ) : (
        <>
          <ScanForm />
          <PageError />
          <ScanResults />
          <ScanHistory />
        </>
      )}
    </div>
  );
}

/** Failures other than the form's own (loading, cancelling, opening or comparing scans). */
function PageError() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const error = useScan((s) => (s.error && s.error.action !== 'start' ? s.error : null));
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="scan-page-error">
      <p className="alert-text">{errorText(error.body)}</p>
      <div className="alert-actions">
        <button type="button" className="button button-small" onClick={() => scanStore.getState().clearError()}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}
