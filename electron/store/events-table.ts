import type { Database, Statement } from 'better-sqlite3';
import type { AccessEvent, BackendId } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import { eventTimeProblem, type EventTimeProblem } from './event-time.ts';

type EventSource = 'push' | 'poll' | 'monitor';

/** An event the store would not keep: its time is not a real event time (see event-time.ts). */
export interface RefusedEvent {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly problem: EventTimeProblem;
}

interface AddedEvents {
  /** The events that were new (the others were stored before). */
  readonly added: AccessEvent[];
  readonly refused: RefusedEvent[];
}

/**
 * Access events, one row per backend event id: storing one twice is a no-op, not a duplicate.
 * Every source (push, poll, monitor) comes through `add`, which keeps only events whose time is a
 * real event time.
 */
export class EventsTable {
  private readonly db: Database;
  private readonly insert: Statement<[number, string, string, string, string, string, string | null, string | null, string, string | null]>;

  constructor(db: Database) {
    this.db = db;
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO events (backend_id, event_id, occurred_at, received_at, source, kind, door_id, person_pin, data, raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Stores the events in one transaction: the new ones are `added`, those without a real time `refused`. */
  add(backendId: BackendId, source: EventSource, events: readonly IncomingEvent[], receivedAt = new Date()): AddedEvents {
    return this.db.transaction(() => {
      const added: AccessEvent[] = [];
      const refused: RefusedEvent[] = [];
      for (const { event, raw } of events) {
        const problem = eventTimeProblem(event.occurredAt, receivedAt);
        if (problem) {
          refused.push({ eventId: event.eventId, occurredAt: event.occurredAt, problem });
          continue;
        }
        const result = this.insert.run(
          backendId,
          event.eventId,
          event.occurredAt,
          receivedAt.toISOString(),
          source,
          event.kind,
          event.doorId,
          event.personPin,
          JSON.stringify(event),
          raw === undefined ? null : JSON.stringify(raw),
        );
        if (result.changes > 0) added.push(event);
      }
      return { added, refused };
    })();
  }

  count(backendId: BackendId): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events WHERE backend_id = ?').get(backendId) as { n: number }).n;
  }

  /** The newest events of a backend, newest first. */
  recent(backendId: BackendId, limit = 50): AccessEvent[] {
    const rows = this.db.prepare('SELECT data FROM events WHERE backend_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?').all(backendId, limit) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as AccessEvent);
  }
}
