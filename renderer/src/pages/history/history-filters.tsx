import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventKind, type HistoryFilters } from '../../../../shared/contract/history.ts';
import type { SiteId } from '../../../../shared/contract/sites.ts';
import { backendsStore, useBackends } from '../../stores/backends.ts';
import { inventoryOf, inventoryStore, useInventory } from '../../stores/inventory.ts';

import type { Backend, Door } from '../../../../shared/contract/backends.ts';

const NO_BACKENDS: readonly Backend[] = [];
const NO_DOORS: readonly Door[] = [];

interface Props {
  readonly siteId: SiteId;
  readonly today: string;
  readonly busy: boolean;
  readonly onSearch: (filters: HistoryFilters) => void;
}

/** The History page's filters: time range (the site's clock), backend, door, kind, person, text. */
export function HistoryFiltersForm({ siteId, today, busy, onSearch }: Props) {
  const { t } = useTranslation();
  const backends = useBackends((s) => (s.siteId === siteId ? s.backends : NO_BACKENDS));
  const [from, setFrom] = useState(`${today}T00:00`);
  const [to, setTo] = useState(`${today}T23:59`);
  const [backendId, setBackendId] = useState('');
  const [doorId, setDoorId] = useState('');
  const [kind, setKind] = useState('');
  const [person, setPerson] = useState('');
  const [text, setText] = useState('');
  const chosen = backendId === '' ? null : Number(backendId);
  const doors = useInventory((s) => (chosen === null ? NO_DOORS : (inventoryOf(s, chosen).inventory?.doors ?? NO_DOORS)));

  useEffect(() => void backendsStore.getState().load(siteId), [siteId]);
  useEffect(() => {
    if (chosen !== null) void inventoryStore.getState().load(chosen, false);
  }, [chosen]);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const filters: HistoryFilters = { siteId, from, to: to.length === 16 ? `${to}:59` : to };
    if (chosen !== null) filters.backendIds = [chosen];
    if (chosen !== null && doorId !== '') filters.doors = [{ backendId: chosen, doorId }];
    if (kind !== '') filters.kinds = [kind as EventKind];
    if (person.trim() !== '') filters.person = person.trim();
    if (text.trim() !== '') filters.text = text.trim();
    onSearch(filters);
  }

  return (
    <form className="card history-filters" onSubmit={submit} data-testid="history-filters">
      <label className="field">
        <span className="field-label">{t('history.filters.from')}</span>
        <input type="datetime-local" className="input" value={from} required onChange={(e) => setFrom(e.target.value)} data-testid="history-from" />
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.to')}</span>
        <input type="datetime-local" className="input" value={to} required onChange={(e) => setTo(e.target.value)} data-testid="history-to" />
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.backend')}</span>
        <select className="input" value={backendId} onChange={(e) => (setBackendId(e.target.value), setDoorId(''))} data-testid="history-backend">
          <option value="">{t('history.filters.all')}</option>
          {backends.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.door')}</span>
        <select className="input" value={doorId} disabled={chosen === null} onChange={(e) => setDoorId(e.target.value)} data-testid="history-door">
          <option value="">{t('history.filters.all')}</option>
          {doors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.kind')}</span>
        <select className="input" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="history-kind">
          <option value="">{t('history.filters.all')}</option>
          {EVENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`report.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.person')}</span>
        <input className="input" value={person} maxLength={100} onChange={(e) => setPerson(e.target.value)} data-testid="history-person" />
      </label>
      <label className="field">
        <span className="field-label">{t('history.filters.text')}</span>
        <input className="input" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="history-text" />
      </label>
      <div className="history-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="history-search">
          {t('history.filters.search')}
        </button>
      </div>
    </form>
  );
}
