/**
 * The Live feed in event-time order (newest first), whatever order events arrive in: a late event
 * (read by the gap-filling poll, or from a device whose clock is behind) goes where its time puts
 * it. Rows carry `order`, the instant of their time at the site (shared/rules/site-instant.ts),
 * worked out once when the row is made. Placing a row is a binary search, never a sort, so a list of
 * 100,000 rows stays cheap; a row already there (same backend and event id) is not placed twice.
 */

/** What ordering needs of a row. */
export interface Ordered {
  readonly key: string;
  /** Instant (ms) of the event's time; −Infinity when it is no time (such rows sink to the end). */
  readonly order: number;
}

/** Where a row of instant `order` goes in a newest-first list: after every newer row, before every other (a later arrival of the same time goes first). */
export function placeOf(rows: readonly Ordered[], order: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.order > order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the row is in the list: looked for among the rows of the same instant only. */
export function holds(rows: readonly Ordered[], row: Ordered): boolean {
  for (let i = placeOf(rows, row.order); i < rows.length && rows[i]!.order === row.order; i++) if (rows[i]!.key === row.key) return true;
  return false;
}

/**
 * `incoming` (in arrival order, earliest first) placed into a copy of `kept`, each once; then the
 * oldest beyond `cap` fall off. `kept` itself is not changed; it is returned when nothing was placed.
 */
export function placeRows<T extends Ordered>(kept: readonly T[], incoming: readonly T[], cap = Number.POSITIVE_INFINITY): readonly T[] {
  let rows: T[] | null = null;
  for (const row of incoming) {
    if (holds(rows ?? kept, row)) continue;
    rows ??= [...kept];
    rows.splice(placeOf(rows, row.order), 0, row);
  }
  if (!rows) return kept.length > cap ? kept.slice(0, cap) : kept;
  if (rows.length > cap) rows.length = cap;
  return rows;
}

/** Two newest-first lists as one (`front` first among rows of the same instant), each key once. */
export function mergeOrdered<T extends Ordered>(front: readonly T[], back: readonly T[], cap = Number.POSITIVE_INFINITY): T[] {
  const out: T[] = [];
  const inFront = new Set(front.map((r) => r.key));
  let i = 0;
  let j = 0;
  while ((i < front.length || j < back.length) && out.length < cap) {
    const a = front[i];
    const b = back[j];
    if (b !== undefined && inFront.has(b.key)) {
      j++;
      continue;
    }
    if (a !== undefined && (b === undefined || a.order >= b.order)) {
      out.push(a);
      i++;
    } else if (b !== undefined) {
      out.push(b);
      j++;
    }
  }
  return out;
}
