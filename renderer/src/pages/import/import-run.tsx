import { useTranslation } from 'react-i18next';
import { targetList, type Targets } from '../../components/target-picker.tsx';
import { hrefFor } from '../../routes.ts';
import { importStore, useImports, type ImportPlan } from '../../stores/imports.ts';

/** Step 4: the import itself onto the chosen targets, its progress, cancel, and the outcome with a link to the sync queue. */
export function ImportRun({ plan, targets }: { plan: ImportPlan; targets: Targets }) {
  const { t } = useTranslation();
  const phase = useImports((s) => s.phase);
  const progress = useImports((s) => s.progress);
  const result = useImports((s) => s.result);

  return (
    <section className="card" aria-labelledby="import-run-title">
      <h2 className="card-title" id="import-run-title">
        {t('importPage.importStep')}
      </h2>
      <div className="import-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="import-run"
          disabled={phase !== 'planned' || plan.planned === 0}
          onClick={() => void importStore.getState().run(targetList(targets))}
        >
          {phase === 'running' ? t('importPage.running') : t('importPage.run', { count: plan.planned })}
        </button>
        {progress && (phase === 'running' || phase === 'done') ? (
          <>
            <progress className="import-bar" value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('importPage.progressLabel')} data-testid="import-progress" data-done={progress.done} data-total={progress.total} />
            <span className="hint">{t('importPage.progress', { done: progress.done, total: progress.total })}</span>
          </>
        ) : null}
        {phase === 'running' ? (
          <button type="button" className="button" data-testid="import-cancel" onClick={() => void importStore.getState().cancelRun()}>
            {t('importPage.cancel')}
          </button>
        ) : null}
      </div>
      {result ? (
        <p role="status" data-testid="import-result" data-imported={result.imported} data-rejected={result.rejected} data-cancelled={result.cancelled}>
          {t(result.cancelled ? 'importPage.resultCancelled' : 'importPage.result', { imported: result.imported, rejected: result.rejected })}{' '}
          <a href={hrefFor('sync')} data-testid="import-sync-queue">
            {t('importPage.syncQueue')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
