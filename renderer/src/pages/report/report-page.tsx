import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n.ts';
import { hrefFor } from '../../routes.ts';
import { reportStore, useReport } from '../../stores/report.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import './report.css';
import { ReportView } from './report-view.tsx';

/** The current site's commissioning report, in the UI language, to read, print or save as PDF. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const html = useReport((s) => s.html);
  const loading = useReport((s) => s.loading);
  const error = useReport((s) => s.error);
  const lang = currentLang();

  // i18n.language is the dependency that follows a language switch.
  useEffect(() => {
    if (siteId !== null) void reportStore.getState().load(siteId, lang);
  }, [siteId, lang, i18n.language]);

  return (
    <div className="page report-page">
      <header className="page-header">
        <h1 className="page-title">{t('reportPage.title')}</h1>
        <p className="page-intro">{t('reportPage.intro')}</p>
      </header>

      {siteId === null ? (
        <p className="card empty" data-testid="report-no-site">
          {t('reportPage.noSite')} <a href={hrefFor('sites')}>{t('nav.sites')}</a>
        </p>
      ) : (
        <>
          <div className="report-toolbar">
            <button type="button" className="button" disabled={loading} data-testid="report-refresh" onClick={() => void reportStore.getState().load(siteId, lang)}>
              {t('reportPage.refresh')}
            </button>
            {/* In a browser this is the print dialog (Save as PDF is one of its printers); the
                print stylesheet in report.css leaves only the report on the page. */}
            <button type="button" className="button button-primary" disabled={html === null} data-testid="report-print" onClick={() => window.print()}>
              {t('reportPage.print')}
            </button>
            {loading && <span className="hint">{t('reportPage.loading')}</span>}
          </div>
          {error && (
            <div className="alert alert-error" role="alert" data-testid="page-error">
              <p className="alert-text">{errorText(error)}</p>
            </div>
          )}
          {html !== null && <ReportView html={html} label={t('reportPage.frameLabel')} />}
        </>
      )}
    </div>
  );
}
