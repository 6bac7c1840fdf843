import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import type { SiteId } from '../../../../shared/contract/sites.ts';
import { normalizeBaseUrl } from '../../../../shared/rules/base-url.ts';
import { backendsStore, useBackends, type BackendDraft } from '../../stores/backends.ts';
import { announce } from '../../stores/status.ts';
import { useErrorText } from '../../use-error-text.ts';
import {
  checkBackendUpdate,
  checkNewBackend,
  draftForm,
  emptyForm,
  formFor,
  FORM_VENDORS,
  type BackendFormValues,
  type FormField,
  type FormVendor,
} from './backend-form-check.ts';
import { CredentialFields, FieldError, TextField } from './form-fields.tsx';
import { AlreadyAdded, alreadyAddedOf, openBackend, useSameServer } from './same-server.tsx';
import { TlsChoice } from './tls-choice.tsx';

interface BackendFormProps {
  readonly siteId: SiteId;
  /** The backend being edited; null adds a new one. */
  readonly backend: Backend | null;
  /** A new backend's vendor, address and name found elsewhere (a scan); only the credentials are left to type. */
  readonly draft?: BackendDraft | null;
  readonly onDone: () => void;
}

/**
 * Add or edit a backend. Checked as the user types with the contract's schemas; a field's problem
 * shows once the field has been typed in or left, and every problem after a try to save.
 */
export function BackendForm({ siteId, backend, draft = null, onDone }: BackendFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<BackendFormValues>(() => (backend ? formFor(backend) : draft ? draftForm(draft) : emptyForm()));
  const drafted = backend === null && draft !== null;

  // A drafted form lies below the list: bring it into view and start at the first credential.
  useEffect(() => {
    if (!drafted) return;
    const form = document.getElementById('backend-form-title');
    form?.scrollIntoView?.({ block: 'start' });
    document.querySelector<HTMLInputElement>('[data-testid="backend-form"] fieldset input')?.focus();
  }, [drafted]);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const serverError = useBackends((s) => (s.error && (s.error.action === 'add' || s.error.action === 'update') ? s.error.body : null));

  const update = backend ? checkBackendUpdate(backend, values) : null;
  const create = backend ? null : checkNewBackend(siteId, values);
  const check = update ?? create ?? { ok: false as const, errors: {} };
  const errors = check.ok ? {} : check.errors;
  const messageFor = (field: FormField): string => {
    const key = errors[field];
    return key && (attempted || touched.has(field)) ? t(`validation.${key}`, { defaultValue: t('validation.invalid') }) : '';
  };

  function change(field: keyof BackendFormValues, value: string): void {
    setValues((v) => ({ ...v, [field]: value }));
    if (value !== '' && field !== 'vendor' && field !== 'tlsMode') setTouched((s) => new Set(s).add(field));
    if (serverError) backendsStore.getState().clearError();
  }
  const blur = (field: FormField) => setTouched((s) => new Set(s).add(field));
  // What people paste (no scheme, the browser's page path) is tidied when they leave the field.
  const blurUrl = () => {
    const tidied = normalizeBaseUrl(values.baseUrl);
    if (tidied.ok && tidied.url !== values.baseUrl) setValues((v) => ({ ...v, baseUrl: tidied.url }));
    blur('baseUrl');
  };
  // One server is one backend: the one already at this address is offered instead (issue 12 item 4).
  const sameServer = useSameServer(values.baseUrl, backend?.id ?? null);
  const alreadyAdded = sameServer ?? alreadyAddedOf(serverError);
  const openExisting = (id: number) => {
    openBackend(id);
    onDone();
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (sameServer) {
      document.getElementById('backend-field-baseUrl')?.focus();
      return;
    }
    if (!check.ok) {
      const first = Object.keys(check.errors)[0];
      if (first) document.getElementById(`backend-field-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const store = backendsStore.getState();
    const saved = update?.ok ? await store.update(update.input) : create?.ok ? await store.add(create.input) : null;
    setBusy(false);
    if (!saved) return;
    announce(backend ? 'backends.form.updated' : 'backends.form.added', { name: saved.name });
    store.select(saved.id);
    onDone();
  }

  const vendor = values.vendor;
  return (
    <section className="card" aria-labelledby="backend-form-title">
      <h2 id="backend-form-title" className="card-title">
        {backend ? t('backends.form.editTitle', { name: backend.name }) : t('backends.form.addTitle')}
      </h2>
      <form className="backend-form" data-testid="backend-form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <label className="form-row">
            <span className="field-label">{t('backends.form.vendor')}</span>
            <select
              className="select"
              value={vendor}
              disabled={backend !== null}
              data-testid="backend-vendor"
              onChange={(event) => {
                const next = FORM_VENDORS.find((v) => v === event.target.value);
                if (next) setValues((v) => ({ ...v, vendor: next as FormVendor, token: '', appKey: '', secretKey: '' }));
              }}
            >
              {FORM_VENDORS.map((v) => (
                <option key={v} value={v}>
                  {t(`backends.vendors.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <TextField field="name" label={t('backends.form.name')} hint={t('backends.form.nameHint')} placeholder={t('backends.form.namePlaceholder')}
            value={values.name} error={messageFor('name')} onChange={(v) => change('name', v)} onBlur={() => blur('name')} testId="backend-name" />
          <TextField field="baseUrl" label={t('backends.form.url')} hint={t(`backends.form.urlHint.${vendor}`)} placeholder={t(`backends.form.urlPlaceholder.${vendor}`)}
            value={values.baseUrl} error={messageFor('baseUrl')} onChange={(v) => change('baseUrl', v)} onBlur={blurUrl} testId="backend-url" mono />
        </div>
        {alreadyAdded && <AlreadyAdded backend={alreadyAdded} onOpen={() => openExisting(alreadyAdded.id)} />}

        <CredentialFields vendor={vendor} editing={backend !== null} values={values} messageFor={messageFor} onChange={change} onBlur={blur} />

        <TlsChoice
          mode={values.tlsMode}
          fingerprint={values.fingerprint}
          keepsPin={backend?.tls === 'pinned'}
          error={messageFor('fingerprint')}
          onMode={(mode) => change('tlsMode', mode)}
          onFingerprint={(v) => change('fingerprint', v)}
          onBlur={() => blur('fingerprint')}
        />

        <p className="hint secrets-note">{t('backends.form.secretsNote')}</p>
        <FieldError id="backend-form-error" message={serverError && !alreadyAddedOf(serverError) ? errorText(serverError) : ''} testId="backend-form-error" />
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => { backendsStore.getState().clearError(); onDone(); }}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy} data-testid="backend-save">
            {busy && <span className="spinner spinner-small" aria-hidden="true" />}
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
