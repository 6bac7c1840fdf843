import { useTranslation } from 'react-i18next';
import type { HistoryEvent } from '../../../../shared/contract/history.ts';
import { formatDateTimeSeconds } from '../../date-time.ts';
import { currentLang } from '../../i18n.ts';
import { eventExtra, personCell } from './event-cells.ts';

/** One row per event: time (site's zone), backend, door, direction, person, verify mode, kind, event. */
export function HistoryTable({ events, timeZone, testId }: { events: readonly HistoryEvent[]; timeZone: string; testId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <div className="history-scroll">
      <table className="table history-table" data-testid={testId}>
        <thead>
          <tr>
            {(['time', 'backend', 'door', 'direction', 'person', 'mode', 'kind', 'event'] as const).map((c) => (
              <th key={c} scope="col">
                {t(`history.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {events.map(({ backendId, backendName, at, event }) => {
            const direction = eventExtra(event, 'direction');
            return (
              <tr key={`${backendId}:${event.eventId}`} data-testid="history-row" data-event-id={event.eventId} data-kind={event.kind}>
                <td className="nowrap">{formatDateTimeSeconds(at, lang, timeZone)}</td>
                <td>{backendName}</td>
                <td>{event.doorName ?? event.doorId ?? ''}</td>
                <td>{direction === 'in' || direction === 'out' ? t(`history.directions.${direction}`) : (direction ?? '')}</td>
                <td>{personCell(event)}</td>
                <td>{event.verifyMode ?? ''}</td>
                <td>{t(`report.kinds.${event.kind}`)}</td>
                <td>{event.description}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
