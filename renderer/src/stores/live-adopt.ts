import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { FeedState, LiveRow } from './live-feed.ts';
import { rowKey } from './live-feed.ts';

/**
 * A stored event took another id (`events.adopted`: ZKBio's list adopting the pass its monitor
 * stored first): the row shown under the old key takes the new key and the fuller data, where it
 * stands (the same pass, the same time); when the new key is already shown (a history page read by
 * the list's id), the old row goes, so the pass is one row. Returns `state` itself when neither list
 * holds the old key.
 */
export function adoptRow<S extends FeedState>(state: S, backendId: number, from: string, event: AccessEvent): S {
  const oldKey = rowKey(backendId, from);
  const newKey = rowKey(backendId, event.eventId);
  const shown = state.rows.some((r) => r.key === newKey) || state.pending.some((r) => r.key === newKey);
  const rekey = (rows: readonly LiveRow[]): readonly LiveRow[] => {
    const index = rows.findIndex((r) => r.key === oldKey);
    if (index < 0) return rows;
    const old = rows[index]!;
    return shown ? rows.filter((_, i) => i !== index) : rows.map((r, i) => (i === index ? { ...old, key: newKey, event } : r));
  };
  const rows = rekey(state.rows);
  const pending = rekey(state.pending);
  return rows === state.rows && pending === state.pending ? state : { ...state, rows, pending };
}
