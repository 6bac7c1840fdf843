import type { AccessEvent } from '../../../shared/contract/backends.ts';
import { siteInstant } from '../../../shared/rules/site-instant.ts';
import { holds, mergeOrdered, placeRows } from './live-order.ts';

/** The most rows the live list keeps; older ones are on the History page. */
export const LIVE_MAX = 5_000;

/** The outcomes the guard filters on. */
export const LIVE_RESULTS = ['passed', 'denied', 'stranger', 'visitor', 'other'] as const;
export type LiveResult = (typeof LIVE_RESULTS)[number];

/** One event of the feed: where it came from and when it happened (ISO instant or the vendor's wall clock). */
export interface LiveRow {
  /** `backendId:eventId`: one row per stored event. */
  readonly key: string;
  readonly backendId: number;
  readonly backendName: string;
  readonly at: string;
  /** The instant `at` means at the site (ms), the feed's order (live-order.ts); −Infinity for no time. */
  readonly order: number;
  readonly event: AccessEvent;
}

export function rowKey(backendId: number, eventId: string): string {
  return `${backendId}:${eventId}`;
}

/** A row; a zone-less vendor time (`yyyy-MM-dd HH:mm:ss`) is read in the site's `timeZone`. */
export function toRow(backendId: number, backendName: string, at: string, event: AccessEvent, timeZone = 'UTC'): LiveRow {
  const instant = siteInstant(at, timeZone);
  return { key: rowKey(backendId, event.eventId), backendId, backendName, at, order: Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant, event };
}

/**
 * New rows (newest first, as a batch reads once reversed) placed by their time into the kept ones,
 * each event once (an event already kept is not added again), at most `max` rows: the oldest fall off.
 */
export function mergeRows(kept: readonly LiveRow[], incoming: readonly LiveRow[], max = LIVE_MAX): readonly LiveRow[] {
  return placeRows(kept, [...incoming].reverse(), max);
}

/** Rows read from history (a page, any order) placed by their time among the kept ones, each event once. */
export function appendOlder(kept: readonly LiveRow[], older: readonly LiveRow[]): readonly LiveRow[] {
  return placeRows(kept, older);
}

/** The outcome of an event: the vendor's when mapped, else from its kind. */
export function resultOf(event: AccessEvent): LiveResult {
  if (event.result) return event.result;
  if (event.kind === 'pass') return 'passed';
  if (event.kind === 'denied') return 'denied';
  return 'other';
}

/** What needs the guard's eye: strangers and denied passes (shown with colour, icon and word). */
export function standsOut(event: AccessEvent): 'stranger' | 'denied' | null {
  const result = resultOf(event);
  return result === 'stranger' || result === 'denied' ? result : null;
}

export interface LiveFilters {
  readonly backendId: number | null;
  /** `backendId:doorId`, or null for every door. */
  readonly door: string | null;
  readonly result: LiveResult | null;
  readonly alarmOnly: boolean;
  /** A personnel number (its beginning) or a name (any part). */
  readonly person: string;
  /** Any part of the door, reader, device, person or event name. */
  readonly text: string;
}

export const NO_FILTERS: LiveFilters = { backendId: null, door: null, result: null, alarmOnly: false, person: '', text: '' };

export function doorKey(row: LiveRow): string | null {
  const door = row.event.doorId ?? row.event.doorName;
  return door ? `${row.backendId}:${door}` : null;
}

function includes(haystack: string | null | undefined, needle: string): boolean {
  return (haystack ?? '').toLowerCase().includes(needle);
}

export function matches(row: LiveRow, f: LiveFilters): boolean {
  const { event } = row;
  if (f.backendId !== null && row.backendId !== f.backendId) return false;
  if (f.door !== null && doorKey(row) !== f.door) return false;
  if (f.result !== null && resultOf(event) !== f.result) return false;
  if (f.alarmOnly && event.kind !== 'alarm' && resultOf(event) !== 'stranger') return false;
  const person = f.person.trim().toLowerCase();
  if (person && !(event.personPin ?? '').toLowerCase().startsWith(person) && !includes(event.personName, person)) return false;
  const text = f.text.trim().toLowerCase();
  if (text) {
    const fields = [event.doorName, event.doorId, event.readerName, event.deviceSerial, event.personPin, event.personName, event.description, row.backendName];
    if (!fields.some((field) => includes(field, text))) return false;
  }
  return true;
}

export function filterRows(rows: readonly LiveRow[], f: LiveFilters): LiveRow[] {
  return rows.filter((row) => matches(row, f));
}

/** The doors seen in the feed, for the door filter (by backend, then name). */
export function doorsOf(rows: readonly LiveRow[]): { key: string; label: string }[] {
  const doors = new Map<string, string>();
  for (const row of rows) {
    const key = doorKey(row);
    if (key && !doors.has(key)) doors.set(key, `${row.backendName} · ${row.event.doorName ?? row.event.doorId ?? ''}`);
  }
  return [...doors].map(([key, label]) => ({ key, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Events arriving, each placed by its time (newest first), not by when it arrived: when the guard
 * follows the top, straight into the list; when paused or scrolled down, an event newer than the
 * list's top waits in `pending` (the list does not move under the guard) and the "N new" button
 * counts those that pass the filters, while a late one (older than the top: gap-filled by a poll, or
 * from a clock that is behind) is put in its place in the list quietly. Rows the guard read from
 * history beyond `max` stay; arrivals never make the list longer than `max` otherwise.
 */
export interface FeedState {
  readonly rows: readonly LiveRow[];
  readonly pending: readonly LiveRow[];
}

export function arrive(state: FeedState, incoming: readonly LiveRow[], following: boolean, max = LIVE_MAX): FeedState {
  // `incoming` is newest first; placed in arrival order, so of two at the same time the later goes first.
  const arrived = [...incoming].reverse();
  const cap = Math.max(max, state.rows.length);
  if (following) {
    const rows = state.pending.length > 0 ? mergeOrdered(state.pending, state.rows, cap) : state.rows;
    return { rows: placeRows(rows, arrived, cap), pending: [] };
  }
  const top = state.rows[0]?.order ?? Number.NEGATIVE_INFINITY;
  const newer: LiveRow[] = [];
  const late: LiveRow[] = [];
  for (const row of arrived) {
    if (row.order >= top) {
      if (!holds(state.rows, row)) newer.push(row);
    } else if (!holds(state.pending, row)) {
      late.push(row);
    }
  }
  const rows = late.length > 0 ? placeRows(state.rows, late, cap) : state.rows;
  const pending = newer.length > 0 ? placeRows(state.pending, newer, max) : state.pending;
  return rows === state.rows && pending === state.pending ? state : { rows, pending };
}

/** "N new": the waiting rows the filters let through. */
export function newCount(state: FeedState, f: LiveFilters): number {
  return state.pending.reduce((n, row) => (matches(row, f) ? n + 1 : n), 0);
}

/** The guard jumps to the top: the waiting rows join the list. */
export function release(state: FeedState, max = LIVE_MAX): FeedState {
  if (state.pending.length === 0) return state;
  return { rows: mergeOrdered(state.pending, state.rows, Math.max(max, state.rows.length)), pending: [] };
}

/** The rows to draw for a scroll position: only those in view plus a few either side. */
export interface WindowRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** Space above the first drawn row. */
  readonly offset: number;
  /** Height of the whole list. */
  readonly total: number;
}

export function windowRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 5): WindowRange {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, total: Math.max(0, total) };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.ceil((top + Math.max(0, viewport)) / rowHeight) + overscan);
  return { start, end: Math.max(start, end), offset: start * rowHeight, total };
}
