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

const K30DeviceSchema = z.strictObject({
  /** 设备编号: the device number, K30's key for the device (it is the door). */
  no: z.string(),
  name: z.string(),
  ip: nullableText,
  area: nullableText,
  regionName: nullableText,
  /** outintype 1 入口 entry = 'in', 0 出口 exit = 'out', as the inventory's readers say. */
  direction: z.enum(['in', 'out']).nullable(),
  /** isenableattend 1 启用 / 0 不启用. */
  attendance: z.boolean().nullable(),
  /** onlinestatus 1 在线 / 0 离线. */
  online: z.boolean().nullable(),
});
export type K30Device = z.infer<typeof K30DeviceSchema>;

const K30_DEVICE_FIELDS = ['name', 'area', 'regionName', 'direction', 'attendance'] as const;
export type K30DeviceField = (typeof K30_DEVICE_FIELDS)[number];
const K30ChangeSchema = z.strictObject({ field: z.enum(K30_DEVICE_FIELDS), before: z.union([z.string(), z.boolean()]).nullable(), after: z.union([z.string(), z.boolean()]).nullable() });
export type K30Change = z.infer<typeof K30ChangeSchema>;

const K30RegionSchema = z.strictObject({ no: z.string(), name: z.string(), parentNo: nullableText, isDefault: z.boolean() });
export type K30Region = z.infer<typeof K30RegionSchema>;

/** The document's lengths: deviceno 32 (status, setLongOpen); device.update's no / name 50, area / regionname 100. */
const deviceNo = z.string().trim().min(1).max(32);
const updateNo = z.string().trim().min(1).max(50);
const k30Name = z.string().trim().min(1).max(50);

const k30CommissioningMethods = {
  /** Every device (device.list, all pages). */
  'commissioning.k30.devices': method(z.strictObject({ id }), z.strictObject({ devices: z.array(K30DeviceSchema) })),
  /** One device as device.status reads it now, its online state included. */
  'commissioning.k30.deviceStatus': method(z.strictObject({ id, deviceNo }), z.strictObject({ device: K30DeviceSchema })),
  /**
   * Edits a device with device.update: a field left out is kept (填就更新，不填不更新); the reply is
   * the device before and after (read back with device.status) and what changed. Its undo is the
   * same call with the `before` values.
   */
  'commissioning.k30.updateDevice': method(
    z.strictObject({
      id,
      no: updateNo,
      name: k30Name,
      area: z.string().trim().min(1).max(100).optional(),
      regionName: z.string().trim().min(1).max(100).optional(),
      direction: z.enum(['in', 'out']).optional(),
      attendance: z.boolean().optional(),
    }),
    z.strictObject({ before: K30DeviceSchema, after: K30DeviceSchema, changes: z.array(K30ChangeSchema) }),
  ),
  'commissioning.k30.regions': method(z.strictObject({ id }), z.strictObject({ regions: z.array(K30RegionSchema) })),
  /** region.create under the default region; replies with its number. Undo: deleteRegion. */
  'commissioning.k30.createRegion': method(z.strictObject({ id, name: k30Name }), z.strictObject({ regionNo: z.string() })),
  'commissioning.k30.deleteRegion': method(z.strictObject({ id, regionNo: z.string().trim().min(1).max(50) }), done),
  /** Puts devices in a region (device.update's regionname, one device at a time); replies with where each was. */
  'commissioning.k30.assignRegion': method(
    z.strictObject({ id, regionName: z.string().trim().min(1).max(100), deviceNos: z.array(updateNo).min(1).max(200) }),
    z.strictObject({ moved: z.array(z.strictObject({ no: z.string(), name: z.string(), fromRegion: nullableText })) }),
  ),
  /**
   * device.setLongOpen: 'open' = mode 1 常开 (held open), 'closed' = mode 2 常关 (held closed). The
   * document has no value back to normal (E37): there is no undo.
   */
  'commissioning.k30.setHold': method(z.strictObject({ id, deviceNo, mode: z.enum(['open', 'closed']) }), done),
};

export const commissioningMethods = { ...hongtuCommissioningMethods, ...zkbioCommissioningMethods, ...k30CommissioningMethods };
export type CommissioningMethod = keyof typeof commissioningMethods;
