import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import { Badge } from '../../components/badge.tsx';
import { SEVERITY_TONES } from '../../components/tones.ts';
import { currentLang } from '../../i18n.ts';
import { importStore, type ImportPlan } from '../../stores/imports.ts';
import { DepartmentMapping } from './department-mapping.tsx';
import { ExistingPeople } from './existing-people.tsx';
import { saveFile as download } from './file-download.ts';
import { columnLabel, problemText, visibleProblems } from './import-logic.ts';
import { PlanPreview } from './plan-preview.tsx';

async function downloadRejected() {
  const file = await importStore.getState().rejectedCsv(currentLang());
  if (file) download(file);
}

/** Step 2: the dry run's counts, its problems by row (errors only on demand), departments, preview, updates and the rejected rows. */
export function ImportSummary({
  plan,
  backends,
  errorsOnly,
  onErrorsOnly,
}: {
  plan: ImportPlan;
  backends: readonly Backend[];
  errorsOnly: boolean;
  onErrorsOnly: (errorsOnly: boolean) => void;
}) {
  const { t } = useTranslation();
  const problems = useMemo(() => visibleProblems(plan.problems, errorsOnly), [plan, errorsOnly]);

  return (
    <section className="card" aria-labelledby="import-summary-title" data-testid="import-summary" data-planned={plan.planned} data-rejected={plan.rejected}>
      <h2 className="card-title" id="import-summary-title">
        {t('importPage.summaryTitle')}
      </h2>
      <dl className="import-counts">
        <div>
          <dt>{t('importPage.ready')}</dt>
          <dd data-testid="import-ready">{plan.planned}</dd>
        </div>
        <div>
          <dt>{t('importPage.newPeople')}</dt>
          <dd data-testid="import-new-people">{plan.newPeople}</dd>
        </div>
        <div>
          <dt>{t('importPage.updates')}</dt>
          <dd data-testid="import-updates-count">{plan.updates.length}</dd>
        </div>
        <div>
          <dt>{t('importPage.rejected')}</dt>
          <dd>{plan.rejected}</dd>
        </div>
        <div>
          <dt>{t('importPage.problems')}</dt>
          <dd>{plan.problems.length}</dd>
        </div>
        <div>
          <dt>{t('importPage.unmatched')}</dt>
          <dd>{plan.unmatchedPhotos.length}</dd>
        </div>
      </dl>
      {plan.faceCheck ? null : (
        <p className="hint" data-testid="import-face-check-off">
          {t('importPage.faceCheckOff')}
        </p>
      )}
      {plan.unmatchedPhotos.length > 0 ? (
        <p className="hint mono" data-testid="import-unmatched">
          {plan.unmatchedPhotos.join(', ')}
        </p>
      ) : null}
      {plan.problems.length === 0 ? (
        <p className="empty">{t('importPage.noProblems')}</p>
      ) : (
        <>
          <label className="choice import-filter">
            <input type="checkbox" data-testid="import-errors-only" checked={errorsOnly} onChange={(e) => onErrorsOnly(e.target.checked)} />
            {t('importPage.errorsOnly')}
          </label>
          <table className="table" data-testid="import-problems">
            <thead>
              <tr>
                <th>{t('importPage.column.row')}</th>
                <th>{t('importPage.column.column')}</th>
                <th>{t('importPage.column.severity')}</th>
                <th>{t('importPage.column.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={`${p.row}-${p.column?.letter ?? ''}-${p.code}-${i}`} data-testid="import-problem-row" data-row={p.row} data-column={p.column?.letter ?? ''} data-code={p.code} data-severity={p.severity}>
                  <td>{p.row}</td>
                  <td className="import-column">{columnLabel(p) ?? t('importPage.wholeRow')}</td>
                  <td>
                    <Badge tone={SEVERITY_TONES[p.severity]}>{t(p.severity === 'error' ? 'importPage.error' : 'importPage.warning')}</Badge>
                  </td>
                  <td>{problemText(t, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <DepartmentMapping departments={plan.departments} />
      <PlanPreview preview={plan.preview} backends={backends} />
      <ExistingPeople updates={plan.updates} backends={backends} />
      {plan.rejected > 0 ? (
        <button type="button" className="button" data-testid="import-rejected-download" onClick={() => void downloadRejected()}>
          {t('importPage.rejectedDownload')}
        </button>
      ) : null}
    </section>
  );
}
