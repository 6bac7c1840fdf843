import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../shared/contract/people.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createEnrollmentStore } from '../../../renderer/src/stores/enrollment.ts';
import { createPeopleStore } from '../../../renderer/src/stores/people.ts';
import { createStatusStore, SUCCESS_SHOW_MS, type StatusTimers } from '../../../renderer/src/stores/status.ts';
import { ScriptedCore } from './support/scripted-core.ts';

/** Timers that run only when the test steps them. */
function steppedTimers(): StatusTimers & { advance(ms: number): void } {
  let now = 0;
  let id = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout(run, ms) {
      pending.set(++id, { at: now + ms, run });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [key, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(key);
          timer.run();
        }
      }
    },
  };
}

describe('status lines', () => {
  it('a success line goes by itself; a newer line is not cut short by the older one’s timer', () => {
    const timers = steppedTimers();
    const store = createStatusStore(timers);
    store.getState().announce('sites.created', { name: 'A' });
    expect(store.getState().message).toMatchObject({ key: 'sites.created', kind: 'success' });
    timers.advance(SUCCESS_SHOW_MS - 1);
    store.getState().announce('sites.renamed', { name: 'B' });
    timers.advance(1);
    expect(store.getState().message?.key).toBe('sites.renamed');
    timers.advance(SUCCESS_SHOW_MS);
    expect(store.getState().message).toBeNull();
  });

  it('an error line stays until the next message or a dismiss', () => {
    const timers = steppedTimers();
    const store = createStatusStore(timers);
    store.getState().announce('errors.site_not_found', {}, 'error');
    timers.advance(SUCCESS_SHOW_MS * 100);
    expect(store.getState().message).toMatchObject({ key: 'errors.site_not_found', kind: 'error' });
    store.getState().announce('sites.selected', { name: 'A' });
    expect(store.getState().message?.kind).toBe('success');
    store.getState().announce('errors.site_not_found', {}, 'error');
    store.getState().clear();
    expect(store.getState().message).toBeNull();
  });

  it('carries numbers for plural messages', () => {
    const store = createStatusStore(steppedTimers());
    store.getState().announce('doorTests.announceDone', { count: 4, passed: 3, failed: 1 });
    expect(store.getState().message?.values).toEqual({ count: 4, passed: 3, failed: 1 });
  });
});

describe('page status lines go by themselves too', () => {
  const person: Person = { id: 7, siteId: 1, fields: { pin: 'P7', name: 'Li Lei' }, faceSha256: null, targets: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

  afterEach(() => {
    vi.useRealTimers();
  });

  it('People: “deleted” shows for ten seconds, then clears', async () => {
    vi.useFakeTimers();
    const core = new ScriptedCore().answer('people.list', { people: [] }).answer('people.remove', { outbox: [] });
    const store = createPeopleStore(new ApiClient(core));
    await store.getState().load(1);
    expect(await store.getState().remove(person)).toBe(true);
    expect(store.getState().notice).toEqual({ kind: 'deleted', name: 'Li Lei' });
    await vi.advanceTimersByTimeAsync(SUCCESS_SHOW_MS - 1);
    expect(store.getState().notice).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(store.getState().notice).toBeNull();
  });

  it('Enroll: “saved” shows for ten seconds, then clears', async () => {
    vi.useFakeTimers();
    const core = new ScriptedCore().answer('people.enroll', { person, outbox: [] });
    const store = createEnrollmentStore(new ApiClient(core));
    await store.getState().enroll({ siteId: 1, person: { pin: 'P7', name: 'Li Lei' }, targets: [] });
    expect(store.getState().lastResult?.person.id).toBe(7);
    await vi.advanceTimersByTimeAsync(SUCCESS_SHOW_MS);
    expect(store.getState().lastResult).toBeNull();
  });
});
