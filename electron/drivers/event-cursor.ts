import type { AccessEvent } from '../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../shared/contract/incoming-event.ts';
import type { EventCursor, EventPage } from '../backends/backend.ts';

/** Where a vendor's event list is read from: a time in the vendor's own form. */
type Position = string | number;

interface CursorForm<P extends Position> {
  /** The cursor's JSON key for the time: `time`, `ms`. */
  readonly key: string;
  /** The vendor's form of a time (ZKBio: its local time text; Hongtu: epoch ms). */
  readonly at: (time: Date) => P;
  /** Whether a stored value is of that form. */
  readonly is: (value: unknown) => value is P;
  /** An event's time in that form. */
  readonly of: (event: AccessEvent) => P;
}

interface Decoded<P extends Position> {
  readonly from: P;
  readonly seen: readonly string[];
}

/**
 * The "time + seen ids" event cursor of vendors whose event lists filter by a start time that is
 * inclusive: the next read starts at the last event's time, and the ids already returned at that
 * very time are skipped (several events may share it). Stored as JSON `{<key>: time, seen: [ids]}`.
 */
export class SeenCursor<P extends Position> {
  private readonly form: CursorForm<P>;

  constructor(form: CursorForm<P>) {
    this.form = form;
  }

  /** A cursor that starts at `time`. */
  at(time: Date): EventCursor {
    return JSON.stringify({ [this.form.key]: this.form.at(time), seen: [] });
  }

  /** The cursor's time and ids; a missing or damaged cursor starts over from the last day. */
  decode(cursor: EventCursor | null): Decoded<P> {
    if (cursor) {
      try {
        const parsed = JSON.parse(cursor) as Record<string, unknown>;
        const from = parsed[this.form.key];
        if (this.form.is(from) && Array.isArray(parsed['seen'])) return { from, seen: parsed['seen'].map(String) };
      } catch {
        // A damaged cursor starts over from the last day, like a new one.
      }
    }
    return { from: this.form.at(new Date(Date.now() - 24 * 3600_000)), seen: [] };
  }

  /**
   * The events read from the cursor's time on, oldest first, without the ids already seen at that
   * time or repeated within the read, and the cursor after them (the same one when there are none).
   */
  async page(cursor: EventCursor | null, read: (from: P) => AsyncIterable<AccessEvent | IncomingEvent>): Promise<EventPage> {
    const { from, seen: seenBefore } = this.decode(cursor);
    const seen = new Set(seenBefore);
    const events: AccessEvent[] = [];
    const raw = new Map<string, unknown>();
    // An event whose time cannot be placed (NaN) is kept: it is not known to be before the cursor.
    for await (const item of read(from)) {
      const event = 'event' in item ? item.event : item;
      if (seen.has(event.eventId) || this.form.of(event) < from) continue;
      events.push(event);
      if ('event' in item && item.raw !== undefined) raw.set(event.eventId, item.raw);
    }
    const position = this.form.of;
    events.sort((a, b) => (position(a) < position(b) ? -1 : position(a) > position(b) ? 1 : 0));
    const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
    const last = unique.at(-1);
    if (!last) return { events: [], cursor };
    const lastAt = position(last);
    const atLast = unique.filter((e) => position(e) === lastAt).map((e) => e.eventId);
    const carried = lastAt === from ? seenBefore : [];
    return { events: unique, cursor: JSON.stringify({ [this.form.key]: lastAt, seen: [...carried, ...atLast] }), raw };
  }
}
