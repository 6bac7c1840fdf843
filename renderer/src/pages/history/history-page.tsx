import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryFilters } from '../../../../shared/contract/history.ts';
import { localTimeZone } from '../../../../shared/i18n/format-time.ts';
import { formatDateTime } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { hrefFor } from '../../routes.ts';
import { historyStore, useHistory } from '../../stores/history.ts';
import { currentSiteTimeZone, useSites } from '../../stores/sites.ts';
import { useErrorText } from '../../use-error-text.ts';
import { saveFile } from '../import/file-download.ts';
import './history.css';
import { HistoryDayTable } from './history-day.tsx';
import { HistoryFiltersForm } from './history-filters.tsx';
import { HistoryTable } from './history-results.tsx';
import { siteToday } from './site-today.ts';

/** The guard room's history: search the stored events, a day's counts, exports and the printed day's log. */
export function HistoryPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lang = currentLang();
  const site = useSites((s) => s.sites.find((x) => x.id === s.currentSiteId) ?? null);
  const timeZone = useSites((s) => currentSiteTimeZone(s)) ?? localTimeZone();
  const today = siteToday(timeZone);
  const filters = useHistory((s) => s.filters);
  const events = useHistory((s) => s.events);
  const next = useHistory((s) => s.next);
  const loading = useHistory((s) => s.loading);
  const day = useHistory((s) => s.day);
  const dayLoading = useHistory((s) => s.dayLoading);
  const dayLog = useHistory((s) => s.dayLog);
  const exporting = useHistory((s) => s.exporting);
  const error = useHistory((s) => s.error);
  const [date, setDate] = useState(today);
  const [exported, setExported] = useState<string | null>(null);
  const siteId = site?.id ?? null;

  useEffect(() => historyStore.getState().watch(), []);

  // The site's day and its events up to now, as the page opens.
  useEffect(() => {
    if (siteId === null) return;
    void historyStore.getState().search({ siteId, from: today, to: `${today} 23:59:59` });
    void historyStore.getState().loadDay(siteId, today);
  }, [siteId, today]);

  if (site === null || siteId === null) {
    return (
      <div className="page page-wide history-page">
        <h1 className="page-title">{t('history.title')}</h1>
        <p className="card empty" data-testid="history-no-site">
          {t('history.noSite')} <a href={hrefFor('sites')}>{t('nav.sites')}</a>
        </p>
      </div>
    );
  }

  async function exportAs(format: 'csv' | 'xlsx', shown: HistoryFilters) {
    const file = await historyStore.getState().exportFile(shown, format, lang);
    if (!file) return;
    saveFile(file);
    setExported(t('history.export.done', { count: file.rows, file: file.fileName }));
  }

  async function printDay(current: string) {
    if (siteId === null) return;
    if (await historyStore.getState().loadDayLog(siteId, current)) requestAnimationFrame(() => window.print());
  }

  return (
    <div className="page page-wide history-page">
      <header className="page-header">
        <h1 className="page-title">{t('history.title')}</h1>
        <p className="page-intro">{t('history.intro', { zone: timeZone })}</p>
      </header>

      <HistoryFiltersForm key={`${siteId}:${today}`} siteId={siteId} today={today} busy={loading} onSearch={(f) => void historyStore.getState().search(f)} />

      {error && (
        <div className="alert alert-error" role="alert" data-testid="page-error">
          <p className="alert-text">{t('history.errors.loadFailed', { error: errorText(error) })}</p>
        </div>
      )}

      <section className="card" aria-labelledby="history-results-title">
        <div className="history-toolbar">
          <h2 className="card-title" id="history-results-title">
            {t('history.results.count', { count: events.length })}
          </h2>
          <button type="button" className="button" disabled={exporting || filters === null} data-testid="history-export-csv" onClick={() => filters && void exportAs('csv', filters)}>
            {t('history.export.csv')}
          </button>
          <button type="button" className="button" disabled={exporting || filters === null} data-testid="history-export-xlsx" onClick={() => filters && void exportAs('xlsx', filters)}>
            {t('history.export.xlsx')}
          </button>
          {exported && (
            <span className="hint" data-testid="history-exported">
              {exported}
            </span>
          )}
        </div>
        {events.length === 0 && !loading ? (
          <p className="empty" data-testid="history-empty">
            {t('history.results.empty')}
          </p>
        ) : (
          <HistoryTable events={events} timeZone={timeZone} testId="history-results" />
        )}
        {next && (
          <button type="button" className="button" disabled={loading} data-testid="history-more" onClick={() => void historyStore.getState().more()}>
            {t('history.results.more')}
          </button>
        )}
      </section>

      <section className="card history-day" aria-labelledby="history-day-title">
        <div className="history-toolbar">
          <h2 className="card-title" id="history-day-title">
            {t('history.day.title')}
          </h2>
          <label className="field field-inline">
            <span className="field-label">{t('history.day.date')}</span>
            <input type="date" className="input" value={date} onChange={(e) => setDate(e.target.value)} data-testid="history-day-date" />
          </label>
          <button type="button" className="button" disabled={dayLoading || date === ''} data-testid="history-day-show" onClick={() => void historyStore.getState().loadDay(siteId, date)}>
            {t('history.day.show')}
          </button>
          <button type="button" className="button button-primary" disabled={day === null} data-testid="history-print" onClick={() => day && void printDay(day.date)}>
            {t('history.day.print')}
          </button>
        </div>
        {day && <HistoryDayTable day={day} />}
      </section>

      {day && dayLog && (
        // On paper only (history.css): the day's counts and its log, newest first.
        <section className="history-print" data-testid="history-print-view">
          <h1>{t('history.day.printTitle', { site: site.name, date: day.date })}</h1>
          <p>{t('history.day.printTimes', { zone: day.timeZone, printed: formatDateTime(new Date().toISOString(), lang, day.timeZone) })}</p>
          <HistoryDayTable day={day} />
          <HistoryTable events={dayLog} timeZone={day.timeZone} testId="history-print-log" />
        </section>
      )}
    </div>
  );
}
