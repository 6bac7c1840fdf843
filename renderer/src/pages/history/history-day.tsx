import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type HistoryDay } from '../../../../shared/contract/history.ts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The day's counts: a row per door, a column per hour of the site's day, totals on both sides. */
export function HistoryDayTable({ day }: { day: HistoryDay }) {
  const { t } = useTranslation();
  if (day.total === 0) {
    return (
      <p className="empty" data-testid="history-day-empty">
        {t('history.day.empty')}
      </p>
    );
  }
  return (
    <>
      <div className="history-day-scroll">
        <table className="table history-day-table" data-testid="history-day-table">
          <thead>
            <tr>
              <th scope="col">{t('history.day.door')}</th>
              {HOURS.map((h) => (
                <th key={h} scope="col" className="num">
                  {String(h).padStart(2, '0')}
                </th>
              ))}
              <th scope="col" className="num">
                {t('history.day.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {day.doors.map((d) => (
              <tr key={`${d.backendId}:${d.doorId ?? ''}`} data-testid="history-day-door" data-door-id={d.doorId ?? ''}>
                <th scope="row">
                  {d.doorName ?? d.doorId ?? '—'} <span className="hint">{d.backendName}</span>
                </th>
                {d.hours.map((n, h) => (
                  <td key={h} className="num" data-hour={h}>
                    {n || ''}
                  </td>
                ))}
                <td className="num" data-testid="history-day-door-total">
                  {d.total}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('history.day.allDoors')}</th>
              {day.hours.map((n, h) => (
                <td key={h} className="num">
                  {n || ''}
                </td>
              ))}
              <td className="num" data-testid="history-day-total">
                {day.total}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="history-kinds" data-testid="history-day-kinds">
        {t('history.day.kinds')}:{' '}
        {EVENT_KINDS.filter((k) => day.kinds[k])
          .map((k) => `${t(`report.kinds.${k}`)} ${day.kinds[k]}`)
          .join(' · ')}
      </p>
    </>
  );
}
