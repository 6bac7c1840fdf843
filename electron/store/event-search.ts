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
  /** Only events before this key (keyset). */
  readonly before?: { readonly key: number; readonly id: number } | undefined;
  readonly limit: number;
}

export interface FoundEvent {
  readonly id: number;
  readonly key: number;
  readonly backendId: BackendId;
  readonly backendName: string;
  readonly occurredAt: string;
  readonly event: AccessEvent;
}

interface Row {
  id: number;
  k: number;
  backend_id: number;
  backend_name: string;
  occurred_at: string;
  data: string;
}

function like(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class EventSearch {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  find(q: EventQuery): FoundEvent[] {
    if (q.backendIds.length === 0) return [];
    const params: Record<string, unknown> = {
      offset: q.offset,
      from: q.fromSec,
      to: q.toSec,
      // The indexed expression's range: the key's, widened by the farthest a zone can be.
      rawFrom: q.fromSec - WIDEST_OFFSET,
      rawTo: q.toSec + WIDEST_OFFSET,
      limit: q.limit,
    };
    const where = [`e.backend_id IN (${q.backendIds.map((id, i) => ((params[`b${i}`] = id), `@b${i}`)).join(', ')})`, 'unixepoch(e.occurred_at) BETWEEN @rawFrom AND @rawTo', `${KEY} BETWEEN @from AND @to`];
    if (q.doors && q.doors.length > 0) {
      where.push(`(${q.doors.map((d, i) => ((params[`db${i}`] = d.backendId), (params[`dd${i}`] = d.doorId), `(e.backend_id = @db${i} AND e.door_id = @dd${i})`)).join(' OR ')})`);
    }
    if (q.kinds && q.kinds.length > 0) where.push(`e.kind IN (${q.kinds.map((k, i) => ((params[`k${i}`] = k), `@k${i}`)).join(', ')})`);
    if (q.person) {
      params['pinPrefix'] = `${like(q.person)}%`;
      params['nameIn'] = `%${like(q.person)}%`;
      where.push(`(e.person_pin LIKE @pinPrefix ESCAPE '\\' OR json_extract(e.data, '$.personName') LIKE @nameIn ESCAPE '\\')`);
    }
    if (q.text) {
      params['text'] = `%${like(q.text)}%`;
      const fields = ['doorName', 'readerName', 'deviceSerial', 'personName', 'personPin', 'description', 'verifyMode'];
      where.push(`(${fields.map((f) => `ifnull(json_extract(e.data, '$.${f}'), '')`).join(` || char(31) || `)}) LIKE @text ESCAPE '\\'`);
    }
    if (q.before) {
      params['beforeKey'] = q.before.key;
      params['beforeId'] = q.before.id;
      where.push(`(${KEY} < @beforeKey OR (${KEY} = @beforeKey AND e.id < @beforeId))`);
    }
    const sql = `SELECT e.id, ${KEY} AS k, e.backend_id, b.name AS backend_name, e.occurred_at, e.data
      FROM events e JOIN backends b ON b.id = e.backend_id
      WHERE ${where.join(' AND ')}
      ORDER BY k DESC, e.id DESC LIMIT @limit`;
    const rows = this.db.prepare(sql).all(params) as Row[];
    return rows.map((r) => ({ id: r.id, key: r.k, backendId: r.backend_id, backendName: r.backend_name, occurredAt: r.occurred_at, event: JSON.parse(r.data) as AccessEvent }));
  }
}
