import { describe, expect, it } from 'vitest';
import type { AlarmMatch } from '../../../electron/backends/vendors.ts';
import { DoorAlarmEpisodes } from '../../../electron/doors/door-alarm-episodes.ts';

const forced: AlarmMatch = { alarmClass: 'door-forced', reason: { en: 'Door opened accidentally (forced)', 'zh-CN': '门被意外打开' } };
const timeout: AlarmMatch = { alarmClass: 'held-open', reason: { en: 'Door open timeout', 'zh-CN': '开门超时' } };
const nothingStored = () => null;

describe('door alarm episodes', () => {
  it('raises on the transition into an alarm, not on every read that still shows it', () => {
    const episodes = new DoorAlarmEpisodes();
    expect(episodes.next(1, 'd1', null, nothingStored)).toBeNull();
    expect(episodes.next(1, 'd1', forced, nothingStored)).toEqual({ kind: 'raise', match: forced });
    expect(episodes.next(1, 'd1', forced, nothingStored)).toBeNull();
    expect(episodes.next(1, 'd1', forced, nothingStored)).toBeNull();
  });

  it('a new episode only after the door went back to none, or into a different alarm', () => {
    const episodes = new DoorAlarmEpisodes();
    episodes.next(1, 'd1', forced, nothingStored);
    expect(episodes.next(1, 'd1', null, nothingStored)).toEqual({ kind: 'clear' });
    expect(episodes.next(1, 'd1', null, nothingStored)).toBeNull();
    expect(episodes.next(1, 'd1', forced, nothingStored)).toEqual({ kind: 'raise', match: forced });
    expect(episodes.next(1, 'd1', timeout, nothingStored)).toEqual({ kind: 'raise', match: timeout });
  });

  it('a read that says nothing (alarm unknown) neither starts nor ends an episode', () => {
    const episodes = new DoorAlarmEpisodes();
    episodes.next(1, 'd1', forced, nothingStored);
    expect(episodes.next(1, 'd1', undefined, nothingStored)).toBeNull();
    expect(episodes.next(1, 'd1', forced, nothingStored)).toBeNull();
  });

  it('each door, of each backend, has its own episodes', () => {
    const episodes = new DoorAlarmEpisodes();
    expect(episodes.next(1, 'd1', forced, nothingStored)?.kind).toBe('raise');
    expect(episodes.next(1, 'd2', forced, nothingStored)?.kind).toBe('raise');
    expect(episodes.next(2, 'd1', forced, nothingStored)?.kind).toBe('raise');
  });

  it('a door first read in the alarm its stored state already had (the app restarted) raises nothing; asked once', () => {
    const episodes = new DoorAlarmEpisodes();
    let asked = 0;
    const stored = () => {
      asked += 1;
      return forced;
    };
    expect(episodes.next(1, 'd1', forced, stored)).toBeNull();
    expect(episodes.next(1, 'd1', forced, stored)).toBeNull();
    expect(asked).toBe(1);
    expect(new DoorAlarmEpisodes().next(1, 'd1', null, () => forced)).toEqual({ kind: 'clear' });
  });
});
