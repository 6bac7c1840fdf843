import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/contract/people.ts';
import { matchPeople, mergePeople } from '../../../renderer/src/stores/walk-people-list.ts';

const enrolled = (pin: string, name: string): Person => ({
  id: Number(pin),
  siteId: 1,
  fields: { pin, name },
  faceSha256: null,
  targets: [],
  createdAt: '2026-12-07T00:00:00.000Z',
  updatedAt: '2026-12-07T00:00:00.000Z',
});

describe('the walk-through person list (issue 12 item 13)', () => {
  it('merges the backend’s people and the site’s by personnel number, the backend’s first', () => {
    const people = mergePeople([{ pin: '1002', name: 'Na Li' }, { pin: '1001', name: 'Wei Zhang' }], [enrolled('1002', '李娜'), enrolled('2001', '王五')]);
    expect(people).toEqual([
      { pin: '1001', name: 'Wei Zhang', onBackend: true, inDoorman: false },
      { pin: '1002', name: 'Na Li', onBackend: true, inDoorman: true },
      { pin: '2001', name: '王五', onBackend: false, inDoorman: true },
    ]);
  });

  it('finds people by a part of the name or the number, any case', () => {
    const people = mergePeople([{ pin: 'E1001', name: 'Wei Zhang' }, { pin: 'E1002', name: '张三' }], []);
    expect(matchPeople(people, 'zhang').map((p) => p.pin)).toEqual(['E1001']);
    expect(matchPeople(people, '张').map((p) => p.pin)).toEqual(['E1002']);
    expect(matchPeople(people, 'e100').map((p) => p.pin)).toEqual(['E1001', 'E1002']);
    expect(matchPeople(people, '', 1)).toHaveLength(1);
  });
});
