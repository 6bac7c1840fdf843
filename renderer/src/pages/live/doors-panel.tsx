import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOOR_OPEN_SECONDS_MAX, type DoorAction, type DoorActionKind, type DoorStateWord, type PanelDoor } from '../../../../shared/contract/doors.ts';
import { Badge } from '../../components/badge.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { Tone } from '../../components/tones.ts';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { doorKey, doorsStore, useDoors } from '../../stores/doors.ts';
import { useErrorText } from '../../use-error-text.ts';
import './doors-panel.css';

/** A door state's colour: what it means to a guard. */
const STATE_TONES: Readonly<Record<DoorStateWord, Tone>> = {
  open: 'warn',
  closed: 'ok',
  'held-open': 'warn',
  'held-closed': 'info',
  offline: 'bad',
  alarm: 'bad',
  unknown: 'neutral',
};

const RESULT_TONES: Readonly<Record<DoorAction['result'], Tone>> = { started: 'info', ok: 'ok', failed: 'bad' };

/** Mode changes leave a door held until someone changes it back: asked for first. */
const MODE_ACTIONS: readonly DoorActionKind[] = ['normally-open', 'normally-closed', 'normal'];

/**
 * The guard room's doors (issue 15 item 2): each door of the site with its state in colour and in
 * words, the actions its backend supports, each action's result, and the recent audit log below.
 * States and the log follow the core's events (`doors.state`, `doors.action`).
 */
export function DoorsPanel({ siteId }: { siteId: number }) {
  const { t } = useTranslation();
  const doors = useDoors((s) => s.doors);
  const error = useDoors((s) => s.error);
  const loading = useDoors((s) => s.loading);
  const errorText = useErrorText();
  const [asking, setAsking] = useState<{ door: PanelDoor; action: DoorActionKind } | null>(null);

  useEffect(() => doorsStore.getState().watch(), []);
  useEffect(() => {
    void doorsStore.getState().load(siteId);
  }, [siteId]);

  const confirm = () => {
    if (!asking) return;
    void doorsStore.getState().act(asking.door, asking.action, 0);
    setAsking(null);
  };

  return (
    <section className="doors-panel" data-testid="doors-panel" aria-label={t('doors.title')}>
      <h2 data-testid="doors-title">{t('doors.title')}</h2>
      {error && <p className="doors-error" role="alert">{t('doors.loadFailed', { reason: errorText(error) })}</p>}
      {!loading && !error && doors.length === 0 && <p className="doors-none">{t('doors.none')}</p>}
      <ul className="doors-list">
        {doors.map((door) => (
          <DoorRow key={doorKey(door)} door={door} onMode={(action) => setAsking({ door, action })} />
        ))}
      </ul>
      <ConfirmDialog
        open={asking !== null}
        title={t('doors.confirmTitle')}
        confirmLabel={t('doors.confirm')}
        confirmTestId="doors-confirm"
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        {asking && t('doors.confirmText', { action: t(`doors.action.${asking.action}`), door: asking.door.name, backend: asking.door.backendName })}
      </ConfirmDialog>
      <DoorLog />
    </section>
  );
}

function DoorRow({ door, onMode }: { door: PanelDoor; onMode: (action: DoorActionKind) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const outcome = useDoors((s) => s.outcomes[doorKey(door)]);
  const [seconds, setSeconds] = useState(5);
  const busy = outcome?.ok === null;
  return (
    <li className="door-row" data-testid={`door-${door.backendId}-${door.doorId}`} data-state={door.state}>
      <span className="door-name">{door.name}</span>
      <span className="door-backend">{door.backendName}</span>
      <Badge tone={STATE_TONES[door.state]} testId="door-state">
        {t(`doors.state.${door.state}`)}
      </Badge>
      <span className="door-actions">
        <label className="door-seconds">
          {t('doors.seconds')}
          <input
            type="number"
            min={1}
            max={DOOR_OPEN_SECONDS_MAX}
            value={seconds}
            onChange={(e) => setSeconds(Math.min(DOOR_OPEN_SECONDS_MAX, Math.max(1, Math.round(Number(e.target.value) || 1))))}
          />
        </label>
        {door.actions.map((action) => (
          <button
            key={action}
            type="button"
            className="button"
            disabled={busy}
            data-action={action}
            onClick={() => (MODE_ACTIONS.includes(action) ? onMode(action) : void doorsStore.getState().act(door, action, seconds))}
          >
            {t(`doors.action.${action}`)}
          </button>
        ))}
      </span>
      {outcome && (
        <span className="door-outcome" role="status" data-testid="door-outcome" data-ok={String(outcome.ok)}>
          {outcome.ok === null
            ? t('doors.result.started')
            : outcome.ok
              ? t('doors.done', { action: t(`doors.action.${outcome.action}`), door: door.name })
              : t('doors.failed', { action: t(`doors.action.${outcome.action}`), door: door.name, reason: outcome.error ? errorText(outcome.error) : '' })}
        </span>
      )}
    </li>
  );
}

function DoorLog() {
  const { t, i18n } = useTranslation();
  const log = useDoors((s) => s.log);
  return (
    <div className="doors-log" data-testid="doors-log">
      <h3>{t('doors.logTitle')}</h3>
      {log.length === 0 ? (
        <p>{t('doors.logNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('doors.logColumns.time')}</th>
              <th>{t('doors.logColumns.station')}</th>
              <th>{t('doors.logColumns.guard')}</th>
              <th>{t('doors.logColumns.door')}</th>
              <th>{t('doors.logColumns.action')}</th>
              <th>{t('doors.logColumns.result')}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((a) => (
              <tr key={a.id} data-testid="door-log-row" data-result={a.result}>
                <td>{formatDateTimeSeconds(a.startedAt, i18n.language)}</td>
                <td>{a.station}</td>
                <td>{a.guard ?? t('doors.noGuard')}</td>
                <td>{a.doorName ?? a.doorId}</td>
                <td>{t(`doors.action.${a.action}`)}</td>
                <td>
                  <Badge tone={RESULT_TONES[a.result]}>{t(`doors.result.${a.result}`)}</Badge>
                  {a.errorMessage && <span className="door-log-error"> {a.errorCode}: {a.errorMessage}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
