import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import type { OutboxEntry } from '../../../../shared/contract/people.ts';
import { Badge } from '../../components/badge.tsx';
import { OUTBOX_TONES } from '../../components/tones.ts';
import { currentLang } from '../../i18n.ts';
import { enrollmentStore, useEnrollment } from '../../stores/enrollment.ts';

/** The reason an entry failed, in the user's language when the driver gave advice. */
function reason(entry: OutboxEntry): string {
  const error = entry.lastError;
  if (!error) return '';
  return error.advice?.[currentLang()] ?? error.message;
}

/** The site's outbox: one row per remote write, its state, and retry / cancel. */
export function SyncQueue({ backends }: { backends: readonly Backend[] }) {
  const { t } = useTranslation();
  const entries = useEnrollment((s) => s.entries);
  const nameOf = (id: number) => backends.find((b) => b.id === id)?.name ?? `#${id}`;

  return (
    <section className="card" aria-labelledby="sync-queue-title">
      <h2 className="card-title" id="sync-queue-title">
        {t('outbox.title')}
      </h2>
      {entries.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        <table className="table" data-testid="outbox-table">
          <thead>
            <tr>
              <th>{t('outbox.pin')}</th>
              <th>{t('outbox.backend')}</th>
              <th>{t('outbox.action')}</th>
              <th>{t('outbox.state')}</th>
              <th>{t('outbox.attempts')}</th>
              <th>{t('outbox.reason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="outbox-row" data-state={entry.state} data-backend-id={entry.backendId} data-pin={entry.pin}>
                <td className="mono">{entry.pin}</td>
                <td>{nameOf(entry.backendId)}</td>
                <td>{t(`outbox.actions.${entry.action}`)}</td>
                <td>
                  <Badge tone={OUTBOX_TONES[entry.state]}>{t(`outbox.states.${entry.state}`)}</Badge>
                </td>
                <td>{entry.attempts}</td>
                <td data-testid="outbox-reason">{reason(entry)}</td>
                <td>
                  {entry.state === 'failed' || entry.state === 'cancelled' ? (
                    <button type="button" className="button button-small" data-testid="outbox-retry" onClick={() => void enrollmentStore.getState().retry(entry.id)}>
                      {t('outbox.retry')}
                    </button>
                  ) : null}
                  {entry.state === 'pending' || entry.state === 'failed' ? (
                    <button type="button" className="button button-small button-danger-quiet" data-testid="outbox-cancel" onClick={() => void enrollmentStore.getState().cancel(entry.id)}>
                      {t('outbox.cancel')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
