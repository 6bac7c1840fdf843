import { z } from 'zod';
import { BackendIdSchema } from './backends.ts';
import { method } from './define.ts';

/**
 * A backend's set-up steps (the set-up wizards): each step is a typed method that the core carries
 * out with the vendor's documented endpoints (electron/drivers/<vendor>/commissioning.ts), so the
 * renderer knows neither endpoint ids nor reply shapes. A step that writes announces the inventory
 * parts it changed, as `backends.call` does. Undo methods exist where the vendor's API allows.
 */
const id = BackendIdSchema;
const uuid = z.string().min(1).max(128);
const text = z.string().trim().min(1).max(200);
const nullableText = z.string().nullable();
const done = z.strictObject({});

const HongtuDiscoveredSchema = z.strictObject({
  uuid: z.string(),
  snCode: z.string(),
  /** Not in the document's reply table; present when a platform sends it. */
  deviceModel: z.number().nullable(),
  discoveryMethod: z.number().nullable(),
});
export type HongtuDiscovered = z.infer<typeof HongtuDiscoveredSchema>;

const HongtuDeviceSchema = z.strictObject({ uuid: z.string(), name: nullableText, status: z.number().nullable(), location: nullableText });
export type HongtuDevice = z.infer<typeof HongtuDeviceSchema>;

const NamedItemSchema = z.strictObject({ uuid: z.string(), name: nullableText });
export type NamedItem = z.infer<typeof NamedItemSchema>;

const ZkbioAreaSchema = z.strictObject({ code: z.string(), name: nullableText });
export type ZkbioArea = z.infer<typeof ZkbioAreaSchema>;

const panelRef = z.strictObject({ id, panelUuid: uuid });

const hongtuCommissioningMethods = {
  /** Panels that reported themselves and wait to be imported. */
  'commissioning.hongtu.discoveredPanels': method(z.strictObject({ id }), z.strictObject({ panels: z.array(HongtuDiscoveredSchema) })),
  /** Imports a discovered panel; replies with the uuid it is listed under. */
  'commissioning.hongtu.importPanel': method(
    z.strictObject({
      id,
      panel: z.strictObject({ uuid, snCode: text, discoveryMethod: z.number().int().nullable() }),
      name: text,
      location: text,
      deviceModel: z.number().int(),
    }),
    z.strictObject({ panelUuid: z.string() }),
  ),
  /** Undo of importPanel: the panel reports itself again and reappears among the discovered. */
  'commissioning.hongtu.deletePanel': method(panelRef, done),
  'commissioning.hongtu.edgeServers': method(z.strictObject({ id }), z.strictObject({ servers: z.array(HongtuDeviceSchema) })),
  'commissioning.hongtu.boundDevices': method(z.strictObject({ id, serverUuid: uuid }), z.strictObject({ devices: z.array(NamedItemSchema) })),
  /** Binds the panel, keeping every device bound before (device.bind is full-set); `boundBefore` counts those. */
  'commissioning.hongtu.bindPanel': method(z.strictObject({ id, serverUuid: uuid, panelUuid: uuid }), z.strictObject({ boundBefore: z.number().int().nonnegative() })),
  'commissioning.hongtu.unbindPanel': method(z.strictObject({ id, serverUuid: uuid, panelUuid: uuid }), done),
  'commissioning.hongtu.addDoor': method(panelRef, done),
  'commissioning.hongtu.removeDoor': method(panelRef, done),
  'commissioning.hongtu.groups': method(z.strictObject({ id }), z.strictObject({ groups: z.array(NamedItemSchema) })),
  'commissioning.hongtu.createGroup': method(z.strictObject({ id, name: text }), z.strictObject({ groupUuid: z.string() })),
  'commissioning.hongtu.deleteGroup': method(z.strictObject({ id, groupUuid: uuid }), done),
  'commissioning.hongtu.schedules': method(z.strictObject({ id }), z.strictObject({ schedules: z.array(NamedItemSchema) })),
  'commissioning.hongtu.grantAuthority': method(z.strictObject({ id, panelUuid: uuid, groupUuid: uuid, scheduleUuid: uuid }), done),
  /** Undo of grantAuthority: deletes the (door, schedule) authority. */
  'commissioning.hongtu.revokeAuthority': method(z.strictObject({ id, panelUuid: uuid, scheduleUuid: uuid }), done),
};

const zkbioCommissioningMethods = {
  'commissioning.zkbio.areas': method(z.strictObject({ id }), z.strictObject({ areas: z.array(ZkbioAreaSchema) })),
  /** Adds an access level; replies with its id, found by name. The API has no way to delete it. */
  'commissioning.zkbio.addLevel': method(z.strictObject({ id, name: text, timeSegName: text, areaName: z.string().max(200) }), z.strictObject({ levelId: z.string() })),
  'commissioning.zkbio.addDoorsToLevel': method(z.strictObject({ id, levelName: text, doorNames: z.array(text).min(1).max(1000) }), done),
  'commissioning.zkbio.syncLevel': method(z.strictObject({ id, levelId: uuid }), done),
};

export const commissioningMethods = { ...hongtuCommissioningMethods, ...zkbioCommissioningMethods };
export type CommissioningMethod = keyof typeof commissioningMethods;
