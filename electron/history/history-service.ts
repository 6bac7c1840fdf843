import { ApiError } from '../../shared/contract/errors.ts';
import { HISTORY_EXPORT_MAX, HISTORY_PAGE_MAX, type EventKind, type HistoryDay, type HistoryDayDoor, type HistoryEvent, type HistoryFilters } from '../../shared/contract/history.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import type { Site, SiteId } from '../../shared/contract/sites.ts';
import type { BackendsService } from '../backends/backends-service.ts';
import type { EventPosition, EventQuery, EventSearch, FoundEvent } from '../store/event-search.ts';
import type { InventoryTable } from '../store/inventory-table.ts';
import type { SitesTable } from '../store/sites-table.ts';
import { historyFile } from './history-export.ts';
import { nextDate, siteDateHour, siteInstant, zoneOffsetSeconds } from './site-clock.ts';

/** The most events a day view reads (a very busy site's day). */
const DAY_MAX = 200_000;

function encodeCursor(c: EventPosition): string {
  return Buffer.from(JSON.stringify([c.key, c.backendId, c.id])).toString('base64url');
}

function decodeCursor(text: string): EventPosition {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 3 && value.every((n) => Number.isSafeInteger(n))) return { key: value[0] as number, backendId: value[1] as number, id: value[2] as number };
  } catch {
    // fall through
  }
  throw new ApiError('invalid_input', 'The page cursor is not one this search gave; search again from the first page.', { field: 'before' });
}

/**
 * The guard room's history (issue 15 item 5): searches over the stored events of a site, a day's
 * counts per door and hour in the site's zone, and exports of a search.
 */
export class HistoryService {
  private readonly search_: EventSearch;
  private readonly deps: { sites: SitesTable; backends: BackendsService; inventory: InventoryTable };

  constructor(deps: { search: EventSearch; sites: SitesTable; backends: BackendsService; inventory: InventoryTable }) {
    this.search_ = deps.search;
    this.deps = deps;
  }

  private site(siteId: SiteId): Site {
    const site = this.deps.sites.get(siteId);
    if (!site) throw new ApiError('site_not_found', `There is no site ${siteId}.`, { id: siteId });
    return site;
  }

  /** The query of the filters: bounds as instants, the site's backends (or those chosen of them). */
  private query(filters: HistoryFilters, timeZone: string, limit: number): EventQuery & { fromMs: number; toMs: number } {
    const fromMs = siteInstant(filters.from, timeZone);
    const toMs = siteInstant(filters.to, timeZone);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new ApiError('invalid_input', 'The time range is not a date or time; give yyyy-MM-dd or yyyy-MM-dd HH:mm.', { field: 'from' });
    if (toMs < fromMs) throw new ApiError('invalid_input', 'The end of the time range is before its start; swap them.', { field: 'to' });
    const own = this.deps.backends.list(filters.siteId).map((b) => b.id);
    const backendIds = filters.backendIds ? own.filter((id) => filters.backendIds?.includes(id)) : own;
    return {
      backendIds,
      fromSec: Math.floor(fromMs / 1000),
      toSec: Math.floor(toMs / 1000),
      offset: zoneOffsetSeconds(toMs, timeZone),
      doors: filters.doors,
      kinds: filters.kinds,
      person: filters.person || undefined,
      text: filters.text || undefined,
      limit,
      fromMs,
      toMs,
    };
  }

  /**
   * The door names a backend's stored inventory gives, for events that name only the door's id
   * (K30's callbacks carry the device number): read once per search, per backend met.
   */
  private doorNames(): (backendId: number, doorId: string) => string | null {
    const names = new Map<number, Map<string, string>>();
    return (backendId, doorId) => {
      let doors = names.get(backendId);
      if (!doors) {
        doors = new Map((this.deps.inventory.load(backendId)?.doors ?? []).map((d) => [d.id, d.name]));
        names.set(backendId, doors);
      }
      return doors.get(doorId) ?? null;
    };
  }

  private toEvent(found: FoundEvent, at: number, doorName: (backendId: number, doorId: string) => string | null): HistoryEvent {
    const event = found.event.doorName || !found.event.doorId ? found.event : { ...found.event, doorName: doorName(found.backendId, found.event.doorId) };
    return { backendId: found.backendId, backendName: found.backendName, at: Number.isNaN(at) ? found.occurredAt : new Date(at).toISOString(), event };
  }

