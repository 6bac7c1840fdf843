import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { openStore } from '../../../electron/store/database.ts';
import { DeviceSyncResultsTable } from '../../../electron/store/device-sync-results-table.ts';
import { PersonRefsTable } from '../../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** device_sync_results (migration 013): the latest per-device push result per backend, person and device (issue 14 item 5). */
describe('device sync results table', () => {
  it('keeps the latest result per person and device (by the backend’s time when known), names the person by pin, lists by site, and goes with its backend', () => {
    const { db } = openStore(join(tempDir(), 'doorman.db'));
    const now = '2026-03-01T08:00:00.000Z';
    const sites = new SitesTable(db);
    const [north, south] = [sites.insert('North', now).id, sites.insert('South', now).id];
    const backends = new BackendsTable(db);
    const add = (siteId: number) => backends.insert({ siteId, vendor: 'k30', name: 'K30', baseUrl: `http://127.0.0.${siteId}`, tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['companyNo'] }, now).backend.id;
    const [one, two] = [add(north), add(south)];
    const refs = new PersonRefsTable(db);
    refs.of(one).set('P1001', 'K-1');
    expect(refs.pinOf(one, 'K-1')).toBe('P1001');
    expect(refs.pinOf(two, 'K-1')).toBeNull();

    const results = new DeviceSyncResultsTable(db);
    const first = results.record(one, [{ personNo: 'K-1', deviceNo: 'D1', ok: false, message: '上报失败', reportedAt: '20260301080000000' }, { personNo: 'K-2', deviceNo: 'D1', ok: true, message: '上报成功', reportedAt: null }], new Date('2026-03-01T08:00:00Z'));
    expect(first.map((r) => r.pin)).toEqual(['P1001', null]);
    results.record(one, [{ personNo: 'K-1', deviceNo: 'D1', ok: true, message: '上报成功', reportedAt: '20260301090000000' }], new Date('2026-03-01T09:00:00Z'));
    // Delivered late: reported before the one stored, so it does not replace it, and is not returned (nor announced).
    expect(results.record(one, [{ personNo: 'K-1', deviceNo: 'D1', ok: false, message: '上报失败', reportedAt: '20260301083000000' }], new Date('2026-03-01T09:30:00Z'))).toEqual([]);
    results.record(two, [{ personNo: 'K-1', deviceNo: 'D9', ok: true, message: '', reportedAt: null }], new Date('2026-03-01T10:00:00Z'));

    expect(results.list(north)).toEqual([
      { backendId: one, pin: 'P1001', personNo: 'K-1', deviceNo: 'D1', ok: true, message: '上报成功', receivedAt: '2026-03-01T09:00:00.000Z' },
      { backendId: one, pin: null, personNo: 'K-2', deviceNo: 'D1', ok: true, message: '上报成功', receivedAt: '2026-03-01T08:00:00.000Z' },
    ]);
    expect(results.list(south)).toEqual([{ backendId: two, pin: null, personNo: 'K-1', deviceNo: 'D9', ok: true, message: '', receivedAt: '2026-03-01T10:00:00.000Z' }]);
    backends.remove(one);
    expect(results.list(north)).toEqual([]);
    db.close();
  });
});
