import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRIDGE_CREDENTIAL_FIELDS, type Bridge } from '../../../../shared/contract/bridges.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { bridgeStore, useBridge } from '../../stores/bridge.ts';
import { checkBridgeForm, EMPTY_BRIDGE_FORM, formOf, isPlainHttp, type BridgeForm, type FormIssue, type TlsMode } from '../../stores/bridge-form.ts';
import { useErrorText } from '../../use-error-text.ts';

const TLS_MODES: readonly TlsMode[] = ['verify', 'pinned', 'accept-any'];

/** A field's problem, in the user's language, under it. */
export function FieldIssue({ issue, testId }: { readonly issue: FormIssue | undefined; readonly testId: string }) {
  const { t } = useTranslation();
  if (!issue) return null;
  return (
    <p className="field-error" data-testid={testId}>
      {t(issue.key, issue.values ?? {})}
    </p>
  );
}

/**
 * Platform settings (issue 16 item 5.1): add a bridge to the site or change the shown one. The
 * credentials are write-only: shown as set / not set, replaced by typing new ones. The page keys it
 * by the bridge and its updatedAt, so a saved change shows as stored.
 */
export function SettingsForm({ siteId, bridge }: { readonly siteId: number; readonly bridge: Bridge | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const busy = useBridge((s) => s.busy);
  const error = useBridge((s) => s.error);
  const done = useBridge((s) => s.done);
  const [form, setForm] = useState<BridgeForm>(bridge ? formOf(bridge) : EMPTY_BRIDGE_FORM);
  const [touched, setTouched] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const checked = useMemo(() => checkBridgeForm(form, siteId, bridge), [form, siteId, bridge]);
  const issue = (field: keyof BridgeForm) => (touched ? checked.issues[field] : undefined);
  const change = (patch: Partial<BridgeForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!checked.add && !checked.update) return;
    if (await bridgeStore.getState().save(checked)) setTouched(false);
  }

  const text = (field: 'name' | 'tcp' | 'url', label: string, placeholder?: string) => (
    <div className="bridge-field">
      <label className="field-label" htmlFor={`bridge-${field}`}>
        {label}
      </label>
      <input id={`bridge-${field}`} className="input" data-testid={`bridge-${field}`} value={form[field]} placeholder={placeholder} aria-invalid={issue(field) ? true : undefined} onChange={(e) => change({ [field]: e.target.value })} />
      <FieldIssue issue={issue(field)} testId={`bridge-${field}-error`} />
    </div>
  );

  return (
    <form className="card bridge-settings" onSubmit={(e) => void submit(e)} noValidate data-testid="bridge-settings">
      <h2 className="card-title">{t(bridge ? 'bridgePage.settings.title' : 'bridgePage.settings.titleNew')}</h2>
      <div className="bridge-grid">
        {text('name', t('bridgePage.settings.name'), t('bridgePage.settings.namePlaceholder'))}
        {text('tcp', t('bridgePage.settings.tcp'), '10.0.0.5:9000')}
        {text('url', t('bridgePage.settings.url'), 'https://')}
        <div className="bridge-field">
          <label className="field-label" htmlFor="bridge-tls">
            {t('bridgePage.settings.tls')}
          </label>
          <select id="bridge-tls" className="select" data-testid="bridge-tls" value={form.tls} onChange={(e) => change({ tls: e.target.value as TlsMode })}>
            {TLS_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`bridgePage.settings.tlsMode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        {form.tls === 'pinned' ? (
          <div className="bridge-field">
            <label className="field-label" htmlFor="bridge-fingerprint">
              {t('bridgePage.settings.fingerprint')}
            </label>
            <input id="bridge-fingerprint" className="input mono" data-testid="bridge-fingerprint" value={form.fingerprint} aria-invalid={issue('fingerprint') ? true : undefined} onChange={(e) => change({ fingerprint: e.target.value })} />
            {bridge?.tls === 'pinned' ? <p className="hint">{t('bridgePage.settings.fingerprintKeep')}</p> : null}
            <FieldIssue issue={issue('fingerprint')} testId="bridge-fingerprint-error" />
          </div>
        ) : null}
      </div>
      {isPlainHttp(form.url) ? (
        <p className="alert alert-warning" role="status" data-testid="bridge-plain-http">
          {t('bridgePage.settings.plainHttp')}
        </p>
      ) : null}
      {form.tls === 'accept-any' ? (
        <p className="alert alert-warning" role="status" data-testid="bridge-accept-any">
          {t('bridgePage.settings.acceptAny')}
        </p>
      ) : null}
      <fieldset className="bridge-credentials">
        <legend className="field-label">{t('bridgePage.settings.credentials')}</legend>
        {BRIDGE_CREDENTIAL_FIELDS.map((field) => {
          const isSet = bridge?.credentialFields.includes(field) ?? false;
          return (
            <div className="bridge-field" key={field}>
              <label className="field-label" htmlFor={`bridge-${field}`}>
                {field}
                {bridge ? (
                  <span className="bridge-credential-state" data-testid={`bridge-${field}-state`} data-set={isSet}>
                    {' · '}
                    {t(isSet ? 'bridgePage.settings.credentialSet' : 'bridgePage.settings.credentialNotSet')}
                  </span>
                ) : null}
              </label>
              <input
                id={`bridge-${field}`}
                className="input mono"
                type="password"
                autoComplete="off"
                data-testid={`bridge-${field}`}
                value={form[field]}
                placeholder={isSet ? t('bridgePage.settings.replace') : ''}
                aria-invalid={issue(field) ? true : undefined}
                onChange={(e) => change({ [field]: e.target.value })}
              />
              <FieldIssue issue={issue(field)} testId={`bridge-${field}-error`} />
            </div>
          );
        })}
        <p className="hint">{t('bridgePage.settings.credentialHint')}</p>
      </fieldset>
      <label className="bridge-check">
        <input type="checkbox" data-testid="bridge-enabled" checked={form.enabled} onChange={(e) => change({ enabled: e.target.checked })} /> {t('bridgePage.settings.enabled')}
      </label>
      <div className="bridge-actions">
        <button type="submit" className="button button-primary" data-testid="bridge-save" disabled={busy === 'save'}>
          {t(bridge ? 'bridgePage.settings.save' : 'bridgePage.settings.add')}
        </button>
        {bridge ? (
          <button type="button" className="button button-danger-quiet" data-testid="bridge-remove" onClick={() => setConfirmRemove(true)}>
            {t('bridgePage.settings.remove')}
          </button>
        ) : null}
        {done?.action === 'save' ? (
          <p className="hint" role="status" data-testid="bridge-saved">
            {t(done.count === 1 ? 'bridgePage.settings.added' : 'bridgePage.settings.saved')}
          </p>
        ) : null}
        {error && (error.action === 'save' || error.action === 'remove') ? (
          <p className="field-error" role="alert" data-testid="bridge-save-error">
            {errorText(error.body)}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmRemove}
        title={t('bridgePage.settings.removeTitle')}
        confirmLabel={t('bridgePage.settings.remove')}
        danger
        busy={busy === 'remove'}
        confirmTestId="bridge-remove-confirm"
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => void bridgeStore.getState().remove().then(() => setConfirmRemove(false))}
      >
        {t('bridgePage.settings.removeBody', { name: bridge?.name ?? '' })}
      </ConfirmDialog>
    </form>
  );
}
