import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../shared/contract/errors.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { api } from '../../api/client.ts';
import { errorBody } from '../../stores/api-error.ts';
import { useErrorText } from '../../use-error-text.ts';
import {
  checkK30Open,
  checkK30Sign,
  EMPTY_K30_OPEN,
  EMPTY_K30_SIGN,
  K30_DOCUMENT_PLAINTEXT,
  K30_DOCUMENT_SIGN,
  K30_OPEN_EXAMPLE,
  K30_SIGN_EXAMPLE,
  type K30OpenField,
  type K30OpenValues,
  type K30SignField,
  type K30SignValues,
} from './k30-sign-check.ts';
import { K30OpenResult, K30SignResult } from './k30-sign-result.tsx';

const DIRECTIONS = ['sign', 'open'] as const;
type Direction = (typeof DIRECTIONS)[number];

/** K30's signature both ways: a request signed and encrypted as sent, or a received envelope opened and its sign checked. */
export function K30SignForm() {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<Direction>('sign');
  return (
    <div className="workbench">
      <div className="choices" role="radiogroup" aria-label={t('backends.vendors.k30')}>
        {DIRECTIONS.map((d) => (
          <label key={d} className="choice">
            <input type="radio" name="k30-direction" checked={direction === d} data-testid={`k30wb-direction-${d}`} onChange={() => setDirection(d)} />
            <span>{t(`workbenchK30.directions.${d}`)}</span>
          </label>
        ))}
      </div>
      {direction === 'sign' ? <SignPane /> : <OpenPane />}
    </div>
  );
}

/** One call to the core with its busy flag, result and error; any edit drops a stale result. */
function useCall<Output>() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Output | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  async function run(call: () => Promise<Output>) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call());
    } catch (failure) {
      setError(errorBody(failure));
    } finally {
      setBusy(false);
    }
  }
  return { busy, result, error, run, clear: () => setResult(null) };
}

interface RowProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly problem: string;
  readonly children: ReactNode;
}

function Row({ id, label, hint, problem, children }: RowProps) {
  return (
    <div className="form-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && <p className="field-hint">{hint}</p>}
      <p className="field-error" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}

function SignPane() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<K30SignValues>(EMPTY_K30_SIGN);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const call = useCall<MethodOutput<'tools.signK30'>>();
  const check = checkK30Sign(values);

  const set = (change: Partial<K30SignValues>) => {
    setValues((v) => ({ ...v, ...change }));
    call.clear();
    setTouched((s) => new Set([...s, ...Object.keys(change)]));
  };
  const problem = (field: K30SignField): string => {
    const key = check.ok ? undefined : check.errors[field];
    return key && (attempted || touched.has(field)) ? t(`validation.${key}`) : '';
  };
  const input = (field: keyof K30SignValues, placeholder?: string) => (
    <input
      id={`k30wb-${field}`}
      className="input mono"
      type="text"
      autoComplete="off"
      spellCheck={false}
      placeholder={placeholder}
      value={values[field]}
      data-testid={`k30wb-${field}`}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );
  const area = (field: keyof K30SignValues, rows: number, invalid: boolean) => (
    <textarea
      id={`k30wb-${field}`}
      className="input textarea mono"
      rows={rows}
      spellCheck={false}
      value={values[field]}
      aria-invalid={invalid}
      data-testid={`k30wb-${field}`}
      onChange={(e) => set({ [field]: e.target.value })}
    />
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!check.ok) return;
    const { input: request } = check;
    await call.run(() => api.call('tools.signK30', request));
  }

  return (
    <>
      <section className="card">
        <div className="example-note">
          <p>{t('workbenchK30.exampleNote', { sign: K30_DOCUMENT_SIGN })}</p>
          <button type="button" className="button button-small" data-testid="k30wb-example" onClick={() => { set(K30_SIGN_EXAMPLE); setAttempted(false); }}>
            {t('workbenchK30.prefill')}
          </button>
        </div>
        <form className="sign-form" onSubmit={submit} noValidate data-testid="k30wb-sign-form">
          <div className="form-grid">
            <Row id="k30wb-companyno" label={t('workbenchK30.companyno')} problem="">
              {input('companyno', '1762766749844335')}
            </Row>
            <Row id="k30wb-timestamp" label={t('workbenchK30.timestamp')} hint={t('workbenchK30.timestampHint')} problem="">
              {input('timestamp', '20251127145555976')}
            </Row>
            <Row id="k30wb-method" label={t('workbenchK30.method')} hint={t('workbenchK30.methodHint')} problem="">
              {input('method', 'authstatus')}
            </Row>
          </div>
          <Row id="k30wb-otherFields" label={t('workbenchK30.otherFields')} hint={t('workbenchK30.otherFieldsHint')} problem={problem('otherFields')}>
            {area('otherFields', 2, problem('otherFields') !== '')}
          </Row>
          <Row id="k30wb-data" label={t('workbenchK30.data')} hint={t('workbenchK30.dataHint')} problem={problem('data')}>
            {area('data', 4, problem('data') !== '')}
          </Row>
          <div className="form-grid">
            <Row id="k30wb-secret" label={t('workbenchK30.secret')} hint={t('workbenchK30.secretHint')} problem={problem('secret')}>
              {input('secret')}
            </Row>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={call.busy} data-testid="k30wb-sign">
              {call.busy && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
              {t('workbenchK30.sign')}
            </button>
          </div>
          {call.error && (
            <div className="alert alert-error" role="alert" data-testid="k30wb-error">
              <p className="alert-text">{errorText(call.error)}</p>
            </div>
          )}
        </form>
      </section>
      {call.result && <K30SignResult result={call.result} />}
    </>
  );
}

