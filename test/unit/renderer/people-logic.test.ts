import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/contract/people.ts';
import { filterPeople, formOf, maskIdNumber, validatePersonForm, validIdNumber } from '../../../renderer/src/pages/people/people-logic.ts';

function person(id: number, pin: string, name: string): Person {
  return { id, siteId: 1, fields: { pin, name }, faceSha256: null, targets: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('maskIdNumber', () => {
  it('hides all but the last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumber('11010519491231002X')).toHaveLength(18);
  });
  it('leaves short or missing numbers alone', () => {
    expect(maskIdNumber(undefined)).toBe('');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('123')).toBe('123');
    expect(maskIdNumber('12345')).toBe('*2345');
  });
});

describe('filterPeople', () => {
  const people = [person(1, 'P1001', 'Li Wei'), person(2, 'P1002', 'Wang Fang'), person(3, 'X9', '李雷')];
  it('matches the personnel number or the name, case-insensitively', () => {
    expect(filterPeople(people, 'p100').map((p) => p.id)).toEqual([1, 2]);
    expect(filterPeople(people, 'WANG').map((p) => p.id)).toEqual([2]);
    expect(filterPeople(people, ' 李 ').map((p) => p.id)).toEqual([3]);
    expect(filterPeople(people, 'nobody')).toEqual([]);
  });
  it('finds a person by phone or department (any part) and by the full ID number only (issue 12 item 14)', () => {
    const more = [
      { ...person(4, 'Q1', 'Zhao'), fields: { pin: 'Q1', name: 'Zhao', idNumber: '11010519491231002X', phone: '13800138000', department: 'Electrical' } },
      { ...person(5, 'Q2', 'Qian'), fields: { pin: 'Q2', name: 'Qian', department: '土建一班' } },
    ];
    const all = [...people, ...more];
    expect(filterPeople(all, '11010519491231002x').map((p) => p.id)).toEqual([4]);
    expect(filterPeople(all, '110105 19491231 002X').map((p) => p.id)).toEqual([4]);
    // A part of the masked number finds nobody: it would reveal hidden digits.
    expect(filterPeople(all, '1949123')).toEqual([]);
    expect(filterPeople(all, '138 0013').map((p) => p.id)).toEqual([4]);
    expect(filterPeople(all, 'electr').map((p) => p.id)).toEqual([4]);
    expect(filterPeople(all, '土建').map((p) => p.id)).toEqual([5]);
  });
  it('returns everyone for a blank query', () => {
    expect(filterPeople(people, '  ')).toHaveLength(3);
  });
});

describe('the edit form', () => {
  it('round-trips stored fields and reports problems by key', () => {
    const form = formOf({ pin: 'P1', name: 'Li', phone: '13800000000' });
    expect(form).toEqual({ pin: 'P1', name: 'Li', phone: '13800000000' });
    expect(validatePersonForm(form)).toEqual({ person: { pin: 'P1', name: 'Li', phone: '13800000000' }, issues: {} });
    const bad = validatePersonForm({ ...form, name: ' ', idNumber: '110105194912310021', phone: '' });
    expect(bad.person).toBeNull();
    expect(bad.issues).toEqual({ name: 'required', idNumber: 'id_number_invalid' });
  });
});

describe('the ID number the site check asks about (issue 12 item 3)', () => {
  it('is the typed number upper-cased, only once it is valid', () => {
    const check = (idNumber: string) => validIdNumber({ pin: 'P1', name: 'Li', idNumber }, validatePersonForm({ pin: 'P1', name: 'Li', idNumber }).issues);
    expect(check(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(check('110105194912310021')).toBeUndefined();
    expect(check('  ')).toBeUndefined();
  });
});
