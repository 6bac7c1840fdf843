import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/contract/people.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { peopleStore, usePeople } from '../../stores/people.ts';
import { useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { deviceResultsStore } from '../../stores/device-results.ts';
import { peopleSyncStore } from '../../stores/people-sync.ts';
import { filterPeople } from './people-logic.ts';
import { PeopleTable } from './people-table.tsx';
import { PersonEditForm } from './person-edit-form.tsx';
import './people.css';

/** The current site's enrolled people: search, edit (re-enrolled to the same backends) and delete. */
export function PeoplePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const siteId = useSites((s) => s.currentSiteId);
  const backends = useBackends((s) => s.backends);
  const people = usePeople((s) => s.people);
  const loading = usePeople((s) => s.loading);
  const busy = usePeople((s) => s.busy);
  const notice = usePeople((s) => s.notice);
  const error = usePeople((s) => s.error);
  const [query, setQuery] = useState('');
  const [editingId, setEditingId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);

  useEffect(() => {
    void backendsStore.getState().load(siteId);
    void peopleStore.getState().load(siteId);
    void peopleSyncStore.getState().load(siteId);
    void deviceResultsStore.getState().load(siteId);
  }, [siteId]);
  useEffect(() => peopleSyncStore.getState().watch(), []);
  useEffect(() => deviceResultsStore.getState().watch(), []);

  const shown = useMemo(() => filterPeople(people, query), [people, query]);
  const editing = people.find((p) => p.id === editingId) ?? null;
  const backendName = (id: number) => backends.find((b) => b.id === id)?.name ?? t('people.unknownBackend', { id });

  async function confirmDelete() {
    if (!deleting) return;
    const person = deleting;
    await peopleStore.getState().remove(person);
    if (editingId === person.id) setEditingId(null);
    setDeleting(null);
  }

  if (siteId === null) {
    return (
      <div className="page">
        <h1 className="page-title">{t('people.title')}</h1>
        <p className="empty">{t('people.noSite')}</p>
      </div>
    );
  }

  return (
    <div className="page page-wide" data-testid="people-page">
      <header className="page-header">
        <h1 className="page-title">{t('people.title')}</h1>
        <p className="page-intro">{t('people.intro')}</p>
      </header>
      <section className="card" aria-labelledby="people-list-title">
        <h2 className="card-title" id="people-list-title">
          {t('people.title')}
        </h2>
        <div className="people-toolbar">
          <label className="field-label" htmlFor="people-search">
            {t('people.search')}
          </label>
          <input id="people-search" type="search" className="input" data-testid="people-search" value={query} placeholder={t('people.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
        </div>
        {loading && people.length === 0 ? <p className="hint">{t('common.loading')}</p> : null}
        {!loading && people.length === 0 ? <p className="empty">{t('people.empty')}</p> : null}
        {people.length > 0 && shown.length === 0 ? <p className="empty">{t('people.noMatch')}</p> : null}
        {shown.length > 0 ? (
          <PeopleTable people={shown} busy={busy} backends={backends} backendName={backendName} onEdit={(p) => setEditingId(p.id)} onDelete={setDeleting} />
        ) : null}
        {notice ? (
          <p className="hint" role="status" data-testid="people-notice">
            {notice.kind === 'saved' ? t('people.saved', { name: notice.name, count: notice.count }) : t('people.deleted', { name: notice.name })}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" role="alert" data-testid="people-error">
            {errorText(error)}
          </p>
        ) : null}
      </section>
      {editing ? <PersonEditForm key={editing.id} person={editing} onDone={() => setEditingId(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('people.confirmDeleteTitle')}
        confirmLabel={t('common.delete')}
        busy={busy}
        danger
        confirmTestId="confirm-delete"
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>{deleting ? t('people.confirmDelete', { name: deleting.fields.name, pin: deleting.fields.pin }) : null}</p>
      </ConfirmDialog>
    </div>
  );
}