function OpenPane() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<K30OpenValues>(EMPTY_K30_OPEN);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const call = useCall<MethodOutput<'tools.openK30'>>();
  const check = checkK30Open(values);

  const set = (change: Partial<K30OpenValues>) => {
    setValues((v) => ({ ...v, ...change }));
    call.clear();
    setTouched((s) => new Set([...s, ...Object.keys(change)]));
  };
  const problem = (field: K30OpenField): string => {
    const key = check.ok ? undefined : check.errors[field];
    return key && (attempted || touched.has(field)) ? t(`validation.${key}`) : '';
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!check.ok) return;
    const { input: request } = check;
    await call.run(() => api.call('tools.openK30', request));
  }

  return (
    <>
      <section className="card">
        <div className="example-note">
          <p>{t('workbenchK30.openExampleNote', { plaintext: K30_DOCUMENT_PLAINTEXT })}</p>
          <button type="button" className="button button-small" data-testid="k30wb-open-example" onClick={() => { set(K30_OPEN_EXAMPLE); setAttempted(false); }}>
            {t('workbenchK30.prefill')}
          </button>
        </div>
        <form className="sign-form" onSubmit={submit} noValidate data-testid="k30wb-open-form">
          <Row id="k30wb-envelope" label={t('workbenchK30.envelope')} hint={t('workbenchK30.envelopeHint')} problem={problem('envelope')}>
            <textarea
              id="k30wb-envelope"
              className="input textarea mono"
              rows={8}
              spellCheck={false}
              value={values.envelope}
              aria-invalid={problem('envelope') !== ''}
              data-testid="k30wb-envelope"
              onChange={(e) => set({ envelope: e.target.value })}
            />
          </Row>
          <div className="form-grid">
            <Row id="k30wb-open-secret" label={t('workbenchK30.secret')} hint={t('workbenchK30.openSecretHint')} problem={problem('secret')}>
              <input
                id="k30wb-open-secret"
                className="input mono"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={values.secret}
                aria-invalid={problem('secret') !== ''}
                data-testid="k30wb-open-secret"
                onChange={(e) => set({ secret: e.target.value })}
              />
            </Row>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={call.busy} data-testid="k30wb-open">
              {call.busy && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
              {t('workbenchK30.open')}
            </button>
          </div>
          {call.error && (
            <div className="alert alert-error" role="alert" data-testid="k30wb-error">
              <p className="alert-text">{errorText(call.error)}</p>
            </div>
          )}
        </form>
      </section>
      {call.result && <K30OpenResult result={call.result} />}
    </>
  );
}
