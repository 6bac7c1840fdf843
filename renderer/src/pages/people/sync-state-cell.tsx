import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSync } from '../../../../shared/contract/people.ts';
import { Badge } from '../../components/badge.tsx';
import { PERSON_SYNC_TONES } from '../../components/tones.ts';
import { formatDateTime } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { hrefFor } from '../../routes.ts';
import { useDeviceResults } from '../../stores/device-results.ts';
import { devicesNotTaking, overallSyncState } from './people-logic.ts';

/**
 * "Sync to backends" for one person: one badge for the row (the worst state), and per backend its
 * state with the reason of a failure (or of the wait) and the next try, on hover and in the
 * badge's accessible description. A link opens the Sync queue where something needs a look, also
 * when a backend is synced but some of its devices reported not taking the person.
 */
export function SyncStateCell({ pin, states, backendName }: { readonly pin: string; readonly states: readonly PersonSync[]; readonly backendName: (id: number) => string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const results = useDeviceResults((s) => s.results);
  const notTaking = useMemo(() => devicesNotTaking(results, pin, states), [results, pin, states]);
  const overall = overallSyncState(states);
  if (!overall) return <span className="hint">{t('people.sync.none')}</span>;

  const lines = states.map((s) => {
    const parts = [t('people.sync.line', { backend: backendName(s.backendId), state: t(`people.sync.${s.state}`) })];
    if (s.state === 'cancelled') parts.push(t(s.cancelledBy === 'you' ? 'people.sync.cancelledByYou' : 'people.sync.cancelledByNewer'));
    const reason = s.reason ? (s.reason.advice?.[lang] ?? s.reason.message) : null;
    if (reason) parts.push(reason);
    if (s.nextTryAt) parts.push(t('people.sync.nextTry', { time: formatDateTime(s.nextTryAt, lang) }));
    return parts.join(' — ');
  });
  for (const r of notTaking) lines.push(t('people.sync.deviceLine', { backend: backendName(r.backendId), device: r.deviceNo, message: r.message }));
  const detail = lines.join('\n');

  return (
    <span className="sync-state" title={detail} data-testid="person-sync" data-state={overall}>
      <Badge tone={PERSON_SYNC_TONES[overall]}>{t(`people.sync.${overall}`)}</Badge>
      <span className="visually-hidden" data-testid="person-sync-detail">
        {detail}
      </span>
      {notTaking.length > 0 ? (
        <Badge tone="warn" testId="person-sync-devices">
          {t('people.sync.devicesNotTaking', { count: notTaking.length })}
        </Badge>
      ) : null}
      {overall === 'failed' || overall === 'waiting' || notTaking.length > 0 ? (
        <a className="sync-state-link" href={hrefFor('sync')} data-testid="person-sync-open-queue">
          {t('people.sync.openQueue')}
        </a>
      ) : null}
    </span>
  );
}
