import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteAddressSchema, type Site } from '../../../../shared/contract/sites.ts';
import { announce } from '../../stores/status.ts';
import { sitesStore, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';

/** The same rule the core applies (the contract's SiteAddressSchema): the cleaned address, or the validation key. */
function checkSiteAddress(value: string): { ok: true; address: string } | { ok: false; key: string } {
  const result = SiteAddressSchema.safeParse(value);
  if (result.success) return { ok: true, address: result.data };
  return { ok: false, key: result.error.issues[0]?.message ?? 'invalid' };
}

/** A site's address (printed in the report's sign-off block), edited in place: Enter saves, Esc cancels. */
export function SiteAddress({ site }: { readonly site: Site }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(site.address);
  const [busy, setBusy] = useState(false);
  const serverError = useSites((s) => (s.error?.action === 'address' && s.error.siteId === site.id ? s.error.body : null));
  const check = checkSiteAddress(draft);
  const message = serverError ? errorText(serverError) : !check.ok ? t(`validation.${check.key}`, { defaultValue: t('validation.invalid') }) : '';
  const errorId = `site-${site.id}-address-error`;

  async function save() {
    if (busy || !check.ok) return;
    setBusy(true);
    const saved = await sitesStore.getState().setAddress(site.id, check.address);
    setBusy(false);
    if (saved) {
      announce(saved.address ? 'siteAddress.saved' : 'siteAddress.cleared', { name: saved.name });
      setEditing(false);
    }
  }

  function cancel() {
    if (serverError) sitesStore.getState().clearError();
    setEditing(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  if (!editing) {
    return (
      <span className="site-address">
        {site.address ? (
          <span className="site-address-text" data-testid="site-address">
            {site.address}
          </span>
        ) : (
          <span className="hint" data-testid="site-address-none">
            {t('siteAddress.none')}
          </span>
        )}{' '}
        <button
          type="button"
          className="button button-small"
          data-testid="site-address-edit"
          // The visible words stay the button's name; the site's name says which row (as Rename does).
          aria-describedby={`site-${site.id}-name`}
          onClick={() => {
            setDraft(site.address);
            setEditing(true);
          }}
        >
          {t('siteAddress.edit')}
        </button>
      </span>
    );
  }
  return (
    <div className="site-address-form">
      <input
        className="input input-compact"
        type="text"
        autoFocus
        autoComplete="street-address"
        value={draft}
        placeholder={t('siteAddress.placeholder')}
        aria-label={t('siteAddress.editLabel', { name: site.name })}
        aria-invalid={message !== ''}
        aria-describedby={errorId}
        disabled={busy}
        data-testid="site-address-input"
        onChange={(event) => {
          setDraft(event.target.value);
          if (serverError) sitesStore.getState().clearError();
        }}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="button button-primary button-small" data-testid="site-address-save" disabled={busy || !check.ok} onClick={() => void save()}>
        {t('siteAddress.save')}
      </button>
      <button type="button" className="button button-small" disabled={busy} onClick={cancel}>
        {t('siteAddress.cancel')}
      </button>
      <p id={errorId} className="field-error" aria-live="polite">
        {message && <span data-testid="site-address-error">{message}</span>}
      </p>
    </div>
  );
}
