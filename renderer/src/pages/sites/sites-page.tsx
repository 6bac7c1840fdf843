import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site, SiteId } from '../../../../shared/contract/sites.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { announce } from '../../stores/status.ts';
import { sitesStore, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { AddSiteForm } from './add-site-form.tsx';
import { SiteRow } from './site-row.tsx';

/** Sites: add, rename, delete, and choose the one the other pages work on. */
export function SitesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sites = useSites((s) => s.sites);
  const currentSiteId = useSites((s) => s.currentSiteId);
  const loaded = useSites((s) => s.loaded);
  const loading = useSites((s) => s.loading);
  // Create and rename errors are shown beside their inputs; the rest here.
  const pageError = useSites((s) =>
    s.error && s.error.action !== 'create' && s.error.action !== 'rename' ? s.error : null,
  );
  const [editingId, setEditingId] = useState<SiteId | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusListAfterDelete = useRef(false);

  // After a delete the row (and the button that opened the dialog) is gone: continue from the
  // list's heading. This runs after the dialog's own effect has closed it (children's effects run
  // first); while the modal is open nothing outside it can take focus.
  useEffect(() => {
    if (deleting === null && focusListAfterDelete.current) {
      focusListAfterDelete.current = false;
      listHeadingRef.current?.focus();
    }
  }, [deleting]);

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteBusy(true);
    const ok = await sitesStore.getState().remove(deleting.id);
    setDeleteBusy(false);
    if (ok) announce('sites.deleted', { name: deleting.name });
    if (editingId === deleting.id) setEditingId(null);
    focusListAfterDelete.current = ok;
    setDeleting(null);
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1 className="page-title">{t('sites.title')}</h1>
        <p className="page-intro">{t('sites.intro')}</p>
      </header>

      <section className="card">
        <AddSiteForm />
      </section>

      {pageError && (
        <div className="alert alert-error" role="alert" data-testid="page-error">
          <p className="alert-text">{errorText(pageError.body)}</p>
          <div className="alert-actions">
            {pageError.action === 'load' && (
              <button type="button" className="button button-small" onClick={() => void sitesStore.getState().load()}>
                {t('common.retry')}
              </button>
            )}
            <button type="button" className="button button-small" onClick={() => sitesStore.getState().clearError()}>
              {t('common.dismiss')}
            </button>
          </div>
        </div>
      )}

      <section className="card card-flush" aria-labelledby="sites-list-title" aria-busy={loading}>
        <h2 id="sites-list-title" ref={listHeadingRef} tabIndex={-1} className="card-title">
          {t('sites.listTitle')}
        </h2>
        {!loaded ? (
          <p className="empty">{loading ? t('common.loading') : ''}</p>
        ) : sites.length === 0 ? (
          <p className="empty" data-testid="sites-empty">
            {t('sites.empty')}
          </p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('sites.columns.name')}</th>
                <th scope="col">{t('siteAddress.label')}</th>
                <th scope="col">{t('siteTimeZone.header')}</th>
                <th scope="col">{t('sites.columns.created')}</th>
                <th scope="col" className="actions-head">
                  <span className="visually-hidden">{t('sites.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <SiteRow
                  key={site.id}
                  site={site}
                  current={site.id === currentSiteId}
                  editing={site.id === editingId}
                  onEdit={(editing) => {
                    if (editing) sitesStore.getState().clearError();
                    setEditingId(editing ? site.id : null);
                  }}
                  onDelete={setDeleting}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <ConfirmDialog
        open={deleting !== null}
        title={t('sites.confirmDeleteTitle')}
        confirmLabel={t('common.delete')}
        confirmTestId="confirm-delete"
        danger
        busy={deleteBusy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? t('sites.confirmDelete', { name: deleting.name }) : ''}</p>
      </ConfirmDialog>
    </div>
  );
}
