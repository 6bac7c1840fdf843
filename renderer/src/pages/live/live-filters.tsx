import { useTranslation } from 'react-i18next';
import { liveStore, useLive } from '../../stores/live.ts';
import { LIVE_RESULTS, NO_FILTERS, type LiveResult } from '../../stores/live-feed.ts';

/** Backend, door, result, alarms only, person, search. */
export function LiveFiltersBar({ doors }: { doors: readonly { key: string; label: string }[] }) {
  const { t } = useTranslation();
  const filters = useLive((s) => s.filters);
  const names = useLive((s) => s.backendNames);
  const set = liveStore.getState().setFilters;
  return (
    <div className="live-filters" role="search">
      <label className="field">
        <span>{t('live.filters.backend')}</span>
        <select className="select" data-testid="live-filter-backend" value={filters.backendId ?? ''} onChange={(e) => set({ backendId: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">{t('live.filters.all')}</option>
          {Object.entries(names).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('live.filters.door')}</span>
        <select className="select" data-testid="live-filter-door" value={filters.door ?? ''} onChange={(e) => set({ door: e.target.value === '' ? null : e.target.value })}>
          <option value="">{t('live.filters.all')}</option>
          {doors.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('live.filters.result')}</span>
        <select className="select" data-testid="live-filter-result" value={filters.result ?? ''} onChange={(e) => set({ result: e.target.value === '' ? null : (e.target.value as LiveResult) })}>
          <option value="">{t('live.filters.all')}</option>
          {LIVE_RESULTS.map((r) => (
            <option key={r} value={r}>
              {t(`live.results.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-check">
        <input type="checkbox" data-testid="live-filter-alarm" checked={filters.alarmOnly} onChange={(e) => set({ alarmOnly: e.target.checked })} />
        <span>{t('live.filters.alarmOnly')}</span>
      </label>
      <label className="field">
        <span>{t('live.filters.person')}</span>
        <input className="input" data-testid="live-filter-person" maxLength={100} value={filters.person} onChange={(e) => set({ person: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('live.filters.search')}</span>
        <input className="input" type="search" data-testid="live-filter-text" maxLength={200} value={filters.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <button type="button" className="button button-small" data-testid="live-filter-clear" onClick={() => set(NO_FILTERS)}>
        {t('live.filters.clear')}
      </button>
    </div>
  );
}
