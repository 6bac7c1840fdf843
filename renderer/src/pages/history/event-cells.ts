import type { HistoryEvent } from '../../../../shared/contract/history.ts';

/** A field the events may carry beyond the common ones (direction…), when present. */
export function eventExtra(event: HistoryEvent['event'], field: string): string | null {
  const value = (event as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The person of an event as one cell: number and name. */
export function personCell(event: HistoryEvent['event']): string {
  return [event.personPin, event.personName].filter(Boolean).join(' ');
}
