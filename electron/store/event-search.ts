import type { Database } from 'better-sqlite3';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { EventKind, HistoryDoor } from '../../shared/contract/history.ts';

/**
 * Reads the events table for the history (issue 15 item 5): newest first, a page at a time by
 * keyset (never OFFSET), on the index of migration 017 (backend, unixepoch(occurred_at)).
 *
 * Events keep the vendor's time as written: instants with a zone, or the site's wall-clock time
 * without one (ZKBio). The sort key is the instant in seconds: `unixepoch(occurred_at)`, less the
 * site's offset for a zone-less time (`offset`, the zone's offset at the search's end: exact in zones
 * without daylight saving; in others a zone-less time within the changed hour may sort an hour off,
 * and the caller checks each row's exact instant against the bounds).
 */

/** Whether occurred_at has no zone (SQL, on the row `e`). */
const ZONELESS = `(e.occurred_at NOT GLOB '*[Zz]' AND e.occurred_at NOT GLOB '*[+-][0-9][0-9]:[0-9][0-9]' AND e.occurred_at NOT GLOB '*[+-][0-9][0-9][0-9][0-9]')`;
const KEY = `(unixepoch(e.occurred_at) - CASE WHEN ${ZONELESS} THEN @offset ELSE 0 END)`;
/** The widest a zone is from UTC, in seconds (UTC−12 … UTC+14). */
const WIDEST_OFFSET = 14 * 3600;

export interface EventQuery {
  readonly backendIds: readonly BackendId[];
  /** Instants in seconds, both included. */
  readonly fromSec: number;
  readonly toSec: number;
  /** The site's offset from UTC in seconds, for zone-less times. */
  readonly offset: number;
  readonly doors?: readonly HistoryDoor[] | undefined;
  readonly kinds?: readonly EventKind[] | undefined;
  readonly person?: string | undefined;
  readonly text?: string | undefined;
  /** Only events after this one in the order (keyset): key, then backend, then id, all descending. */
  readonly before?: EventPosition | undefined;
  readonly limit: number;
}

/** Where an event stands in the history's order: newest key first, then backend, then row id. */
export interface EventPosition {
  readonly key: number;
  readonly backendId: BackendId;
  readonly id: number;
}

export interface FoundEvent extends EventPosition {
  readonly backendName: string;
  readonly occurredAt: string;
  readonly event: AccessEvent;
}

interface Row {
  id: number;
  k: number;
  backend_name: string;
  occurred_at: string;
  data: string;
}

function like(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The history's order: key descending, then backend, then id. */
export function newestFirst(a: EventPosition, b: EventPosition): number {
  return b.key - a.key || b.backendId - a.backendId || b.id - a.id;
}

export class EventSearch {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * The first `limit` events of the query in the history's order. One query per backend, each an
   * index range read newest first (backend_id = ?, unixepoch(occurred_at) descending) that stops
   * after `limit` rows, merged here: no sort of the whole range, however wide.
   */
  find(q: EventQuery): FoundEvent[] {
    const found: FoundEvent[] = [];
    for (const backendId of q.backendIds) found.push(...this.findOn(backendId, q));
    return found.sort(newestFirst).slice(0, q.limit);
  }

  private findOn(backendId: BackendId, q: EventQuery): FoundEvent[] {
    const doors = q.doors?.filter((d) => d.backendId === backendId);
    if (q.doors && q.doors.length > 0 && doors?.length === 0) return [];
    const params: Record<string, unknown> = {
      backendId,
      offset: q.offset,
      from: q.fromSec,
      to: q.toSec,
      // The indexed expression's range: the key's, widened by the farthest a zone can be.
      rawFrom: q.fromSec - WIDEST_OFFSET,
      rawTo: (q.before ? Math.min(q.toSec, q.before.key) : q.toSec) + WIDEST_OFFSET,
      limit: q.limit,
    };
    const where = ['e.backend_id = @backendId', 'unixepoch(e.occurred_at) BETWEEN @rawFrom AND @rawTo', `${KEY} BETWEEN @from AND @to`];
    if (doors && doors.length > 0) where.push(`e.door_id IN (${doors.map((d, i) => ((params[`d${i}`] = d.doorId), `@d${i}`)).join(', ')})`);
    if (q.kinds && q.kinds.length > 0) where.push(`e.kind IN (${q.kinds.map((k, i) => ((params[`k${i}`] = k), `@k${i}`)).join(', ')})`);
    if (q.person) {
      params['pinPrefix'] = `${like(q.person)}%`;
      params['nameIn'] = `%${like(q.person)}%`;
      where.push(`(e.person_pin LIKE @pinPrefix ESCAPE '\\' OR json_extract(e.data, '$.personName') LIKE @nameIn ESCAPE '\\')`);
    }
    if (q.text) {
      params['text'] = `%${like(q.text)}%`;
      const fields = ['doorName', 'readerName', 'deviceSerial', 'personName', 'personPin', 'description', 'verifyMode'];
      where.push(`(${fields.map((f) => `ifnull(json_extract(e.data, '$.${f}'), '')`).join(' || char(31) || ')}) LIKE @text ESCAPE '\\'`);
    }
    if (q.before) {
      params['beforeKey'] = q.before.key;
      params['beforeId'] = q.before.id;
      // Past the cursor in the order (key, backend, id descending), for this backend.
      if (backendId < q.before.backendId) where.push(`${KEY} <= @beforeKey`);
      else if (backendId > q.before.backendId) where.push(`${KEY} < @beforeKey`);
      else where.push(`(${KEY} < @beforeKey OR (${KEY} = @beforeKey AND e.id < @beforeId))`);
    }
    const sql = `SELECT e.id, ${KEY} AS k, b.name AS backend_name, e.occurred_at, e.data
      FROM events e JOIN backends b ON b.id = e.backend_id
      WHERE ${where.join(' AND ')}
      ORDER BY unixepoch(e.occurred_at) DESC, e.id DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all(params) as Row[];
    return rows.map((r) => ({ id: r.id, key: r.k, backendId, backendName: r.backend_name, occurredAt: r.occurred_at, event: JSON.parse(r.data) as AccessEvent }));
  }
}
