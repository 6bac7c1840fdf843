import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Targets } from '../../components/target-picker.tsx';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { importStore, useImports } from '../../stores/imports.ts';
import { useSites } from '../../stores/sites.ts';
import { ImportFiles } from './import-files.tsx';
import { ImportRun } from './import-run.tsx';
import { ImportSummary } from './import-summary.tsx';
import { ImportTargets } from './import-targets.tsx';
import { PeopleExport } from './people-export.tsx';
import './import.css';

/** Bulk import from a CSV/XLSX table and a folder of photos: dry run, targets, import, rejected rows; people export. */
export function ImportPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const plan = useImports((s) => s.plan);
  // Kept here, not in the summary, so the filter outlives a re-check (the summary goes while the table is checked again).
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [chosen, setChosen] = useState<{ siteId: number | null; targets: Targets }>({ siteId: null, targets: {} });
  const targets = chosen.siteId === siteId ? chosen.targets : {};
  const setTargets = (next: Targets) => setChosen({ siteId, targets: next });

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    // The import belongs to the site it was checked for; another site starts afresh.
    const state = importStore.getState();
    if (state.siteId !== null && state.siteId !== siteId) state.reset();
  }, [siteId]);
  useEffect(() => importStore.getState().watch(), []);

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('importPage.title')}</h1>
        <p className="empty">{t('importPage.noSite')}</p>
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('importPage.title')}</h1>
        <p className="page-intro">{t('importPage.intro')}</p>
      </header>
      <ImportFiles siteId={siteId} />
      {plan ? (
        <>
          <ImportSummary plan={plan} backends={backends} errorsOnly={errorsOnly} onErrorsOnly={setErrorsOnly} />
          <ImportTargets backends={backends} targets={targets} onChange={setTargets} />
          <ImportRun plan={plan} targets={targets} />
        </>
      ) : null}
      <PeopleExport siteId={siteId} />
    </div>
  );
}
