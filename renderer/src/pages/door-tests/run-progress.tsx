import { useTranslation } from 'react-i18next';
import { doorTestRunsStore, useDoorTestRuns } from '../../stores/door-test-runs.ts';
import { useErrorText } from '../../use-error-text.ts';
import { StepList } from './step-list.tsx';

/** The batch being run (or the last one): overall progress, the current door's steps live, Cancel. */
export function RunProgress() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const batch = useDoorTestRuns((s) => s.batch);
  const steps = useDoorTestRuns((s) => s.liveSteps);
  const cancelling = useDoorTestRuns((s) => s.cancelling);
  if (!batch) return null;

  const running = batch.state === 'running';
  const summary = running
    ? t('doorTests.progress', { current: Math.min(batch.done + 1, batch.total), total: batch.total, door: batch.current?.doorName ?? '' })
    : batch.state === 'cancelled'
      ? t('doorTests.stopped', { done: batch.done, count: batch.total })
      : t('doorTests.finished', { count: batch.total });

  return (
    <section className="card run-progress" aria-labelledby="run-progress-title" aria-busy={running} data-testid="doortest-run-panel" data-state={batch.state}>
      <div className="run-progress-head">
        <h2 id="run-progress-title" className="card-title">
          {t('doorTests.progressTitle')}
        </h2>
        {running && (
          <button type="button" className="button button-danger-quiet" disabled={cancelling} data-testid="doortest-cancel" onClick={() => void doorTestRunsStore.getState().cancel()}>
            {cancelling ? t('doorTests.cancelling') : t('doorTests.cancel')}
          </button>
        )}
      </div>
      <progress className="run-progress-bar" value={batch.done} max={batch.total} aria-label={summary} data-testid="doortest-progress" />
      <p className="run-progress-summary" role="status">
        {summary}
      </p>
      {steps.length > 0 ? <StepList steps={steps} testId="doortest-steps" /> : running && <p className="hint">{t('doorTests.waitingForSteps')}</p>}
      {batch.failures.length > 0 && (
        <ul className="run-failures" role="alert">
          {batch.failures.map((failure) => (
            <li key={failure.doorId} className="field-error" data-testid="doortest-failure">
              {t('doorTests.runFailed', { door: failure.doorName, error: errorText(failure.error) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
