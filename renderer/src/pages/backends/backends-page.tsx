import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backend } from '../../../../shared/contract/backends.ts';
import { hrefFor } from '../../routes.ts';
import { backendsStore, useBackends, type BackendDraft } from '../../stores/backends.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { BackendForm } from './backend-form.tsx';
import { BackendList } from './backend-list.tsx';
import { BackendView } from './backend-view.tsx';
import './backends.css';

type FormMode = { readonly kind: 'add'; readonly draft?: BackendDraft } | { readonly kind: 'edit'; readonly backend: Backend } | null;

/** Backends of the current site: the list, the add/edit form, and the chosen backend's view. */
export function BackendsPage() {
  const { t } = useTranslation();
  const siteId = useSites((s) => s.currentSiteId);
  const siteName = useSites((s) => s.sites.find((site) => site.id === s.currentSiteId)?.name ?? '');
  const sitesLoaded = useSites((s) => s.loaded);
  const selected = useBackends((s) => s.backends.find((b) => b.id === s.selectedId) ?? null);
  // A backend another page found (a scan) waits in the add form, filled in, until saved or closed.
  const draft = useBackends((s) => (s.draft !== null && s.draft.siteId === siteId ? s.draft : null));
  // The form belongs to the site it was opened on: switching sites closes it.
  const [opened, setOpened] = useState<{ readonly siteId: number | null; readonly mode: FormMode }>({ siteId: null, mode: null });
  const form: FormMode = draft ? { kind: 'add', draft } : opened.siteId === siteId ? opened.mode : null;
  const setForm = (mode: FormMode) => {
    if (draft) backendsStore.getState().clearDraft();
    setOpened({ siteId, mode });
  };

  useEffect(() => {
    void backendsStore.getState().load(siteId);
  }, [siteId]);

  return (
    <div className="page page-wide commissioning">
      <header className="page-header">
        <h1 className="page-title">{t('backends.title')}</h1>
        <p className="page-intro">{t('backends.intro')}</p>
      </header>

      {!sitesLoaded ? (
        <p className="hint">{t('common.loading')}</p>
      ) : siteId === null ? (
        <NoSite />
      ) : (
        <>
          <BackendList siteName={siteName} onAdd={() => setForm({ kind: 'add' })} />
          <PageError />
          {form && (
            <BackendForm
              key={form.kind === 'edit' ? `edit-${form.backend.id}` : form.draft ? `draft-${form.draft.baseUrl}` : 'add'}
              siteId={siteId}
              backend={form.kind === 'edit' ? form.backend : null}
              draft={form.kind === 'add' ? (form.draft ?? null) : null}
              onDone={() => setForm(null)}
            />
          )}
          {selected && <BackendView key={selected.id} backend={selected} onEdit={() => setForm({ kind: 'edit', backend: selected })} />}
        </>
      )}
    </div>
  );
}

function NoSite() {
  const { t } = useTranslation();
  return (
    <section className="card no-site" data-testid="backends-no-site">
      <p>{t('backends.noSite')}</p>
      <a className="button button-primary" href={hrefFor('sites')}>
        {t('backends.goToSites')}
      </a>
    </section>
  );
}

/** Load and remove failures (add and edit show theirs in the form). */
function PageError() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const error = useBackends((s) => (s.error && (s.error.action === 'load' || s.error.action === 'remove') ? s.error : null));
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="page-error">
      <p className="alert-text">{errorText(error.body)}</p>
      <div className="alert-actions">
        {error.action === 'load' && (
          <button type="button" className="button button-small" onClick={() => void backendsStore.getState().load(backendsStore.getState().siteId)}>
            {t('common.retry')}
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => backendsStore.getState().clearError()}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}
