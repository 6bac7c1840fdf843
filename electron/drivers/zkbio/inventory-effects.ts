import type { InventoryPart } from '../../../shared/contract/backends.ts';

/**
 * The ZKBio writes that change what the inventory lists, and the parts each one changes: after
 * such a call succeeds the core re-reads those parts (issue 12 item 8).
 */
export const zkbioInventoryEffects: Readonly<Record<string, readonly InventoryPart[]>> = {
  'accLevel.addLevel': ['accessLevels'],
  'accLevel.deleteLevel': ['accessLevels'],
  'accLevel.addLevelDoor': ['accessLevels'],
  'department.add': ['departments'],
  'department.delete': ['departments'],
};
