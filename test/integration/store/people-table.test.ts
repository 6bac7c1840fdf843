import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/database.ts';
import { PeopleTable } from '../../../electron/store/people-table.ts';
import { SitesTable } from '../../../electron/store/sites-table.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function opened() {
  const { db } = openStore(join(tempDir(), 'doorman.db'));
  const now = '2026-03-01T08:00:00.000Z';
  const sites = new SitesTable(db);
  return { db, now, site: sites.insert('S', now).id, other: sites.insert('T', now).id, people: new PeopleTable(db) };
}

const fields = (pin: string, name: string, idNumber?: string) => JSON.stringify({ pin, name, ...(idNumber ? { idNumber } : {}) });

describe('people table (persistence of people and faces)', () => {
  it('makes a person once per personnel number on a site and updates them after', () => {
    const { site, other, now, people } = opened();
    const made = people.upsert(site, '1001', fields('1001', 'Zhang San'), null, 'refused a photo', now);
    const again = people.upsert(site, '1001', fields('1001', 'Zhang San Feng'), null, null, '2026-03-02T08:00:00.000Z');
    people.upsert(other, '1001', fields('1001', 'Li Si'), null, null, now);
    expect(again.id).toBe(made.id);
    expect(again.created_at).toBe(now);
    expect(JSON.parse(again.fields)).toEqual({ pin: '1001', name: 'Zhang San Feng' });
    expect(people.ofSite(site).map((r) => r.id)).toEqual([made.id]);
    expect(people.byPin(site, '1001')?.id).toBe(made.id);
    expect(people.byPin(site, '9999')).toBeUndefined();
  });

  it('finds the holders of an ID number on one site, and each number with its first holder', () => {
    const { site, other, now, people } = opened();
    const a = people.upsert(site, '1', fields('1', 'A', '11010519491231002X'), null, null, now);
    const b = people.upsert(site, '2', fields('2', 'B', '11010519491231002X'), null, null, now);
    people.upsert(other, '3', fields('3', 'C', '11010519491231002X'), null, null, now);
    people.upsert(site, '4', fields('4', 'D'), null, null, now);
    expect(people.holdersOf(site, '11010519491231002X')).toEqual([
      { id: a.id, pin: '1', name: 'A' },
      { id: b.id, pin: '2', name: 'B' },
    ]);
    expect([...people.idNumbers(site)]).toEqual([['11010519491231002X', { id: a.id, pin: '1', name: 'A' }]]);
  });

  it('keeps a face once by its hash and tells a person’s face', () => {
    const { db, site, now, people } = opened();
    const face = { sha256: 'ab'.repeat(32), format: 'jpeg', width: 400, height: 400, bytes: 1000 };
    people.addFace(face, ['face_small'], now);
    people.addFace(face, [], now);
    const row = people.upsert(site, '1', fields('1', 'A'), face.sha256, null, now);
    expect(db.prepare('SELECT sha256, failed_checks FROM faces').all()).toEqual([{ sha256: face.sha256, failed_checks: '["face_small"]' }]);
    expect(people.faceOf(row.id)).toBe(face.sha256);
    expect(people.faceOf(row.id + 1)).toBeNull();
  });

  it('writes all or nothing inside immediate, and deletes', () => {
    const { site, now, people } = opened();
    expect(() =>
      people.immediate(() => {
        people.upsert(site, '1', fields('1', 'A'), null, null, now);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(people.ofSite(site)).toEqual([]);
    const row = people.immediate(() => people.upsert(site, '1', fields('1', 'A'), null, null, now));
    people.delete(row.id);
    expect(people.get(row.id)).toBeUndefined();
  });
});
