import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '../../stores/status.ts';
import { sitesStore, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { checkSiteName } from './site-name.ts';

/** The "add a site" form: checked as the user types, the core's refusal shown beside it. */
export function AddSiteForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  // An empty field is an error only right after the user tried to add it (until they type
  // again); the other rules (too long, control characters) show as they type.
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const serverError = useSites((s) => (s.error?.action === 'create' ? s.error.body : null));

  const check = checkSiteName(name);
  const message = serverError
    ? errorText(serverError)
    : !check.ok && (attempted || check.key !== 'name_required')
      ? t(`validation.${check.key}`, { defaultValue: t('validation.invalid') })
      : '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    if (!check.ok) {
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    const site = await sitesStore.getState().create(check.name);
    setBusy(false);
    if (site) {
      setName('');
      setAttempted(false);
      announce('sites.created', { name: site.name });
    }
    // Either way the user's next move is typing: another name, or a corrected one.
    inputRef.current?.focus();
  }

  return (
    <form className="add-site" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor="site-name">
        {t('sites.newName')}
      </label>
      <div className="add-site-row">
        <input
          ref={inputRef}
          id="site-name"
          className="input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={name}
          placeholder={t('sites.newPlaceholder')}
          aria-invalid={message !== ''}
          aria-describedby="site-name-error"
          data-testid="site-name-input"
          onChange={(event) => {
            setName(event.target.value);
            setAttempted(false);
            if (serverError) sitesStore.getState().clearError();
          }}
        />
        <button type="submit" className="button button-primary" disabled={busy} data-testid="site-add">
          {t('sites.add')}
        </button>
      </div>
      <p id="site-name-error" className="field-error" aria-live="polite">
        {message && <span data-testid="form-error">{message}</span>}
      </p>
    </form>
  );
}
