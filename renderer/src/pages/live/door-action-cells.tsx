import { useTranslation } from 'react-i18next';
import type { DoorAction } from '../../../../shared/contract/doors.ts';
import { ErrorCodeSchema } from '../../../../shared/contract/errors.ts';
import { formatTime } from '../../../../shared/i18n/format-time.ts';
import { currentLang } from '../../i18n.ts';
import type { FeedRow } from '../../stores/live-door-actions.ts';
import { useErrorText } from '../../use-error-text.ts';

/** The guard and the station of an action, in words. */
function useBy(): (action: DoorAction) => { guard: string; station: string } {
  const { t } = useTranslation();
  return (action) => ({ guard: action.guard ?? t('doorFeed.noGuard'), station: action.station });
}

/** Under an event a guard caused from the doors panel: "Opened from the doors panel by Wang at GATE-PC, 10:02:03". */
export function CausedBy({ action, timeZone }: { action: DoorAction; timeZone: string }) {
  const { t } = useTranslation();
  const by = useBy();
  const time = formatTime(action.startedAt, currentLang(), { timeZone, seconds: true, part: 'time' });
  const text = t(`doorFeed.causedBy.${action.action}`, { ...by(action), time });
  return (
    <small className="live-caused-by" data-testid="live-caused-by" data-action-id={action.id} title={text}>
      {text}
    </small>
  );
}

/** A door action on its own row (its event has not come, or it failed): time, door, who, what, its result. */
export function DoorActionRowView({ row, timeZone }: { row: FeedRow & { doorAction: DoorAction }; timeZone: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const by = useBy();
  const lang = currentLang();
  const action = row.doorAction;
  const result =
    action.result === 'failed'
      ? t('doorFeed.result.failed', { reason: errorText({ code: ErrorCodeSchema.catch('internal').parse(action.errorCode), message: action.errorMessage ?? '' }) })
      : t(`doorFeed.result.${action.result}`);
  return (
    <div className={`live-row live-row-door-action${action.result === 'failed' ? ' live-row-denied' : ''}`} data-testid="live-row" data-key={row.key} data-kind="door-action" data-result={action.result} data-backend-id={row.backendId}>
      <span className="live-cell live-time">
        {formatTime(row.at, lang, { timeZone, seconds: true, part: 'time' })}
        <small>{formatTime(row.at, lang, { timeZone, part: 'date' })}</small>
      </span>
      <span className="live-cell live-door" title={action.doorName ?? action.doorId}>
        {action.doorName ?? action.doorId}
        <small>{row.backendName}</small>
      </span>
      <span className="live-cell live-dir" />
      <span className="live-cell live-person" data-testid="live-door-action-by">
        {t('doorFeed.by', by(action))}
      </span>
      <span className="live-cell live-mode" data-testid="live-door-action-kind">
        {t('doorFeed.kind')}
        <small>{t(`doors.action.${action.action}`)}</small>
      </span>
      <span className={`live-cell live-result result-${action.result === 'failed' ? 'denied' : 'other'}`} data-testid="live-result" title={result}>
        {result}
      </span>
      <span className="live-photos" />
    </div>
  );
}
