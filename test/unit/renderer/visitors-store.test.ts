import { describe, expect, it } from 'vitest';
import type { Visitor } from '../../../shared/contract/visitors.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createVisitorsStore } from '../../../renderer/src/stores/visitors.ts';
import { ScriptedCore } from './support/scripted-core.ts';

function visitor(id: number, change: Partial<Visitor> = {}): Visitor {
  return {
    id, siteId: 1, backendId: 1, name: `Visitor ${id}`, hostPin: '1001', hostName: null, idType: 'passport', idNumber: 'E1', phone: null, company: null, reason: 'Delivery',
    validFrom: '2026-12-08 09:00:00', validTo: '2026-12-08 23:59:59', hasFace: false, state: 'registered', error: null, vendorRef: '3:E1', vendorPin: '80000001', reserved: false,
    arrivedAt: null, leftAt: null, createdAt: '2026-12-08T01:00:00.000Z', checkedOutAt: null, ...change,
  };
}

/** The Visitors page's list of one day (issue 15 item 4). */
describe('the visitors store', () => {
  it('adds a registered visitor to the day shown only when their visit touches it: a reservation for tomorrow waits for that day', async () => {
    const core = new ScriptedCore().answer('visitors.list', { date: '2026-12-08', visitors: [] });
    const store = createVisitorsStore(new ApiClient(core));
    await store.getState().load(1);
    core.answer('visitors.register', visitor(1));
    await store.getState().register({ backendId: 1, visitor: { name: 'Visitor 1', hostPin: '1001', idType: 'passport' } });
    expect(store.getState().visitors.map((v) => v.id)).toEqual([1]);
    const tomorrow = visitor(2, { reserved: true, validFrom: '2026-12-09 00:00:00', validTo: '2026-12-09 23:59:59' });
    core.answer('visitors.register', tomorrow);
    await store.getState().register({ backendId: 1, visitor: { name: 'Visitor 2', hostPin: '1001', idType: 'passport' } });
    expect(store.getState().lastRegistered).toMatchObject({ id: 2, reserved: true });
    expect(store.getState().visitors.map((v) => v.id)).toEqual([1]);
    // A change to one listed is taken whatever its dates.
    store.getState().watch();
    core.emit('visitors.changed', { siteId: 1, visitor: visitor(1, { state: 'checked-out', checkedOutAt: '2026-12-08T02:00:00.000Z' }) });
    expect(store.getState().visitors[0]?.state).toBe('checked-out');
  });

  it('reads a backend’s people once as the hosts to pick from; a backend that cannot list them leaves the host typed', async () => {
    const core = new ScriptedCore().answer('backends.people', { people: [{ pin: 'E1001', name: '张三' }] });
    const store = createVisitorsStore(new ApiClient(core));
    await store.getState().loadHosts(2);
    await store.getState().loadHosts(2);
    expect(store.getState().hosts[2]).toEqual([{ pin: 'E1001', name: '张三' }]);
    expect(core.callsOf('backends.people')).toEqual([{ id: 2 }]);
    core.on('backends.people', () => ({ ok: false, error: { code: 'backend_unreachable', message: 'x' } }));
    await store.getState().loadHosts(3);
    expect(store.getState().hosts[3]).toBeUndefined();
    expect(store.getState().error).toBeNull();
  });
});
