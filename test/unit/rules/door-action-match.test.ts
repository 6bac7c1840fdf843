import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { DoorAction } from '../../../shared/contract/doors.ts';
import { matchDoorActions, type MatchableEvent } from '../../../shared/rules/door-action-match.ts';

const T0 = Date.parse('2026-12-07T02:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();

function action(id: number, startMs: number, change: Partial<DoorAction> = {}): DoorAction {
  return {
    id, siteId: 1, backendId: 1, doorId: 'D1', doorName: 'Front door', action: 'open', seconds: 5, station: 'GATE-PC', guard: 'Wang',
    startedAt: iso(startMs), finishedAt: iso(startMs + 300), result: 'ok', errorCode: null, errorMessage: null, ...change,
  };
}
function event(key: string, atMs: number, change: Partial<AccessEvent> = {}, backendId = 1): MatchableEvent {
  return { key, backendId, at: T0 + atMs, event: { kind: 'remote-open', doorId: 'D1', doorName: 'Front door', ...change } };
}
const all = (events: MatchableEvent[]) => () => events;

describe('which event a door action caused (issue 15 item 2)', () => {
  it('pairs an open with the remote-open of its backend and door that follows it', () => {
    const events = [event('pass', 400, { kind: 'pass' }), event('other-door', 500, { doorId: 'D2' }), event('other-backend', 600, {}, 2), event('open', 1_200)];
    expect([...matchDoorActions([action(1, 0)], all(events))]).toEqual([['open', 1]]);
  });

  it('two guards opening the same door: each gets the event nearest their own start, one each', () => {
    const actions = [action(1, 0, { guard: 'Wang' }), action(2, 2_000, { guard: 'Li', station: 'TOWER-PC' })];
    const events = [event('first', 500), event('second', 2_600)];
    expect(matchDoorActions(actions, all(events))).toEqual(new Map([['first', 1], ['second', 2]]));
    // The same, whatever order they are given in.
    expect(matchDoorActions([...actions].reverse(), all([...events].reverse()))).toEqual(new Map([['first', 1], ['second', 2]]));
  });

  it('an action whose event never comes matches nothing; an event outside the window is no one’s', () => {
    expect(matchDoorActions([action(1, 0)], all([]))).toEqual(new Map());
    const early = event('early', -5_001);
    const late = event('late', 300 + 60_001);
    expect(matchDoorActions([action(1, 0)], all([early, late]))).toEqual(new Map());
    // Just inside: the backend's clock 5 s behind ours, or reported a minute after the finish.
    expect(matchDoorActions([action(1, 0)], all([event('behind', -5_000)]))).toEqual(new Map([['behind', 1]]));
    expect(matchDoorActions([action(1, 0)], all([event('slow', 60_300)]))).toEqual(new Map([['slow', 1]]));
  });

  it('one event, two actions: the nearer takes it, the other stays unmatched', () => {
    expect(matchDoorActions([action(1, 0), action(2, 3_000)], all([event('one', 2_800)]))).toEqual(new Map([['one', 2]]));
  });

  it('a failed action caused nothing; one still running waits up to its start + 60 s', () => {
    expect(matchDoorActions([action(1, 0, { result: 'failed', finishedAt: iso(100), errorCode: 'unreachable' })], all([event('e', 500)]))).toEqual(new Map());
    const running = action(1, 0, { result: 'started', finishedAt: null });
    expect(matchDoorActions([running], all([event('e', 59_000)]))).toEqual(new Map([['e', 1]]));
    expect(matchDoorActions([running], all([event('e', 61_000)]))).toEqual(new Map());
  });

  it('matches each action to the kinds it makes; by door name when the event has no door id', () => {
    expect(matchDoorActions([action(1, 0, { action: 'close', seconds: null })], all([event('open', 100), event('close', 200, { kind: 'remote-close' })]))).toEqual(new Map([['close', 1]]));
    expect(matchDoorActions([action(1, 0, { action: 'normally-open', seconds: null })], all([event('mode', 100, { kind: 'door' })]))).toEqual(new Map([['mode', 1]]));
    expect(matchDoorActions([action(1, 0)], all([event('named', 100, { doorId: null })]))).toEqual(new Map([['named', 1]]));
    expect(matchDoorActions([action(1, 0)], all([event('unnamed', 100, { doorId: null, doorName: 'Back door' })]))).toEqual(new Map());
  });
});
