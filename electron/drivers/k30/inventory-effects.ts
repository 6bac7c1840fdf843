import type { InventoryPart } from '../../../shared/contract/backends.ts';

/**
 * The K30 writes that change what the inventory lists, and the parts each one changes: after such a
 * call succeeds the core re-reads those parts. A K30 device is the door and its reader (direction),
 * regions are the access levels.
 */
export const k30InventoryEffects: Readonly<Record<string, readonly InventoryPart[]>> = {
  'device.update': ['devices', 'doors', 'readers', 'accessLevels'],
  'region.create': ['accessLevels'],
  'region.update': ['accessLevels'],
  'region.delete': ['accessLevels'],
  'department.create': ['departments'],
  'department.update': ['departments'],
  'department.delete': ['departments'],
};
