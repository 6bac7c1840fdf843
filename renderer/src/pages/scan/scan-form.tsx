import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalSubnet } from '../../../../shared/contract/scan.ts';
import { DEFAULT_SCAN_PORTS } from '../../../../shared/rules/scan-ports.ts';
import { Badge } from '../../components/badge.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { scanStore, useScan, type ScanRun } from '../../stores/scan.ts';
import { useErrorText } from '../../use-error-text.ts';
import { checkScanForm, type ScanField, type ScanFieldError, type ScanFormValues } from '../../stores/scan-form.ts';

/** What to scan (this computer's subnets, more targets, exclusions, ports, timeout), Start / Cancel and the progress. */
export function ScanForm() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const subnets = useScan((s) => s.subnets);
  const ticked = useScan((s) => s.ticked);
  const form = useScan((s) => s.form);
  const starting = useScan((s) => s.starting);
  const run = useScan((s) => s.run);
  const large = useScan((s) => s.large);
  const fieldErrors = useScan((s) => s.fieldErrors);
  const startError = useScan((s) => (s.error?.action === 'start' ? s.error.body : null));
  const running = run?.state === 'running';
  const busy = starting || running;
  const number = (n: number) => n.toLocaleString(i18n.language);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const store = scanStore.getState();
    const check = checkScanForm(store.form, store.ticked ?? []);
    if (!check.ok) {
      store.showFieldErrors(check.errors);
      const first = (['targets', 'exclude', 'ports', 'timeoutMs'] as const).find((f) => check.errors[f]);
      if (first) document.getElementById(`scan-field-${first}`)?.focus();
      return;
    }
    void store.start(check.request);
  }

  const messageOf = (error: ScanFieldError | undefined): string => {
    if (!error) return '';
    const text = t(error.key, { defaultValue: t('validation.invalid') });
    return error.items.length > 0 ? `${text} ${t('scanPage.notUnderstood', { items: error.items.join(', ') })}` : text;
  };
  const startErrorText = startError ? errorText(startError) : '';

  const field = (name: Exclude<ScanField, 'timeoutMs'>, label: string, hint: string, placeholder: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      placeholder={placeholder}
      value={form[name]}
      error={messageOf(fieldErrors[name])}
      disabled={busy}
      onChange={(value) => scanStore.getState().setForm({ [name]: value })}
    />
  );

  return (
    <section className="card" aria-labelledby="scan-form-title">
      <h2 id="scan-form-title" className="card-title">
        {t('scanPage.targetsTitle')}
      </h2>
      <form className="scan-form" data-testid="scan-form" onSubmit={submit} noValidate>
        <fieldset className="scan-subnets" disabled={busy}>
          <legend className="field-label">{t('scanPage.subnets')}</legend>
          {subnets === null ? (
            <p className="hint">{t('common.loading')}</p>
          ) : subnets.length === 0 ? (
            <p className="hint">{t('scanPage.noSubnets')}</p>
          ) : (
            <ul className="scan-subnet-list">
              {subnets.map((subnet) => (
                <li key={`${subnet.interface}-${subnet.address}`}>
                  <SubnetChoice subnet={subnet} checked={(ticked ?? []).includes(subnet.cidr)} />
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <div className="scan-fields">
          {field('targets', t('scanPage.moreTargets'), t('scanPage.moreTargetsHint'), t('scanPage.moreTargetsPlaceholder'))}
          {field('exclude', t('scanPage.exclude'), t('scanPage.excludeHint'), t('scanPage.excludePlaceholder'))}
          {field('ports', t('scanPage.ports'), t('scanPage.portsHint'), DEFAULT_SCAN_PORTS.join(', '))}
          <TextField
            name="timeoutMs"
            label={t('scanPage.timeout')}
            hint={t('scanPage.timeoutHint')}
            placeholder="1000"
            value={form.timeoutMs}
            error={messageOf(fieldErrors.timeoutMs)}
            disabled={busy}
            numeric
            onChange={(value) => scanStore.getState().setForm({ timeoutMs: value })}
          />
        </div>
        <label className="scan-onvif">
          <input type="checkbox" checked={form.onvif} disabled={busy} data-testid="scan-onvif" onChange={(event) => scanStore.getState().setForm({ onvif: event.target.checked })} />
          <span>
            {t('scanPage.onvif')} <span className="hint">{t('scanPage.onvifHint')}</span>
          </span>
        </label>
        <div className="scan-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="scan-start">
            {starting && <span className="spinner scan-spinner" aria-hidden="true" />}
            {t('scanPage.start')}
          </button>
          {running && (
            <button type="button" className="button" data-testid="scan-cancel" onClick={() => void scanStore.getState().cancel()}>
              {t('scanPage.cancel')}
            </button>
          )}
        </div>
        <p className="field-error" role="alert" data-testid="scan-start-error">
          {startErrorText}
        </p>
      </form>
      {run && <Progress run={run} />}
      <ConfirmDialog
        open={large !== null}
        title={t('scanPage.largeTitle')}
        confirmLabel={t('scanPage.largeConfirm')}
        busy={starting}
        confirmTestId="scan-confirm-large"
        onConfirm={() => void scanStore.getState().confirmLarge()}
        onCancel={() => scanStore.getState().dismissLarge()}
      >
        <p data-testid="scan-large-question">{t('scanPage.largeQuestion', { count: number(large?.count ?? 0) })}</p>
        <p className="hint">{t('scanPage.largeHint')}</p>
      </ConfirmDialog>
    </section>
  );
}

function SubnetChoice({ subnet, checked }: { readonly subnet: LocalSubnet; readonly checked: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="scan-subnet">
      <input
        type="checkbox"
        checked={checked}
        data-testid="scan-subnet"
        data-cidr={subnet.cidr}
        data-internal={subnet.internal}
        onChange={(event) => scanStore.getState().tick(subnet.cidr, event.target.checked)}
      />
      <span className="mono">{subnet.cidr}</span>
      <span className="hint">
        {t('scanPage.subnetDetail', { interface: subnet.interface, address: subnet.address, count: subnet.addresses.toLocaleString(i18n.language) })}
      </span>
      {subnet.internal && <Badge tone="neutral">{t('scanPage.internal')}</Badge>}
    </label>
  );
}

interface TextFieldProps {
  readonly name: keyof ScanFormValues;
  readonly label: string;
  readonly hint: string;
  readonly placeholder: string;
  readonly value: string;
  readonly error: string;
  readonly disabled: boolean;
  readonly numeric?: boolean;
  readonly onChange: (value: string) => void;
}

function TextField(props: TextFieldProps) {
  const id = `scan-field-${props.name}`;
  return (
    <div className="scan-field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="input mono"
        type="text"
        inputMode={props.numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={props.error !== ''}
        aria-describedby={`${id}-hint ${id}-error`}
        data-testid={`scan-${props.name === 'timeoutMs' ? 'timeout' : props.name}`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="scan-field-hint">
        {props.hint}
      </p>
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {props.error && <span data-testid={`scan-error-${props.name}`}>{props.error}</span>}
      </p>
    </div>
  );
}

function Progress({ run }: { readonly run: ScanRun }) {
  const { t, i18n } = useTranslation();
  const { done, total, found } = run.progress;
  const values = { done: done.toLocaleString(i18n.language), total: total.toLocaleString(i18n.language), found };
  const seconds = run.summary ? (run.summary.durationMs / 1000).toFixed(1) : '';
  const text =
    run.state === 'running'
      ? t('scanPage.progress', values)
      : run.state === 'done'
        ? t('scanPage.finished', { ...values, seconds })
        : run.state === 'cancelled'
          ? t('scanPage.cancelled', values)
          : t('scanPage.failed');
  return (
    <div className="scan-progress" data-testid="scan-progress" data-state={run.state} data-done={done} data-total={total} data-found={found}>
      <progress value={done} max={Math.max(total, 1)} aria-label={t('scanPage.progressLabel')} />
      <p className="hint" data-testid="scan-progress-text">
        {text}
      </p>
      {/* Announced once, at the end: progress ticks ten times a second and would drown a screen reader. */}
      <p className="visually-hidden" role="status">
        {run.state === 'running' ? '' : text}
      </p>
    </div>
  );
}
