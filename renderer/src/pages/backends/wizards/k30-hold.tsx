import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDevices, setHold } from './k30-steps.ts';
import type { K30StepProps } from './k30-step-props.ts';
import { Field, LoadedList, missingOf, RunButton } from './step-kit.tsx';
import { useLoaded } from './use-loaded.ts';

/**
 * Step 3: hold a device open (常开) or closed (常关) with device.setLongOpen. The document has no
 * value back to normal (E37), so the step says so before and after, and asks the installer to
 * confirm: the door stays that way until restored in the K30 software or at the device.
 */
export function HoldStep({ steps, run, busy }: K30StepProps) {
  const { t } = useTranslation();
  const devices = useLoaded(() => listDevices(steps));
  const [chosen, setChosen] = useState('');
  const [mode, setMode] = useState<'open' | 'closed'>('open');
  const [confirmed, setConfirmed] = useState(false);

  return (
    <div className="wizard-form">
      <div className="alert alert-warning wizard-wide" role="note" data-testid="k30-hold-warning">
        <div>
          <p className="alert-text">{t('k30Wizard.hold.noNormal')}</p>
          <p className="alert-text">{t('k30Wizard.hold.restore')}</p>
        </div>
      </div>
      <LoadedList loaded={devices} empty={t('k30Wizard.hold.none')}>
        {(list) => {
          const device = list.find((d) => d.no === chosen) ?? list.find((d) => d.online !== false);
          return (
            <>
              <Field label={t('k30Wizard.hold.device')} htmlFor="k30-hold-device">
                <select id="k30-hold-device" className="select" value={device?.no ?? ''} disabled={busy} data-testid="k30-hold-device" onChange={(e) => setChosen(e.target.value)}>
                  {device === undefined && <option value="">{t('wizard.choose')}</option>}
                  {list.map((d) => (
                    <option key={d.no} value={d.no} disabled={d.online === false}>
                      {d.online === false ? t('k30Wizard.hold.offlineOption', { name: d.name }) : d.name}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="choices" role="radiogroup" aria-label={t('k30Wizard.hold.mode')}>
                {(['open', 'closed'] as const).map((m) => (
                  <label key={m} className="choice">
                    <input type="radio" name="k30-hold-mode" checked={mode === m} disabled={busy} data-testid={`k30-hold-${m}`} onChange={() => setMode(m)} />
                    <span>{t(`k30Wizard.hold.${m}`)}</span>
                  </label>
                ))}
              </div>
              <label className="check wizard-wide">
                <input type="checkbox" checked={confirmed} disabled={busy} data-testid="k30-hold-confirm" onChange={(e) => setConfirmed(e.target.checked)} />
                <span>{t('k30Wizard.hold.confirm')}</span>
              </label>
              <RunButton
                label={t(mode === 'open' ? 'k30Wizard.hold.runOpen' : 'k30Wizard.hold.runClosed', { name: device?.name ?? '' })}
                busy={busy}
                missing={missingOf([
                  [!device, t('k30Wizard.hold.device')],
                  [!confirmed, t('k30Wizard.hold.confirmMissing')],
                ])}
                onClick={() => {
                  if (!device) return;
                  setConfirmed(false);
                  run(() => setHold(steps, device, mode));
                }}
              />
            </>
          );
        }}
      </LoadedList>
    </div>
  );
}
