import { describe, expect, it } from 'vitest';
import { KEEPS_DEPARTMENTS, matchDepartment } from '../../../shared/rules/departments.ts';

const LIST = [
  { id: '1', name: 'General', parentId: null },
  { id: '2', name: 'Construction', parentId: '1' },
  { id: '3', name: '土建一班', parentId: '2' },
  { id: '7', name: 'Site office', parentId: '1' },
  { id: '8', name: 'Site office', parentId: '2' },
  { id: '9', name: '2', parentId: '1' },
];

describe('matchDepartment', () => {
  it('takes a code as it is, and a code wins over a department named like it', () => {
    expect(matchDepartment('3', LIST)).toEqual({ kind: 'code', code: '3', name: '土建一班' });
    expect(matchDepartment('2', LIST)).toEqual({ kind: 'code', code: '2', name: 'Construction' });
  });

  it('maps a name to its code, ignoring case and surrounding spaces', () => {
    expect(matchDepartment(' general ', LIST)).toEqual({ kind: 'name', code: '1', name: 'General' });
    expect(matchDepartment('土建一班', LIST)).toEqual({ kind: 'name', code: '3', name: '土建一班' });
  });

  it('says when a name is on the list twice, or not at all', () => {
    expect(matchDepartment('Site office', LIST)).toEqual({ kind: 'ambiguous', codes: ['7', '8'] });
    expect(matchDepartment('Plumbing', LIST)).toEqual({ kind: 'unknown' });
    expect(matchDepartment('General', [])).toEqual({ kind: 'unknown' });
  });

  it('knows which vendors file people under departments (Hongtu has none)', () => {
    expect(KEEPS_DEPARTMENTS).toMatchObject({ zkbio: true, hongtu: false });
  });
});
