import type { AccessEvent } from '../contract/backends.ts';
import type { DoorAction, DoorActionKind } from '../contract/doors.ts';

/**
 * Which event a guard's door action caused (issue 15 item 2: "every action … appears in the feed
 * next to the event it caused"). The backend reports its own remote open / close / mode event for
 * the door; it is the action's when it is of that backend and door, of a kind the action makes, and
 * happened between the action's start − 5 s (the backend's clock may be a little behind ours) and
 * its finish + 60 s (some backends report minutes later, by their list). One action ↔ one event,
 * nearest to the action's start first, so two guards opening the same door each get their own. A
 * failed action caused nothing (it stays on its own); one still running waits up to start + 60 s.
 */
export const DOOR_ACTION_WINDOW = { beforeMs: 5_000, afterMs: 60_000 } as const;

/** The event kinds each action makes at the backend. */
const KINDS: Readonly<Record<DoorActionKind, readonly AccessEvent['kind'][]>> = {
  open: ['remote-open'],
  close: ['remote-close'],
  'normally-open': ['remote-open', 'door'],
  'normally-closed': ['remote-close', 'door'],
  normal: ['door', 'remote-open', 'remote-close'],
};

/** What matching needs of an event: its key, backend, door, kind, and its instant at the site (ms). */
export interface MatchableEvent {
  readonly key: string;
  readonly backendId: number;
  readonly at: number;
  readonly event: Pick<AccessEvent, 'kind' | 'doorId' | 'doorName'>;
}

type MatchableAction = Pick<DoorAction, 'id' | 'backendId' | 'doorId' | 'doorName' | 'action' | 'startedAt' | 'finishedAt' | 'result'>;

/** The instants (ms) an action's event may fall between; null for an action that caused nothing. */
export function actionWindow(action: MatchableAction, window = DOOR_ACTION_WINDOW): { from: number; to: number } | null {
  if (action.result === 'failed') return null;
  const started = Date.parse(action.startedAt);
  if (Number.isNaN(started)) return null;
  const finished = action.finishedAt === null ? started : Date.parse(action.finishedAt);
  return { from: started - window.beforeMs, to: (Number.isNaN(finished) ? started : Math.max(started, finished)) + window.afterMs };
}

/** Whether the event could be the action's (backend, door, kind), whatever its time. */
export function couldCause(action: MatchableAction, event: MatchableEvent): boolean {
  if (event.backendId !== action.backendId || !KINDS[action.action].includes(event.event.kind)) return false;
  if (event.event.doorId !== null) return event.event.doorId === action.doorId;
  return event.event.doorName !== null && event.event.doorName === action.doorName;
}

/**
 * The action each event was caused by: event key → action id. `candidates(window)` gives the events
 * within an instant range (the caller's list may be large; it finds them by time).
 */
export function matchDoorActions(
  actions: readonly MatchableAction[],
  candidates: (from: number, to: number) => Iterable<MatchableEvent>,
  window = DOOR_ACTION_WINDOW,
): Map<string, number> {
  const pairs: { actionId: number; key: string; distance: number }[] = [];
  for (const action of actions) {
    const range = actionWindow(action, window);
    if (!range) continue;
    const started = Date.parse(action.startedAt);
    for (const event of candidates(range.from, range.to)) {
      if (event.at < range.from || event.at > range.to || !couldCause(action, event)) continue;
      pairs.push({ actionId: action.id, key: event.key, distance: Math.abs(event.at - started) });
    }
  }
  pairs.sort((a, b) => a.distance - b.distance || a.actionId - b.actionId || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const byEvent = new Map<string, number>();
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (taken.has(pair.actionId) || byEvent.has(pair.key)) continue;
    taken.add(pair.actionId);
    byEvent.set(pair.key, pair.actionId);
  }
  return byEvent;
}
