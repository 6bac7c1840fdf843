import type { HistoryEvent } from '../../shared/contract/history.ts';
import { createTranslator, type Lang } from '../../shared/i18n/index.ts';
import { writeCsv } from '../import/csv-writer.ts';
import { siteWallTime } from './site-clock.ts';

/** Fixed so the same events always make the same workbook properties. */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 0, 1));

const COLUMNS = ['time', 'backend', 'door', 'reader', 'device', 'direction', 'pin', 'person', 'mode', 'kind', 'event', 'photo', 'eventId'] as const;

/** A field F's events may carry (direction, result…): read when present, empty when not. */
function extra(event: HistoryEvent['event'], field: string): string {
  const value = (event as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

/** The table of events as a file gives it: a header row, then one row per event, times in the site's wall clock. */
export function historyRows(events: readonly HistoryEvent[], clock: { lang: Lang; timeZone: string }): string[][] {
  const t = createTranslator(clock.lang).t;
  const header = COLUMNS.map((c) => t(`history.columns.${c}`));
  const rows = events.map(({ backendName, at, event }) => {
    const ms = Date.parse(at);
    const direction = extra(event, 'direction');
    return [
      Number.isNaN(ms) ? event.occurredAt : siteWallTime(ms, clock.timeZone),
      backendName,
      event.doorName ?? event.doorId ?? '',
      event.readerName ?? '',
      event.deviceSerial ?? '',
      direction === 'in' || direction === 'out' ? t(`history.directions.${direction}`) : direction,
      event.personPin ?? '',
      event.personName ?? '',
      event.verifyMode ?? '',
      t(`report.kinds.${event.kind}`),
      event.description,
      event.photoUrl ?? '',
      event.eventId,
    ];
  });
  return [header, ...rows];
}

/** The events as CSV (csv-writer.ts: UTF-8 with BOM, formula-safe) or as an XLSX workbook of text cells. */
export async function historyFile(events: readonly HistoryEvent[], format: 'csv' | 'xlsx', clock: { lang: Lang; timeZone: string }): Promise<Buffer> {
  const [header = [], ...rows] = historyRows(events, clock);
  if (format === 'csv') return writeCsv([header, ...rows]);
  // Loaded on demand: exceljs is large, and a CSV export does not need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Doorman';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  const sheet = workbook.addWorksheet('Events', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, index) => ({ header: h, key: `c${index}`, width: COLUMNS[index] === 'photo' ? 40 : COLUMNS[index] === 'time' ? 20 : 16, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const photo = COLUMNS.indexOf('photo');
  for (const row of rows) {
    const added = sheet.addRow(row);
    const url = row[photo];
    // A photo link is a link in the workbook: a click opens the backend's picture.
    if (url && /^https?:\/\//i.test(url)) added.getCell(photo + 1).value = { text: url, hyperlink: url };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
