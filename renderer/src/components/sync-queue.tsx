import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../shared/contract/backends.ts';
import type { OutboxEntry } from '../../../shared/contract/people.ts';
import { formatDateTime } from '../date-time.ts';
import { currentLang } from '../i18n.ts';
import { enrollmentStore, useEnrollment } from '../stores/enrollment.ts';
import { Badge } from './badge.tsx';
import { OUTBOX_TONES } from './tones.ts';
import './sync-queue.css';

/**
 * What the Reason column says: why a cancelled entry was cancelled (its last error is stale: the
 * write will never be tried again), else the last error in the user's language when the driver
 * gave advice.
 */
function useReason(): (entry: OutboxEntry) => string {
  const { t } = useTranslation();
  return (entry) => {
    if (entry.state === 'cancelled') return t(entry.cancelledBy === 'you' ? 'outbox.cancelledByYou' : 'outbox.cancelledByNewer');
    if (entry.state === 'done') return '';
    const error = entry.lastError;
    if (!error) return '';
    return error.advice?.[currentLang()] ?? error.message;
  };
}

/** Queued, last try and next try, each where it applies. */
function Times({ entry }: { readonly entry: OutboxEntry }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const waiting = entry.state === 'pending' && entry.nextTryAt !== null && entry.attempts > 0;
  return (
    <div className="outbox-times">
      <span data-testid="outbox-queued-at">{t('outbox.queuedAt', { time: formatDateTime(entry.createdAt, lang) })}</span>
      {entry.lastTryAt ? <span data-testid="outbox-last-try-at">{t('outbox.lastTryAt', { time: formatDateTime(entry.lastTryAt, lang) })}</span> : null}
      {waiting && entry.nextTryAt ? <span data-testid="outbox-next-try-at">{t('outbox.nextTryAt', { time: formatDateTime(entry.nextTryAt, lang) })}</span> : null}
    </div>
  );
}

/** The site's outbox: one row per remote write, its state and times, and retry / cancel. */
export function SyncQueue({ backends }: { backends: readonly Backend[] }) {
  const { t } = useTranslation();
  const entries = useEnrollment((s) => s.entries);
  const reason = useReason();
  const nameOf = (id: number) => backends.find((b) => b.id === id)?.name ?? `#${id}`;

  return (
    <section className="card" aria-labelledby="sync-queue-title">
      <h2 className="card-title" id="sync-queue-title">
        {t('outbox.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <table className="table outbox-table" data-testid="outbox-table">
          <thead>
            <tr>
              <th className="outbox-col-pin">{t('outbox.pin')}</th>
              <th className="outbox-col-backend">{t('outbox.backend')}</th>
              <th className="outbox-col-action">{t('outbox.action')}</th>
              <th className="outbox-col-state">{t('outbox.state')}</th>
              <th className="outbox-col-attempts">{t('outbox.attempts')}</th>
              <th className="outbox-col-times">{t('outbox.times')}</th>
              <th className="outbox-col-reason">{t('outbox.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="outbox-row" data-state={entry.state} data-backend-id={entry.backendId} data-pin={entry.pin} data-entry-id={entry.id}>
                <td className="mono">{entry.pin}</td>
                <td>{nameOf(entry.backendId)}</td>
                <td>{t(`outbox.actions.${entry.action}`)}</td>
                <td>
                  <Badge tone={OUTBOX_TONES[entry.state]}>{t(`outbox.states.${entry.state}`)}</Badge>
                </td>
                <td>{entry.attempts}</td>
                <td>
                  <Times entry={entry} />
                </td>
                <td data-testid="outbox-reason">{reason(entry)}</td>
                <td>
                  <div className="outbox-actions">
                    {entry.state === 'failed' || (entry.state === 'pending' && entry.attempts > 0) ? (
                      <button type="button" className="button button-small" data-testid="outbox-retry" onClick={() => void enrollmentStore.getState().retry(entry.id)}>
                        {t('outbox.retry')}
                      </button>
                    ) : null}
                    {entry.state === 'pending' || entry.state === 'failed' ? (
                      <button type="button" className="button button-small button-danger-quiet" data-testid="outbox-cancel" onClick={() => void enrollmentStore.getState().cancel(entry.id)}>
                        {t('outbox.cancel')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
