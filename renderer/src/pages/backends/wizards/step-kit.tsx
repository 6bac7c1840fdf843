import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../use-error-text.ts';
import type { Loaded } from './use-loaded.ts';

/**
 * The step's one action ("Import", "Bind"…), with a spinner while it runs. While something it
 * needs is missing it is disabled and says what, next to it (issue 12 item 16): `missing` lists
 * the fields' labels (or an earlier step) as the user sees them.
 */
export function RunButton({ label, busy, missing = [], onClick }: { readonly label: string; readonly busy: boolean; readonly missing?: readonly string[]; readonly onClick: () => void }) {
  const { t, i18n } = useTranslation();
  const blocked = missing.length > 0;
  return (
    <div className="wizard-run">
      <button type="button" className="button button-primary" disabled={busy || blocked} aria-describedby={blocked ? 'wizard-run-missing' : undefined} data-testid="wizard-run" onClick={onClick}>
        {busy && <span className="spinner spinner-small spinner-light" aria-hidden="true" />}
        {label}
      </button>
      {blocked && (
        <p id="wizard-run-missing" className="hint wizard-run-missing" data-testid="wizard-run-missing">
          {t('wizardRun.missing', { fields: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing) })}
        </p>
      )}
    </div>
  );
}

/** The labels of what a step still lacks, from `[lacking, label]` pairs in the order the form shows them. */
export function missingOf(checks: readonly (readonly [boolean, string])[]): string[] {
  return checks.filter(([lacking]) => lacking).map(([, label]) => label);
}

/** A list read from the backend for a step: loading, its error with "Reload", or the content. */
export function LoadedList<T>({ loaded, empty, children }: { readonly loaded: Loaded<T[]>; readonly empty: string; readonly children: (items: T[]) => ReactNode }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reload = (
    <button type="button" className="button button-small" data-testid="wizard-reload" onClick={loaded.reload}>
      {t('wizard.reload')}
    </button>
  );
  if (loaded.loading) {
    return (
      <p className="hint loading-line">
        <span className="spinner spinner-small" aria-hidden="true" /> {t('common.loading')}
      </p>
    );
  }
  if (loaded.error) {
    return (
      <div className="alert alert-error" role="alert">
        <p className="alert-text">{errorText(loaded.error)}</p>
        <div className="alert-actions">{reload}</div>
      </div>
    );
  }
  const items = loaded.data ?? [];
  if (items.length === 0) {
    return (
      <div className="wizard-empty">
        <p className="hint">{empty}</p>
        {reload}
      </div>
    );
  }
  return <>{children(items)}</>;
}

export function Field({ label, htmlFor, hint, children }: { readonly label: string; readonly htmlFor: string; readonly hint?: string | undefined; readonly children: ReactNode }) {
  return (
    <div className="form-row">
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}
