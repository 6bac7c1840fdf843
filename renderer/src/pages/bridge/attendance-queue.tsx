import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { durationWords } from '../../stores/bridge-words.ts';
import { useErrorText } from '../../use-error-text.ts';

/** Attendance queue (issue 16 item 5.6): depth, the oldest record's age, the failed records with their last error; retry all or one. */
export function AttendanceQueue() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queue = useBridge((s) => s.queue);
  const busy = useBridge((s) => s.busy);
  const done = useBridge((s) => s.done);
  const error = useBridge((s) => s.error);
  const lang = currentLang();
  const at = (ms: number) => formatDateTimeSeconds(new Date(ms).toISOString(), lang);
  const retry = (id?: number) => void bridgeStore.getState().retry(id);

  return (
    <section className="card bridge-queue" data-testid="bridge-queue">
      <h2 className="card-title">{t('bridgePage.queue.title')}</h2>
      {queue ? (
        <>
          <p data-testid="bridge-queue-depth" data-depth={queue.depth}>
            {queue.depth === 0 ? t('bridgePage.queue.empty') : t('bridgePage.queue.depth', { count: queue.depth })}{' '}
            {queue.oldestRecordTime !== null && queue.oldestAgeMs !== null
              ? t('bridgePage.queue.oldest', { time: at(queue.oldestRecordTime), age: t(durationWords(queue.oldestAgeMs, 'ago').key, durationWords(queue.oldestAgeMs, 'ago').values) })
              : null}
          </p>
          <h3 className="bridge-subtitle">{t('bridgePage.queue.failedTitle')}</h3>
          {queue.failed.length === 0 ? (
            <p className="hint" data-testid="bridge-queue-failed-none">
              {t('bridgePage.queue.failedNone')}
            </p>
          ) : (
            <>
              <div className="bridge-actions">
                <button type="button" className="button" data-testid="bridge-queue-retry-all" disabled={busy === 'retry'} onClick={() => retry()}>
                  {t('bridgePage.queue.retryAll')}
                </button>
              </div>
              <div className="bridge-table-wrap">
                <table className="table" data-testid="bridge-queue-failed">
                  <thead>
                    <tr>
                      <th>{t('bridgePage.queue.recordTime')}</th>
                      <th>{t('bridgePage.queue.device')}</th>
                      <th>{t('bridgePage.queue.person')}</th>
                      <th>{t('bridgePage.queue.attempts')}</th>
                      <th>{t('bridgePage.queue.lastError')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {queue.failed.map((record) => (
                      <tr key={record.id} data-testid="bridge-queue-row" data-id={record.id} data-person={record.personId}>
                        <td>{at(record.recordTime)}</td>
                        <td className="mono">{record.sn}</td>
                        <td className="mono">{record.personId}</td>
                        <td>{record.attempts}</td>
                        <td data-testid="bridge-queue-error">
                          <Badge tone="bad">{record.lastError ?? '—'}</Badge>
                        </td>
                        <td>
                          <button type="button" className="button button-small" data-testid="bridge-queue-retry" disabled={busy === 'retry'} onClick={() => retry(record.id)}>
                            {t('bridgePage.queue.retry')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      ) : null}
      <div className="bridge-actions">
        <button type="button" className="button button-small" data-testid="bridge-queue-refresh" onClick={() => void bridgeStore.getState().refresh()}>
          {t('bridgePage.queue.refresh')}
        </button>
        {done?.action === 'retry' ? (
          <p className="hint" role="status" data-testid="bridge-queue-retried">
            {t('bridgePage.queue.retried', { count: done.count ?? 0 })}
          </p>
        ) : null}
        {error?.action === 'retry' || error?.action === 'load' ? (
          <p className="field-error" role="alert" data-testid="bridge-queue-error-message">
            {errorText(error.body)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
