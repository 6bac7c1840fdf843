import { useTranslation } from 'react-i18next';
import type { TlsMode } from './backend-form-check.ts';
import { FieldError } from './form-fields.tsx';

const MODES: readonly TlsMode[] = ['verify', 'pinned', 'accept-any'];

interface TlsChoiceProps {
  readonly mode: TlsMode;
  readonly fingerprint: string;
  /** The backend is pinned already: a blank fingerprint keeps that pin. */
  readonly keepsPin: boolean;
  readonly error: string;
  readonly onMode: (mode: TlsMode) => void;
  readonly onFingerprint: (value: string) => void;
  readonly onBlur: () => void;
}

/** How to trust an https:// server: a trusted certificate, one pinned fingerprint, or anything. */
export function TlsChoice(props: TlsChoiceProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-group">
      <legend className="field-label">{t('backends.form.tls')}</legend>
      <p className="field-hint">{t('backends.form.tlsHint')}</p>
      <div className="choices choices-wrap">
        {MODES.map((mode) => (
          <label key={mode} className="choice">
            <input type="radio" name="backend-tls" value={mode} checked={props.mode === mode} data-testid={`backend-tls-${mode}`} onChange={() => props.onMode(mode)} />
            <span>{t(`backends.form.tlsModes.${mode}`)}</span>
          </label>
        ))}
      </div>
      {props.mode === 'accept-any' && <p className="field-hint warning-text">{t('backends.form.acceptAnyWarning')}</p>}
      {props.mode === 'pinned' && (
        <div className="form-row fingerprint-row">
          <label className="field-label" htmlFor="backend-field-fingerprint">
            {t('backends.form.fingerprint')}
          </label>
          <input
            id="backend-field-fingerprint"
            className="input mono"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={props.fingerprint}
            placeholder={props.keepsPin ? t('backends.form.keepPin') : 'AB:CD:…'}
            aria-invalid={props.error !== ''}
            aria-describedby="backend-field-fingerprint-error"
            data-testid="backend-fingerprint"
            onChange={(event) => props.onFingerprint(event.target.value)}
            onBlur={props.onBlur}
          />
          <FieldError id="backend-field-fingerprint-error" message={props.error} />
        </div>
      )}
    </fieldset>
  );
}
