import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../../../shared/contract/errors.ts';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/index.ts';
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
  type Check,
} from './k30-sign-check.ts';
import { K30OpenResult, K30SignResult } from './k30-sign-result.tsx';

const signK30 = (input: MethodInput<'tools.signK30'>) => api.call('tools.signK30', input);
const openK30 = (input: MethodInput<'tools.openK30'>) => api.call('tools.openK30', input);

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

/**
 * A form checked as it is typed (a field's problem shows once it was touched or a submit was tried)
 * whose submit sends the checked input to the core; any edit drops a stale result.
 */
function useCheckedForm<Values extends Record<Field, string>, Field extends string, Input, Output>(empty: Values, check: (values: Values) => Check<Input, Field>, send: (input: Input) => Promise<Output>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(empty);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const call = useCall<Output>();
  const checked = check(values);
  const set = (change: Partial<Values>) => {
    setValues((v) => ({ ...v, ...change }));
    call.clear();
    setTouched((s) => new Set([...s, ...Object.keys(change)]));
  };
  const problem = (field: Field): string => {
    const key: string | undefined = checked.ok ? undefined : checked.errors[field];
    return key && (attempted || touched.has(field)) ? t(`validation.${key}`) : '';
  };
  const prefill = (example: Partial<Values>) => {
    set(example);
    setAttempted(false);
  };
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!checked.ok) return;
    const { input } = checked;
    await call.run(() => send(input));
  }
  return { values, set, problem, prefill, submit, call };
}

/** The form's submit button (busy while the core works) and the core's refusal in the user's language. */
function SubmitRow({ label, testId, busy, error }: { readonly label: string; readonly testId: string; readonly busy: boolean; readonly error: ApiErrorBody | null }) {
  const errorText = useErrorText();
  return (
    <>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid={testId}>
          {busy && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
          {label}
        </button>
      </div>
      {error && (
        <div className="alert alert-error" role="alert" data-testid="k30wb-error">
          <p className="alert-text">{errorText(error)}</p>
        </div>
      )}
    </>
  );
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
  const { values, set, problem, prefill, submit, call } = useCheckedForm<K30SignValues, K30SignField, Parameters<typeof signK30>[0], MethodOutput<'tools.signK30'>>(EMPTY_K30_SIGN, checkK30Sign, signK30);
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

  return (
    <>
      <section className="card">
        <div className="example-note">
          <p>{t('workbenchK30.exampleNote', { sign: K30_DOCUMENT_SIGN })}</p>
          <button type="button" className="button button-small" data-testid="k30wb-example" onClick={() => prefill(K30_SIGN_EXAMPLE)}>
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
          <SubmitRow label={t('workbenchK30.sign')} testId="k30wb-sign" busy={call.busy} error={call.error} />
        </form>
      </section>
      {call.result && <K30SignResult result={call.result} />}
    </>
  );
}

function OpenPane() {
  const { t } = useTranslation();
  const { values, set, problem, prefill, submit, call } = useCheckedForm<K30OpenValues, K30OpenField, Parameters<typeof openK30>[0], MethodOutput<'tools.openK30'>>(EMPTY_K30_OPEN, checkK30Open, openK30);

  return (
    <>
      <section className="card">
        <div className="example-note">
          <p>{t('workbenchK30.openExampleNote', { plaintext: K30_DOCUMENT_PLAINTEXT })}</p>
          <button type="button" className="button button-small" data-testid="k30wb-open-example" onClick={() => prefill(K30_OPEN_EXAMPLE)}>
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
          <SubmitRow label={t('workbenchK30.open')} testId="k30wb-open" busy={call.busy} error={call.error} />
        </form>
      </section>
      {call.result && <K30OpenResult result={call.result} />}
    </>
  );
}
