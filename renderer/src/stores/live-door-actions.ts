import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { DoorAction } from '../../../shared/contract/doors.ts';
import { matchDoorActions, type MatchableEvent } from '../../../shared/rules/door-action-match.ts';
import type { LiveRow } from './live-feed.ts';
import { placeOf } from './live-order.ts';

/** How many of the site's door actions the feed reads when it opens (the newest). */
export const FEED_ACTIONS = 200;

/**
 * A row of the feed as drawn: an event, marked with the door action that caused it (`cause`), or a
 * door action whose event has not come, or failed (`doorAction`: its own row, so the guard sees it
 * either way).
 */
export interface FeedRow extends LiveRow {
  readonly cause?: DoorAction;
  readonly doorAction?: DoorAction;
}

/** An action started or finished (`doors.action`): replaces the one with its id, newest first, at most `max`. */
export function upsertAction(actions: readonly DoorAction[], action: DoorAction, max = FEED_ACTIONS): readonly DoorAction[] {
  return [action, ...actions.filter((a) => a.id !== action.id)].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : b.id - a.id)).slice(0, max);
}

/** The rows whose instant lies in [from, to] (rows are newest first: found by binary search). */
function* rowsBetween(rows: readonly LiveRow[], from: number, to: number): Iterable<MatchableEvent> {
  for (let i = placeOf(rows, to); i < rows.length && rows[i]!.order >= from; i++) {
    const row = rows[i]!;
    yield { key: row.key, backendId: row.backendId, at: row.order, event: row.event };
  }
}

/** The row a door action is shown as when no event of the feed is its. */
export function actionRow(action: DoorAction, backendName: string): FeedRow {
  const event: AccessEvent = {
    eventId: `door-action:${action.id}`,
    occurredAt: action.startedAt,
    kind: 'other',
    doorId: action.doorId,
    doorName: action.doorName,
    deviceSerial: null,
    readerName: null,
    personPin: null,
    personName: action.guard,
    verifyMode: null,
    description: action.action,
    photoUrl: null,
  };
  return { key: `${action.backendId}:door-action:${action.id}`, backendId: action.backendId, backendName, at: action.startedAt, order: Date.parse(action.startedAt), event, doorAction: action };
}

/**
 * The feed with the door actions beside their events (shared/rules/door-action-match.ts): each
 * event an action caused carries it; every other action of the feed's backends is a row of its own
 * at its start time. Actions older than the oldest row are left out while older events remain to
 * be read (`complete` false), so they never sit out of place.
 */
export function withDoorActions(rows: readonly LiveRow[], actions: readonly DoorAction[], backendNames: Readonly<Record<number, string>>, complete: boolean): readonly FeedRow[] {
  const mine = actions.filter((a) => backendNames[a.backendId] !== undefined);
  if (mine.length === 0) return rows;
  const causes = matchDoorActions(mine, (from, to) => rowsBetween(rows, from, to));
  const byId = new Map(mine.map((a) => [a.id, a]));
  const caused = new Set(causes.values());
  const oldest = rows.at(-1)?.order ?? Number.NEGATIVE_INFINITY;
  const own = mine
    .filter((a) => !caused.has(a.id))
    .map((a) => actionRow(a, backendNames[a.backendId]!))
    .filter((row) => complete || row.order >= oldest)
    .sort((a, b) => b.order - a.order);
  const out: FeedRow[] = [];
  let j = 0;
  for (const row of rows) {
    // An action's own row goes before events of the same instant (it came first).
    while (j < own.length && own[j]!.order >= row.order) out.push(own[j++]!);
    const actionId = causes.get(row.key);
    out.push(actionId === undefined ? row : { ...row, cause: byId.get(actionId)! });
  }
  while (j < own.length) out.push(own[j++]!);
  return out;
}
