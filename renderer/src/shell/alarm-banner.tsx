import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../../../shared/contract/alarms.ts';
import { currentLang } from '../i18n.ts';
import { useErrorText } from '../use-error-text.ts';
import { formatDateTimeSeconds } from '../date-time.ts';
import { alarmsStore, useAlarms } from '../stores/alarms.ts';
import { useConnection } from '../stores/connection.ts';
import { announce } from '../stores/status.ts';
import { useSites } from '../stores/sites.ts';
import { playAlarmSound } from './alarm-sound.ts';

/** Keeps the alarms of the current site loaded and followed, from any page. */
function useAlarmsFollowing(): void {
  const siteId = useSites((s) => s.currentSiteId);
  const ready = useConnection((s) => s.status === 'ready');
  useEffect(() => alarmsStore.getState().watch(), []);
  useEffect(() => {
    if (ready) void alarmsStore.getState().load(siteId);
  }, [siteId, ready]);
}

/** The header's count of unacknowledged alarms, and the sound's mute toggle. */
export function AlarmCount() {
  const { t } = useTranslation();
  useAlarmsFollowing();
  const count = useAlarms((s) => s.count);
  const muted = useAlarms((s) => s.muted);
  return (
    <div className="header-field alarm-count-field">
      <span className={count > 0 ? 'alarm-count alarm-count-open' : 'alarm-count'} data-testid="alarm-count" data-count={count} role="status">
        {count > 0 ? t('alarms.count', { count }) : t('alarms.countNone')}
      </span>
      <button
        type="button"
        className="button button-small"
        data-testid="alarm-mute"
        aria-pressed={muted}
        title={muted ? t('alarms.unmute') : t('alarms.mute')}
        onClick={() => alarmsStore.getState().setMuted(!muted)}
      >
        {muted ? t('alarms.soundOff') : t('alarms.soundOn')}
      </button>
    </div>
  );
}

/** The newest open alarm, until it is acknowledged; a sound for each one raised while the window is open. */
export function AlarmBanner() {
  const open = useAlarms((s) => s.open);
  const count = useAlarms((s) => s.count);
  const raisedSerial = useAlarms((s) => s.raisedSerial);
  const muted = useAlarms((s) => s.muted);
  const heard = useRef(raisedSerial);

  useEffect(() => {
    if (raisedSerial === heard.current) return;
    heard.current = raisedSerial;
    if (!muted) playAlarmSound();
  }, [raisedSerial, muted]);

  // More open than the list holds (acknowledged down to none here): fetch the next ones.
  useEffect(() => {
    if (count > 0 && open.length === 0) void alarmsStore.getState().load(alarmsStore.getState().siteId);
  }, [count, open.length]);

  const alarm = open[0];
  if (!alarm) return null;
  return <Banner key={alarm.id} alarm={alarm} others={Math.max(count - 1, 0)} />;
}

function Banner({ alarm, others }: { readonly alarm: Alarm; readonly others: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [note, setNote] = useState('');
  const acking = useAlarms((s) => s.acking);
  const error = useAlarms((s) => s.error);
  const errorText = useErrorText();
  const reason = lang === 'zh-CN' ? alarm.reason['zh-CN'] : alarm.reason.en;
  const door = alarm.doorName ?? alarm.doorId ?? t('alarms.noDoor');
  const person = [alarm.personPin, alarm.personName].filter(Boolean).join(' ');

  return (
    <section className="alarm-banner" role="alert" aria-labelledby="alarm-banner-title" data-testid="alarm-banner" data-alarm-id={alarm.id} data-alarm-class={alarm.alarmClass}>
      <div className="alarm-banner-text">
        <h2 id="alarm-banner-title" className="alarm-banner-title">
          {t('alarms.bannerTitle', { what: t(`alarms.classes.${alarm.alarmClass}`) })}
        </h2>
        <p className="alarm-banner-reason" data-testid="alarm-reason">
          {reason}
          {person ? ` · ${person}` : ''}
        </p>
        <p className="alarm-banner-where">{t('alarms.at', { backend: alarm.backendName, door, time: formatDateTimeSeconds(alarm.occurredAt, lang) })}</p>
        {alarm.repeats > 0 ? (
          <p className="alarm-banner-repeats" data-testid="alarm-repeats" data-count={alarm.repeats}>
            {t('alarms.repeats', { count: alarm.repeats, time: formatDateTimeSeconds(alarm.lastOccurredAt ?? alarm.occurredAt, lang) })}
          </p>
        ) : null}
        {others > 0 ? <p className="alarm-banner-more">{t('alarms.bannerMore', { count: others })}</p> : null}
        {error ? (
          <p className="alarm-banner-error" data-testid="alarm-error">
            {errorText(error)}
          </p>
        ) : null}
      </div>
      <form
        className="alarm-banner-ack"
        onSubmit={(event) => {
          event.preventDefault();
          void alarmsStore
            .getState()
            .ack(alarm.id, note)
            .then((ok) => {
              if (ok) announce('alarms.acknowledged');
            });
        }}
      >
        <label className="alarm-banner-note">
          <span className="header-label">{t('alarms.note')}</span>
          <input className="input" value={note} maxLength={500} placeholder={t('alarms.notePlaceholder')} data-testid="alarm-note" onChange={(event) => setNote(event.target.value)} />
        </label>
        <button type="submit" className="button button-danger" disabled={acking} data-testid="alarm-ack">
          {t('alarms.acknowledge')}
        </button>
      </form>
    </section>
  );
}
