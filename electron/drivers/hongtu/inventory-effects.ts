import type { InventoryPart } from '../../../shared/contract/backends.ts';

/**
 * The Hongtu writes that change what the inventory lists, and the parts each one changes: after
 * such a call succeeds the core re-reads those parts (a set-up wizard's new door shows everywhere
 * at once, issue 12 item 8). Doors are panels made access-control points (door.list, §4.1).
 */
export const hongtuInventoryEffects: Readonly<Record<string, readonly InventoryPart[]>> = {
  'device.importDevice': ['devices'],
  'device.add': ['devices'],
  'device.update': ['devices', 'doors'],
  'device.delete': ['devices', 'doors'],
  'device.bind': ['devices'],
  'device.unbind': ['devices'],
  'door.add': ['doors'],
  'door.remove': ['doors'],
  'door.config': ['doors'],
  'passGroup.batchAdd': ['accessLevels'],
  'passGroup.update': ['accessLevels'],
  'passGroup.delete': ['accessLevels'],
};
