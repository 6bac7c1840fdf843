import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../../shared/contract/history.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createHistoryStore } from '../../../renderer/src/stores/history.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function found(eventId: string): HistoryEvent {
  return {
    backendId: 1,
    backendName: 'Main',
    at: '2026-03-02T00:00:00.000Z',
    event: { eventId, occurredAt: '2026-03-02 08:00:00', kind: 'pass', doorId: 'd1', doorName: 'Gate 1', deviceSerial: null, readerName: null, personPin: null, personName: null, verifyMode: null, description: 'Open', photoUrl: null },
  };
}

describe('history store', () => {
  it('searches a first page, then appends the older page the cursor points to, with the same filters', async () => {
    const core = new ScriptedCore();
    core.on('history.search', (input) => {
      const { before } = input as { before?: string };
      return { ok: true, output: before ? { events: [found('e2')], next: null, timeZone: 'Asia/Shanghai' } : { events: [found('e1')], next: 'c1', timeZone: 'Asia/Shanghai' } };
    });
    const store = createHistoryStore(new ApiClient(core));
    const filters = { siteId: 1, from: '2026-03-02', to: '2026-03-02 23:59:59', kinds: ['pass' as const] };
    await store.getState().search(filters);
    expect(store.getState()).toMatchObject({ next: 'c1', loading: false });
    await store.getState().more();
    expect(store.getState().events.map((e) => e.event.eventId)).toEqual(['e1', 'e2']);
    expect(store.getState().next).toBeNull();
    expect(core.callsOf('history.search')).toEqual([{ ...filters, limit: 100 }, { ...filters, limit: 100, before: 'c1' }]);
  });

  it('keeps the error of a failed search and shows no stale results', async () => {
    const core = new ScriptedCore().answer('history.search', { events: [found('e1')], next: null, timeZone: 'UTC' });
    const store = createHistoryStore(new ApiClient(core));
    await store.getState().search({ siteId: 1, from: '2026-03-02', to: '2026-03-03' });
    core.on('history.search', () => ({ ok: false, error: { code: 'site_not_found', message: 'gone' } }));
    await store.getState().search({ siteId: 2, from: '2026-03-02', to: '2026-03-03' });
    expect(store.getState()).toMatchObject({ events: [], error: { code: 'site_not_found' } });
  });
});
