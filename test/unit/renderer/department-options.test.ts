import { describe, expect, it } from 'vitest';
import type { Backend, Inventory } from '../../../shared/contract/backends.ts';
import { departmentChoice, departmentLabel } from '../../../renderer/src/components/department-options.ts';

const backend = (id: number, vendor: Backend['vendor'], name: string) => ({ id, vendor, name }) as Backend;
const ZK = backend(1, 'zkbio', 'ZKBio main');
const ZK2 = backend(3, 'zkbio', 'ZKBio annex');
const HT = backend(2, 'hongtu', 'Hongtu gate');

function inventory(departments: { id: string; name: string }[]): Inventory {
  return { devices: [], doors: [], readers: [], accessLevels: [], departments: departments.map((d) => ({ ...d, parentId: null })), refreshedAt: '2026-12-07T00:00:00.000Z' };
}
const STORED: Record<number, Inventory | null> = {
  1: inventory([{ id: '1', name: 'General' }, { id: '2', name: 'Construction' }]),
  3: null,
};
const inventories = (id: number) => STORED[id] ?? null;

describe('departmentChoice', () => {
  it('offers nothing until a backend is chosen, and says Hongtu has no departments', () => {
    expect(departmentChoice([], inventories, undefined).state).toBe('no-target');
    expect(departmentChoice([HT], inventories, undefined)).toMatchObject({ state: 'none-keep', options: [], without: ['Hongtu gate'] });
  });

  it('lists ZKBio’s departments by code, names the backends whose list is unread or that have none', () => {
    const choice = departmentChoice([ZK, HT, ZK2], inventories, '2');
    expect(choice).toMatchObject({ state: 'list', options: [{ code: '1', name: 'General' }, { code: '2', name: 'Construction' }], unread: ['ZKBio annex'], without: ['Hongtu gate'], stray: null });
  });

  it('keeps a value no list has as a stray (typed before the lists)', () => {
    expect(departmentChoice([ZK], inventories, 'Plumbing').stray).toBe('Plumbing');
  });

  it('shows the code only when two departments share a name', () => {
    const options = [{ code: '7', name: 'Office' }, { code: '8', name: 'Office' }, { code: '1', name: 'General' }];
    expect(options.map((o) => departmentLabel(o, options))).toEqual(['Office (7)', 'Office (8)', 'General']);
  });
});
