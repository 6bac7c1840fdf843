import type { Database } from 'better-sqlite3';
import type { Alarm, AlarmClass } from '../../shared/contract/alarms.ts';
import type { BackendId } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';

interface AlarmRow {
  id: number;
  site_id: number;
  backend_id: number;
  backend_name: string;
  alarm_class: AlarmClass;
  reason_en: string;
  reason_zh: string;
  event_id: string | null;
  door_id: string | null;
  door_name: string | null;
  person_pin: string | null;
  person_name: string | null;
  occurred_at: string;
  raised_at: string;
  ack_at: string | null;
  ack_by: string | null;
  ack_station: string | null;
  ack_note: string | null;
  repeats: number;
  last_occurred_at: string | null;
}

function toAlarm(row: AlarmRow): Alarm {
  return {
    id: row.id,
    siteId: row.site_id,
    backendId: row.backend_id,
    backendName: row.backend_name,
    alarmClass: row.alarm_class,
    reason: { en: row.reason_en, 'zh-CN': row.reason_zh },
    eventId: row.event_id,
    doorId: row.door_id,
    doorName: row.door_name,
    personPin: row.person_pin,
    personName: row.person_name,
    occurredAt: row.occurred_at,
    raisedAt: row.raised_at,
    repeats: row.repeats,
    lastOccurredAt: row.last_occurred_at,
    ack: row.ack_at === null ? null : { at: row.ack_at, by: row.ack_by ?? '', station: row.ack_station ?? '', note: row.ack_note ?? '' },
  };
}

/** An alarm to keep: everything but its id and acknowledgement; `sourceKey` makes it once per source. */
export type NewAlarm = Omit<Alarm, 'id' | 'ack' | 'repeats' | 'lastOccurredAt'> & { readonly sourceKey: string };

export interface AlarmQuery {
  readonly siteId: SiteId;
  readonly open?: boolean | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
}

/** Alarms, kept forever: raised once per source, acknowledged once, never deleted. */
export class AlarmsTable {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Keeps the alarm; undefined when its source raised one before. */
  insert(alarm: NewAlarm): Alarm | undefined {
    const row = this.db
      .prepare(
        `INSERT OR IGNORE INTO alarms (site_id, backend_id, backend_name, source_key, alarm_class, reason_en, reason_zh, event_id, door_id, door_name, person_pin, person_name, occurred_at, raised_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        alarm.siteId, alarm.backendId, alarm.backendName, alarm.sourceKey, alarm.alarmClass, alarm.reason.en, alarm.reason['zh-CN'], alarm.eventId,
        alarm.doorId, alarm.doorName, alarm.personPin, alarm.personName, alarm.occurredAt, alarm.raisedAt,
      ) as AlarmRow | undefined;
    return row === undefined ? undefined : toAlarm(row);
  }

  /**
   * Counts one more occurrence on the door's open alarm of this class, if there is one (else
   * undefined: the caller raises a new alarm). The last time only moves forward.
   */
  repeat(backendId: BackendId, alarmClass: AlarmClass, doorId: string | null, occurredAt: string): Alarm | undefined {
    const row = this.db
      .prepare(
        `UPDATE alarms SET repeats = repeats + 1, last_occurred_at = max(coalesce(last_occurred_at, occurred_at), ?)
         WHERE id = (SELECT id FROM alarms WHERE backend_id = ? AND alarm_class = ? AND door_id IS ? AND ack_at IS NULL ORDER BY id DESC LIMIT 1)
         RETURNING *`,
      )
      .get(occurredAt, backendId, alarmClass, doorId) as AlarmRow | undefined;
    return row === undefined ? undefined : toAlarm(row);
  }

  get(id: number): Alarm | undefined {
    const row = this.db.prepare('SELECT * FROM alarms WHERE id = ?').get(id) as AlarmRow | undefined;
    return row === undefined ? undefined : toAlarm(row);
  }

  /** Acknowledges an open alarm; undefined when it was acknowledged already (or is not there). */
  ack(id: number, ack: NonNullable<Alarm['ack']>): Alarm | undefined {
    const row = this.db
      .prepare('UPDATE alarms SET ack_at = ?, ack_by = ?, ack_station = ?, ack_note = ? WHERE id = ? AND ack_at IS NULL RETURNING *')
      .get(ack.at, ack.by, ack.station, ack.note, id) as AlarmRow | undefined;
    return row === undefined ? undefined : toAlarm(row);
  }

  /** Newest first. `from`/`to` bound the time the alarm was raised. */
  list(query: AlarmQuery): Alarm[] {
    const where = ['site_id = ?'];
    const params: (string | number)[] = [query.siteId];
    if (query.open === true) where.push('ack_at IS NULL');
    if (query.open === false) where.push('ack_at IS NOT NULL');
    if (query.from !== undefined) {
      where.push('raised_at >= ?');
      params.push(new Date(query.from).toISOString());
    }
    if (query.to !== undefined) {
      where.push('raised_at < ?');
      params.push(new Date(query.to).toISOString());
    }
    const rows = this.db.prepare(`SELECT * FROM alarms WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...params, query.limit) as AlarmRow[];
    return rows.map(toAlarm);
  }

  openCount(siteId: SiteId): number {
    return (this.db.prepare('SELECT count(*) AS n FROM alarms WHERE site_id = ? AND ack_at IS NULL').get(siteId) as { n: number }).n;
  }

  /** The newest alarm of this class at this backend (and door, for a door's rule), or undefined. */
  latest(backendId: BackendId, alarmClass: AlarmClass, doorId: string | null = null): Alarm | undefined {
    const row = this.db
      .prepare('SELECT * FROM alarms WHERE backend_id = ? AND alarm_class = ? AND door_id IS ? ORDER BY id DESC LIMIT 1')
      .get(backendId, alarmClass, doorId) as AlarmRow | undefined;
    return row === undefined ? undefined : toAlarm(row);
  }
}
