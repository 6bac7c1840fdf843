import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendsTable } from '../../../electron/store/backends-table.ts';
import { openStore } from '../../../electron/store/database.ts';
import { PersonRefsTable } from '../../../electron/store/person-refs-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** backend_person_refs (migration 012): a backend's own id per pin, K30's `no` (issue 14 item 4). */
describe('person refs table', () => {
  it('keeps one id per backend and pin, replaces it, forgets it, and goes with its backend', () => {
    const path = join(tempDir(), 'doorman.db');
    const { db } = openStore(path);
    const now = '2026-03-01T08:00:00.000Z';
    const site = new SitesTable(db).insert('S', now).id;
    const backends = new BackendsTable(db);
    const add = () => backends.insert({ siteId: site, vendor: 'k30', name: 'K30', baseUrl: 'http://127.0.0.1', tls: { mode: 'verify' }, credentialsSealed: 'x', credentialFields: ['companyNo'] }, now).backend.id;
    const [one, two] = [add(), add()];
    const table = new PersonRefsTable(db);
    table.of(one).set('1001', 'K-1');
    table.of(two).set('1001', 'K-9');
    expect(table.of(one).get('1001')).toBe('K-1');
    table.of(one).set('1001', 'K-2');
    expect([table.of(one).get('1001'), table.of(two).get('1001'), table.of(one).get('1002')]).toEqual(['K-2', 'K-9', null]);
    table.of(one).forget('1001');
    expect(table.of(one).get('1001')).toBeNull();
    table.of(one).set('1003', 'K-3');
    backends.remove(one);
    expect(db.prepare('SELECT backend_id, pin, ref FROM backend_person_refs ORDER BY backend_id').all()).toEqual([{ backend_id: two, pin: '1001', ref: 'K-9' }]);
    db.close();
  });
});
