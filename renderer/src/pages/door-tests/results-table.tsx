import { useTranslation } from 'react-i18next';
import { doorTestRunsStore, useDoorTestRuns } from '../../stores/door-test-runs.ts';
import { useErrorText } from '../../use-error-text.ts';
import { ResultRow } from './result-row.tsx';

const COLUMNS = ['door', 'test', 'verdict', 'latency', 'time', 'installer', 'message'] as const;

/** Every stored door test of the site, newest first, each with its evidence on demand. */
export function ResultsTable() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const results = useDoorTestRuns((s) => s.results);
  const loading = useDoorTestRuns((s) => s.loading);
  const error = useDoorTestRuns((s) => s.error);
  const siteId = useDoorTestRuns((s) => s.siteId);

  return (
    <section className="card card-flush" aria-labelledby="door-test-results-title" aria-busy={loading}>
      <h2 id="door-test-results-title" className="card-title">
        {t('doorTests.resultsTitle')}
      </h2>
      {error && (
        <div className="alert alert-error results-error" role="alert">
          <p className="alert-text">{errorText(error)}</p>
          {siteId !== null && (
            <button type="button" className="button button-small" onClick={() => void doorTestRunsStore.getState().loadResults(siteId)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {results === null ? (
        <p className="empty">{loading ? t('common.loading') : ''}</p>
      ) : results.length === 0 ? (
        <p className="empty" data-testid="doortest-no-results">
          {t('doorTests.noResults')}
        </p>
      ) : (
        <table className="table results-table">
          <colgroup>
            {COLUMNS.map((column) => (
              <col key={column} className={`col-${column}`} />
            ))}
            <col className="col-toggle" />
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {t(`doorTests.columns.${column}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('doorTests.showEvidence')}</span>
              </th>
            </tr>
          </thead>
          {results.map((result) => (
            <ResultRow key={result.id} result={result} columns={COLUMNS.length + 1} />
          ))}
        </table>
      )}
    </section>
  );
}
