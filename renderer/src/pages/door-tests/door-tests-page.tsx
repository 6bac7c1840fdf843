import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../routes.ts';
import { doorTestRunsStore } from '../../stores/door-test-runs.ts';
import { doorTestSetupStore } from '../../stores/door-test-setup.ts';
import { useSites } from '../../stores/sites.ts';
import './door-tests.css';
import { DoorTestSetup } from './door-test-setup.tsx';
import { ResultsTable } from './results-table.tsx';
import { RunProgress } from './run-progress.tsx';

/** Door tests of the current site: choose doors and a test, run it with live progress, keep the verdicts. */
export function DoorTestsPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);

  useEffect(() => {
    if (siteId === null) return;
    void doorTestSetupStore.getState().load(siteId);
    void doorTestRunsStore.getState().loadResults(siteId);
  }, [siteId]);

  return (
    <div className="page door-tests-page">
      <header className="page-header">
        <h1 className="page-title">{t('doorTests.title')}</h1>
        <p className="page-intro">{t('doorTests.intro')}</p>
      </header>
      {siteId === null ? (
        <p className="card empty" data-testid="doortest-no-site">
          {t('doorTests.noSite')} <a href={hrefFor('sites')}>{t('nav.sites')}</a>
        </p>
      ) : (
        <>
          <DoorTestSetup />
          <RunProgress />
          <ResultsTable />
        </>
      )}
    </div>
  );
}
