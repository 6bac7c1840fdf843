import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../shared/contract/errors.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { errorBody } from '../../stores/api-error.ts';
import { useErrorText } from '../../use-error-text.ts';
import { BODY_KINDS, checkSignForm, DOCUMENT_EXAMPLE, EMPTY_SIGN_FORM, METHODS, randomNonce, type SignField, type SignFormValues } from './hongtu-sign-check.ts';
import { SignResult } from './sign-result.tsx';

type Signed = MethodOutput<'tools.signHongtu'>;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Hongtu's csign for a request the user pastes: what the platform should compute, piece by piece. */
export function HongtuSignForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<SignFormValues>(EMPTY_SIGN_FORM);
  const [touched, setTouched] = useState<ReadonlySet<SignField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Signed | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const check = checkSignForm(values);

  const set = (change: Partial<SignFormValues>) => {
    setValues((v) => ({ ...v, ...change }));
    setResult(null);
    setTouched((s) => new Set([...s, ...(Object.keys(change) as SignField[])]));
  };
  const problem = (field: SignField): string => {
    const key = check.ok ? undefined : check.errors[field];
    return key && (attempted || touched.has(field)) ? t(`validation.${key}`) : '';
  };

  async function sign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!check.ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.call('tools.signHongtu', check.input));
    } catch (failure) {
      setError(errorBody(failure));
    } finally {
      setBusy(false);
    }
  }

  const row = (field: SignField, label: string, input: ReactNode, hint?: string) => (
    <div className="form-row">
      <label className="field-label" htmlFor={`sign-${field}`}>
        {label}
      </label>
      {input}
      {hint && <p className="field-hint">{hint}</p>}
      <p className="field-error" aria-live="polite">
        {problem(field)}
      </p>
    </div>
  );
  const text = (field: SignField, testId: string, extra: { secret?: boolean; placeholder?: string } = {}) => (
    <input
      id={`sign-${field}`}
      className="input mono"
      type={extra.secret ? 'password' : 'text'}
      autoComplete="off"
      spellCheck={false}
      placeholder={extra.placeholder}
      value={values[field as keyof SignFormValues]}
      aria-invalid={problem(field) !== ''}
      data-testid={testId}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );

  return (
    <div className="workbench">
      <section className="card">
        <div className="example-note">
          <p>{t('workbench.exampleNote', { csign: '52141def7a1e346ceee2f22c43d5fb97' })}</p>
          <button type="button" className="button button-small" data-testid="workbench-example" onClick={() => { set(DOCUMENT_EXAMPLE); setAttempted(false); }}>
            {t('workbench.prefill')}
          </button>
        </div>
        <form className="sign-form" onSubmit={sign} noValidate>
          <div className="form-grid">
            {row('uri', t('workbench.uri'), text('uri', 'workbench-uri', { placeholder: '/v1/api/person/list' }))}
            <div className="form-row">
              <label className="field-label" htmlFor="sign-method">
                {t('workbench.method')}
              </label>
              <select id="sign-method" className="select" value={values.method} data-testid="workbench-method" onChange={(e) => set({ method: METHODS.find((m) => m === e.target.value) ?? 'POST' })}>
                {METHODS.map((m) => (
                  <option key={m}>{m}</option>
                ))}
              </select>
            </div>
            {row('query', t('workbench.query'), text('query', 'workbench-query', { placeholder: 'type=1' }), t('workbench.queryHint'))}
          </div>

          <fieldset className="form-group">
            <legend className="field-label">{t('workbench.body')}</legend>
            <div className="choices choices-wrap">
              {BODY_KINDS.map((kind) => (
                <label key={kind} className="choice">
                  <input type="radio" name="sign-body" checked={values.bodyKind === kind} data-testid={`workbench-body-${kind}`} onChange={() => set({ bodyKind: kind })} />
                  <span>{t(`workbench.bodyKinds.${kind}`)}</span>
                </label>
              ))}
            </div>
            {values.bodyKind === 'json' &&
              row(
                'bodyText',
                t('workbench.bodyText'),
                <textarea id="sign-bodyText" className="input textarea mono" rows={4} spellCheck={false} value={values.bodyText} data-testid="workbench-body" onChange={(e) => set({ bodyText: e.target.value })} />,
                values.bodyText !== '' && !isJson(values.bodyText) ? t('workbench.notJson') : t('workbench.bodyTextHint'),
              )}
            {values.bodyKind === 'md5' && row('bodyMd5', t('workbench.bodyMd5'), text('bodyMd5', 'workbench-md5'))}
            {values.bodyKind !== 'json' && values.bodyKind !== 'md5' && <p className="field-hint">{t(`workbench.bodyKindHints.${values.bodyKind}`)}</p>}
          </fieldset>

          <div className="form-grid">
            {row('secretKey', t('workbench.secretKey'), text('secretKey', 'workbench-secret', { secret: true }))}
            {row('appKey', t('workbench.appKey'), text('appKey', 'workbench-app-key'))}
            {row(
              'timestamp',
              t('workbench.timestamp'),
              <div className="input-with-button">
                {text('timestamp', 'workbench-timestamp', { placeholder: t('workbench.blankNow') })}
                <button type="button" className="button button-small" data-testid="workbench-now" onClick={() => set({ timestamp: String(Date.now()) })}>
                  {t('workbench.now')}
                </button>
              </div>,
            )}
            {row(
              'nonce',
              t('workbench.nonce'),
              <div className="input-with-button">
                {text('nonce', 'workbench-nonce', { placeholder: t('workbench.blankRandom') })}
                <button type="button" className="button button-small" onClick={() => set({ nonce: randomNonce() })}>
                  {t('workbench.random')}
                </button>
              </div>,
            )}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="workbench-sign">
              {busy && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
              {t('workbench.sign')}
            </button>
          </div>
          {error && (
            <div className="alert alert-error" role="alert" data-testid="workbench-error">
              <p className="alert-text">{errorText(error)}</p>
            </div>
          )}
        </form>
      </section>
      {result && <SignResult result={result} />}
    </div>
  );
}
