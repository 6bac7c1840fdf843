import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BridgeDeviceState, BridgeTask } from '../../../../shared/contract/bridges.ts';
import { Badge } from '../../components/badge.tsx';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { apicodeWords, DEVICE_STATE_TONES, durationWords, TASK_STATE_TONES } from '../../stores/bridge-words.ts';

/** Now, once a second: "12 s ago" keeps counting between events (a clock here; the core is not asked). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A device's live session cells: status and last error, last heartbeat, token age, queue, open tasks. */
export function DeviceLive({ live, now }: { readonly live: BridgeDeviceState | undefined; readonly now: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  if (!live) return <td colSpan={5}>{t('bridgePage.state.none')}</td>;
  const words = (ms: number, kind: 'ago' | 'age') => {
    const w = durationWords(ms, kind);
    return t(w.key, w.values);
  };
  return (
    <>
      <td>
        <span data-testid="bridge-device-status" data-status={live.status}>
          <Badge tone={DEVICE_STATE_TONES[live.status]}>{t(`bridgePage.state.status.${live.status}`)}</Badge>
        </span>
        {live.lastError ? (
          <div className="bridge-device-error" data-testid="bridge-device-error">
            <span className="mono">{live.lastError.vendorCode ?? live.lastError.code}</span> {live.lastError.message}
            {live.lastError.advice ? <p className="hint bridge-advice">{live.lastError.advice[lang]}</p> : null}
          </div>
        ) : null}
      </td>
      <td data-testid="bridge-device-heartbeat">
        {live.lastHeartbeatAt === null ? (
          t('bridgePage.state.never')
        ) : (
          <>
            {formatDateTimeSeconds(new Date(live.lastHeartbeatAt).toISOString(), lang)}
            <br />
            <span className="hint" data-testid="bridge-device-heartbeat-ago">
              {words(now - live.lastHeartbeatAt, 'ago')}
            </span>
          </>
        )}
      </td>
      <td data-testid="bridge-device-token-age">{live.tokenAgeMs === null ? t('bridgePage.state.none') : words(live.tokenAgeMs, 'age')}</td>
      <td data-testid="bridge-device-queue">{live.queueDepth}</td>
      <td data-testid="bridge-device-tasks">{live.openTasks}</td>
    </>
  );
}

/**
 * Under a device's row: the last pass the platform acknowledged ("王建国 at 10:02:03, acknowledged
 * 10:02:04 · 12 acknowledged since the bridge started", times in the site's zone) and its last task.
 */
export function DeviceReport({ live, lastTask }: { readonly live: BridgeDeviceState | undefined; readonly lastTask: BridgeTask | undefined }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const acknowledged = live?.acknowledged;
  const time = (ms: number) => formatDateTimeSeconds(new Date(ms).toISOString(), lang);
  const what = lastTask ? apicodeWords(lastTask.apicode) : null;
  return (
    <div className="bridge-device-report">
      {acknowledged ? (
        <p data-testid="bridge-device-last-pass" data-count={acknowledged.count} data-person={acknowledged.last?.personId ?? ''}>
          <strong>{t('bridgeDevices.lastPass')}:</strong>{' '}
          {acknowledged.last ? (
            <>
              <span data-testid="bridge-device-last-pass-line">
                {t('bridgeDevices.lastPassLine', {
                  person: acknowledged.last.personName ?? acknowledged.last.personId,
                  time: time(acknowledged.last.recordTime),
                  acknowledged: time(acknowledged.last.acknowledgedAt),
                })}
              </span>
              {' · '}
              <span data-testid="bridge-device-pass-count">{t('bridgeDevices.since', { count: acknowledged.count })}</span>
            </>
          ) : (
            t('bridgeDevices.noPass')
          )}
        </p>
      ) : null}
      {lastTask ? (
        <p data-testid="bridge-device-last-task" data-state={lastTask.state}>
          <strong>{t('bridgeDevices.lastTask')}:</strong>{' '}
          <Badge tone={TASK_STATE_TONES[lastTask.state]}>
            {t('bridgeDevices.lastTaskLine', { what: what ? t(what.key, what.values ?? {}) : '', state: t(`bridgeWork.state.${lastTask.state}`) })}
          </Badge>
        </p>
      ) : null}
    </div>
  );
}
