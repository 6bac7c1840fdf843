import { useEffect, useState } from 'react';
import type { SignOff } from '../../../../shared/contract/reports.ts';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n.ts';
import { hrefFor } from '../../routes.ts';
import { localNameMemory } from '../../stores/door-test-setup.ts';
import { reportStore, useReport } from '../../stores/report.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import './report.css';
import { ReportView } from './report-view.tsx';
import { SignOffFields } from './sign-off-fields.tsx';

/** How long typing in a signer field rests before the report is prepared again. */
const RETYPE_MS = 300;

/** The current site's commissioning report, in the UI language, to read, print or save as PDF. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const html = useReport((s) => s.html);
  const loading = useReport((s) => s.loading);
  const error = useReport((s) => s.error);
  const site = useSites((s) => s.sites.find((x) => x.id === s.currentSiteId) ?? null);
  const lang = currentLang();
  const [signOff, setSignOff] = useState<SignOff>(() => ({ installer: localNameMemory().read(), customer: '' }));

  // i18n.language is the dependency that follows a language switch; a name being typed waits a moment.
  useEffect(() => {
    if (siteId === null) return;
    const timer = setTimeout(() => void reportStore.getState().load(siteId, lang, signOff), RETYPE_MS);
    return () => clearTimeout(timer);
  }, [siteId, lang, i18n.language, signOff, site?.address]);

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
            <button type="button" className="button" disabled={loading} data-testid="report-refresh" onClick={() => void reportStore.getState().load(siteId, lang, signOff)}>
              {t('reportPage.refresh')}
            </button>
            {/* In a browser this is the print dialog (Save as PDF is one of its printers); the
                print stylesheet in report.css leaves only the report on the page. */}
            <button type="button" className="button button-primary" disabled={html === null} data-testid="report-print" onClick={() => window.print()}>
              {t('reportPage.print')}
            </button>
            {loading && <span className="hint">{t('reportPage.loading')}</span>}
          </div>
          <SignOffFields value={signOff} onChange={setSignOff} addressMissing={site !== null && site.address === ''} />
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
