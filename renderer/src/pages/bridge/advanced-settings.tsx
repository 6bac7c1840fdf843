import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEARTBEAT_SECONDS, MAX_FRAME_BYTES, type Bridge } from '../../../../shared/contract/bridges.ts';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { advancedFormOf, checkAdvancedForm, type AdvancedForm } from '../../stores/bridge-form.ts';
import { SWITCH_CHOICES } from '../../stores/bridge-words.ts';
import { useErrorText } from '../../use-error-text.ts';
import { FieldIssue } from './settings-form.tsx';

const SIGN_CHECKS = ['off', 'warn', 'strict'] as const;

function Reason({ text }: { readonly text: string }) {
  return text ? <p className="hint bridge-reason">{text}</p> : null;
}

/**
 * Advanced (issue 16 item 5.7), collapsed: the codec's settings where the platform's document is
 * silent or contradicts itself, each with the digest's decision (D3–D20) in one sentence and the
 * contract's bounds.
 */
export function AdvancedSettings({ bridge }: { readonly bridge: Bridge }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const busy = useBridge((s) => s.busy);
  const done = useBridge((s) => s.done);
  const error = useBridge((s) => s.error);
  const [form, setForm] = useState<AdvancedForm>(() => advancedFormOf(bridge));
  const [touched, setTouched] = useState(false);
  const checked = useMemo(() => checkAdvancedForm(form), [form]);
  const issue = (field: keyof AdvancedForm) => (touched ? checked.issues[field] : undefined);
  const change = (patch: Partial<AdvancedForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (checked.change) await bridgeStore.getState().saveSettings(checked.change);
  }

  const number = (field: 'heartbeatSeconds' | 'maxFrameBytes', label: string, bounds: { min: number; max: number }, reason: string) => (
    <div className="bridge-field">
      <label className="field-label" htmlFor={`bridge-adv-${field}`}>
        {label}
      </label>
      <input
        id={`bridge-adv-${field}`}
        className="input input-compact"
        inputMode="numeric"
        data-testid={`bridge-adv-${field}`}
        value={form[field]}
        min={bounds.min}
        max={bounds.max}
        aria-invalid={issue(field) ? true : undefined}
        onChange={(e) => change({ [field]: e.target.value })}
      />
      <Reason text={reason} />
      <FieldIssue issue={issue(field)} testId={`bridge-adv-${field}-error`} />
    </div>
  );

  return (
    <details className="card bridge-advanced" data-testid="bridge-advanced">
      <summary className="card-title">{t('bridgePage.advanced.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('bridgePage.advanced.intro')}</p>
        <div className="bridge-grid">
          <div className="bridge-field">
            <label className="field-label" htmlFor="bridge-adv-layout">
              {t('bridgePage.advanced.layout')}
            </label>
            <select id="bridge-adv-layout" className="select" data-testid="bridge-adv-layout" value={form.layout} onChange={(e) => change({ layout: e.target.value === 'B' ? 'B' : 'A' })}>
              <option value="A">{t('bridgePage.advanced.layoutA')}</option>
              <option value="B">{t('bridgePage.advanced.layoutB')}</option>
            </select>
            <Reason text={t('bridgePage.advanced.layoutReason')} />
          </div>
          <div className="bridge-field">
            <label className="field-label" htmlFor="bridge-adv-sign">
              {t('bridgePage.advanced.responseSignCheck')}
            </label>
            <select id="bridge-adv-sign" className="select" data-testid="bridge-adv-sign" value={form.responseSignCheck} onChange={(e) => change({ responseSignCheck: e.target.value as AdvancedForm['responseSignCheck'] })}>
              {SIGN_CHECKS.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`bridgePage.advanced.responseSign.${mode}`)}
                </option>
              ))}
            </select>
            <Reason text={t('bridgePage.advanced.responseSignCheckReason')} />
          </div>
          {number('heartbeatSeconds', t('bridgePage.advanced.heartbeat'), HEARTBEAT_SECONDS, t('bridgePage.advanced.heartbeatReason'))}
          {number('maxFrameBytes', t('bridgePage.advanced.maxFrame'), MAX_FRAME_BYTES, t('bridgePage.advanced.maxFrameReason'))}
          <div className="bridge-field">
            <label className="field-label" htmlFor="bridge-adv-version">
              {t('bridgePage.advanced.deviceVersion')}
            </label>
            <input id="bridge-adv-version" className="input" data-testid="bridge-adv-deviceVersion" value={form.deviceVersion} onChange={(e) => change({ deviceVersion: e.target.value })} />
            <Reason text={t('bridgePage.advanced.deviceVersionReason')} />
            <FieldIssue issue={issue('deviceVersion')} testId="bridge-adv-deviceVersion-error" />
          </div>
        </div>
        <fieldset className="bridge-switches">
          <legend className="field-label">{t('bridgePage.advanced.switches')}</legend>
          <div className="bridge-grid">
            {Object.entries(form.switches).map(([name, value]) => {
              const choices = SWITCH_CHOICES[name];
              return (
                <div className="bridge-field" key={name}>
                  <label className="field-label" htmlFor={`bridge-switch-${name}`}>
                    {t(`bridgePage.advanced.switch.${name}`, { defaultValue: name })} <span className="mono">({name})</span>
                  </label>
                  {choices ? (
                    <select id={`bridge-switch-${name}`} className="select" data-testid={`bridge-switch-${name}`} value={value} onChange={(e) => change({ switches: { ...form.switches, [name]: e.target.value } })}>
                      {choices.map((choice) => (
                        <option key={choice} value={choice}>
                          {choice}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input id={`bridge-switch-${name}`} className="input" data-testid={`bridge-switch-${name}`} value={value} onChange={(e) => change({ switches: { ...form.switches, [name]: e.target.value } })} />
                  )}
                  <Reason text={t(`bridgePage.advanced.reason.${name}`, { defaultValue: '' })} />
                </div>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="bridge-switches">
          <legend className="field-label">{t('bridgePage.advanced.fieldNumbers')}</legend>
          <Reason text={t('bridgePage.advanced.fieldNumbersReason')} />
          {(['requests', 'responses'] as const).map((field) => (
            <div className="bridge-field" key={field}>
              <label className="field-label" htmlFor={`bridge-adv-${field}`}>
                {t(`bridgePage.advanced.${field}`)}
              </label>
              <textarea id={`bridge-adv-${field}`} className="input mono" rows={2} data-testid={`bridge-adv-${field}`} value={form[field]} placeholder='{"C_AUTH": {"sign": 9}}' onChange={(e) => change({ [field]: e.target.value })} />
              <FieldIssue issue={issue(field)} testId={`bridge-adv-${field}-error`} />
            </div>
          ))}
        </fieldset>
        <div className="bridge-actions">
          <button type="submit" className="button button-primary" data-testid="bridge-adv-save" disabled={busy === 'advanced'}>
            {t('bridgePage.advanced.save')}
          </button>
          {done?.action === 'advanced' ? (
            <p className="hint" role="status" data-testid="bridge-adv-saved">
              {t('bridgePage.settings.saved')}
            </p>
          ) : null}
          {error?.action === 'advanced' ? (
            <p className="field-error" role="alert" data-testid="bridge-adv-error">
              {errorText(error.body)}
            </p>
          ) : null}
        </div>
      </form>
    </details>
  );
}
