import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GUARD_NAME_MAX, type AlarmSettings } from '../../../../shared/contract/alarms.ts';
import { guardSettingsStore, useGuardSettings } from '../../stores/guard-settings.ts';
import { announce } from '../../stores/status.ts';
import { useErrorText } from '../../use-error-text.ts';

/** Settings → Guard room: the guard on duty (kept with each acknowledged alarm) and the repeated-denials rule. */
export function GuardRoomSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useGuardSettings((s) => s.settings);
  const error = useGuardSettings((s) => s.error);

  useEffect(() => {
    void guardSettingsStore.getState().load();
  }, []);

  return (
    <section className="card" aria-labelledby="guard-room-title">
      <h2 id="guard-room-title" className="card-title">
        {t('alarms.settings.title')}
      </h2>
      {/* Keyed by what the core holds: a save (here or elsewhere) starts the form from it again. */}
      {settings ? <GuardRoomForm key={JSON.stringify(settings)} settings={settings} /> : null}
      {error ? (
        <p className="field-error" role="alert" data-testid="settings-guard-error">
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}

function GuardRoomForm({ settings }: { readonly settings: AlarmSettings }) {
  const { t } = useTranslation();
  const saving = useGuardSettings((s) => s.saving);
  const [guardName, setGuardName] = useState(settings.guardName);
  const [threshold, setThreshold] = useState(String(settings.deniedThreshold));
  const [windowMinutes, setWindowMinutes] = useState(String(settings.deniedWindowMinutes));

  return (
    <form
      className="guard-room-form"
      onSubmit={(event) => {
        event.preventDefault();
        void guardSettingsStore
          .getState()
          .save({ guardName, deniedThreshold: Number(threshold), deniedWindowMinutes: Number(windowMinutes) })
          .then((ok) => {
            if (ok) announce('alarms.settings.saved');
          });
      }}
    >
      <label className="guard-room-field">
        <span className="field-label">{t('alarms.settings.guardName')}</span>
        <input className="input" value={guardName} maxLength={GUARD_NAME_MAX} data-testid="settings-guard-name" onChange={(event) => setGuardName(event.target.value)} />
        <span className="hint">{t('alarms.settings.guardNameHint')}</span>
      </label>
      <label className="guard-room-field">
        <span className="field-label">{t('alarms.settings.threshold')}</span>
        <input className="input" type="number" min={2} max={100} value={threshold} data-testid="settings-denied-threshold" onChange={(event) => setThreshold(event.target.value)} />
      </label>
      <label className="guard-room-field">
        <span className="field-label">{t('alarms.settings.window')}</span>
        <input className="input" type="number" min={1} max={1440} value={windowMinutes} data-testid="settings-denied-window" onChange={(event) => setWindowMinutes(event.target.value)} />
        <span className="hint">{t('alarms.settings.ruleHint')}</span>
      </label>
      <div>
        <button type="submit" className="button button-primary" disabled={saving} data-testid="settings-guard-save">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