  /** The events found, in the range by their exact instants, as the contract gives them. */
  private events(found: readonly FoundEvent[], q: { fromMs: number; toMs: number }, timeZone: string): HistoryEvent[] {
    const doorName = this.doorNames();
    const timed = found.map((f) => ({ f, at: siteInstant(f.occurredAt, timeZone) }));
    // In a zone with daylight saving a zone-less time within the changed hour can pass the SQL
    // bounds an hour off: its exact instant decides, and within the page orders.
    return timed
      .filter(({ at }) => Number.isNaN(at) || (at >= q.fromMs && at <= q.toMs + 999))
      .sort((a, b) => (b.at || 0) - (a.at || 0))
      .map(({ f, at }) => this.toEvent(f, at, doorName));
  }

  /** One page of events, newest first, and the cursor of the next (null on the last page). */
  search(filters: HistoryFilters & { limit: number; before?: string | undefined }): { events: HistoryEvent[]; next: string | null; timeZone: string } {
    const { timeZone } = this.site(filters.siteId);
    const limit = Math.min(filters.limit, HISTORY_PAGE_MAX);
    const q = this.query(filters, timeZone, limit);
    const found = this.search_.find({ ...q, before: filters.before ? decodeCursor(filters.before) : undefined });
    const last = found.at(-1);
    return { events: this.events(found, q, timeZone), next: found.length === limit && last ? encodeCursor(last) : null, timeZone };
  }

  /** Every event of the filters, newest first, up to HISTORY_EXPORT_MAX. */
  all(filters: HistoryFilters): { events: HistoryEvent[]; timeZone: string } {
    const events: HistoryEvent[] = [];
    let before: string | undefined;
    const { timeZone } = this.site(filters.siteId);
    do {
      const page = this.search({ ...filters, limit: HISTORY_PAGE_MAX, before });
      events.push(...page.events);
      before = page.next ?? undefined;
    } while (before && events.length < HISTORY_EXPORT_MAX);
    return { events: events.slice(0, HISTORY_EXPORT_MAX), timeZone };
  }

  /** The site's day `date` (its own calendar, its zone): counts per door and hour, per kind. */
  day(siteId: SiteId, date: string): HistoryDay {
    const { timeZone } = this.site(siteId);
    const { events } = this.allOfDay(siteId, date);
    const doors = new Map<string, HistoryDayDoor & { hours: number[] }>();
    const hours = Array.from({ length: 24 }, () => 0);
    const kinds: Partial<Record<EventKind, number>> = {};
    let total = 0;
    for (const e of events) {
      const at = Date.parse(e.at);
      if (Number.isNaN(at)) continue;
      const local = siteDateHour(at, timeZone);
      if (local.date !== date) continue;
      const key = `${e.backendId}\u0000${e.event.doorId ?? ''}`;
      let door = doors.get(key);
      if (!door) {
        door = { backendId: e.backendId, backendName: e.backendName, doorId: e.event.doorId, doorName: e.event.doorName, hours: Array.from({ length: 24 }, () => 0), total: 0 };
        doors.set(key, door);
      }
      door.hours[local.hour] = (door.hours[local.hour] ?? 0) + 1;
      door.total += 1;
      hours[local.hour] = (hours[local.hour] ?? 0) + 1;
      kinds[e.event.kind] = (kinds[e.event.kind] ?? 0) + 1;
      total += 1;
    }
    const sorted = [...doors.values()].sort((a, b) => a.backendName.localeCompare(b.backendName) || (a.doorName ?? a.doorId ?? '').localeCompare(b.doorName ?? b.doorId ?? ''));
    return { date, timeZone, doors: sorted, hours, kinds, total };
  }

  /** The day's events in one read (up to DAY_MAX), not page by page. */
  private allOfDay(siteId: SiteId, date: string): { events: HistoryEvent[] } {
    const { timeZone } = this.site(siteId);
    const q = this.query({ siteId, from: date, to: nextDate(date) }, timeZone, DAY_MAX);
    return { events: this.events(this.search_.find(q), q, timeZone) };
  }

  /** The events of the filters as a file (CSV or XLSX), times in the site's zone, with photo links. */
  async export(filters: HistoryFilters, format: 'csv' | 'xlsx', lang: Lang): Promise<{ fileName: string; base64: string; rows: number }> {
    const { events, timeZone } = this.all(filters);
    const bytes = await historyFile(events, format, { lang, timeZone });
    const from = filters.from.slice(0, 10);
    const to = filters.to.slice(0, 10);
    return { fileName: `events-${from}${to !== from ? `_${to}` : ''}.${format}`, base64: bytes.toString('base64'), rows: events.length };
  }
}
