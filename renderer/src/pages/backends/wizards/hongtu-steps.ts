import { z } from 'zod';
import type { StepOutcome } from '../../../stores/wizard.ts';
import { pageOf, read, refused, type CallFn } from './endpoint-call.ts';

/**
 * The installer's flow on Hongtu 2000 (hongtu.md §4.1): a panel that reported itself is imported,
 * bound to an edge server, made a door (access-control point), and given a pass group with a
 * schedule (an authority). Each step is the document's endpoints, called through `backends.call`.
 */
export const HONGTU_STEPS = ['import', 'bind', 'door', 'group', 'authority'] as const;

export interface HongtuContext {
  readonly panelUuid: string | null;
  readonly panelName: string | null;
  readonly serverUuid: string | null;
  readonly groupUuid: string | null;
}

export const HONGTU_START: HongtuContext = { panelUuid: null, panelName: null, serverUuid: null, groupUuid: null };

const MAX_PAGE = 100;
const text = z.string().nullish();

export const DiscoveredSchema = z.looseObject({
  uuid: z.string(),
  snCode: z.string(),
  deviceType: z.number().nullish(),
  discoveryMethod: z.number().nullish(),
  gmtCreate: z.union([z.string(), z.number()]).nullish(),
  // Not in the document's reply table; used when a platform sends it.
  deviceModel: z.number().nullish(),
});
export type Discovered = z.infer<typeof DiscoveredSchema>;

const DeviceSchema = z.looseObject({ uuid: z.string(), name: text, status: z.number().nullish(), location: text });
export type HongtuDevice = z.infer<typeof DeviceSchema>;
const NamedSchema = z.looseObject({ uuid: z.string(), name: text });
export type Named = z.infer<typeof NamedSchema>;

/** Panels that reported themselves and wait to be imported (device.queryReportDevice). */
export async function listDiscovered(call: CallFn): Promise<Discovered[]> {
  const data = await call('device.queryReportDevice', { pageNum: 1, pageSize: MAX_PAGE });
  return read(pageOf(DiscoveredSchema), data, 'device.queryReportDevice').list;
}

export interface ImportRequest {
  readonly panel: Discovered;
  readonly name: string;
  readonly location: string;
  readonly deviceModel: number;
}

/**
 * device.importDevice replies with no uuid; the imported panel is found by its serial: first under
 * the uuid it reported with (the platform keeps it), else among the panels of that name.
 */
export async function importPanel(call: CallFn, request: ImportRequest): Promise<StepOutcome<HongtuContext>> {
  const { panel, name, location, deviceModel } = request;
  await call('device.importDevice', {
    name,
    location,
    deviceType: 2,
    deviceModel,
    deviceMode: 1,
    snCode: panel.snCode,
    discoveryMethod: panel.discoveryMethod ?? 1,
  });
  const uuid = await findImported(call, panel, name);
  return {
    summary: { key: 'wizard.hongtu.imported', values: { name, sn: panel.snCode } },
    context: { panelUuid: uuid, panelName: name },
    // A deleted panel reports itself again and reappears among the discovered ones.
    undo: () => call('device.delete', { uuid }),
  };
}

async function findImported(call: CallFn, panel: Discovered, name: string): Promise<string> {
  const snOf = async (uuid: string): Promise<string | null> => {
    try {
      const info = read(z.looseObject({ snCode: text }), await call('device.queryDeviceInfo', { uuid }), 'device.queryDeviceInfo');
      return info.snCode ?? null;
    } catch {
      return null;
    }
  };
  if ((await snOf(panel.uuid)) === panel.snCode) return panel.uuid;
  const data = await call('device.list', { pageNum: 1, pageSize: MAX_PAGE, deviceType: 2, name });
  for (const device of read(pageOf(DeviceSchema), data, 'device.list').list) {
    if ((await snOf(device.uuid)) === panel.snCode) return device.uuid;
  }
  throw refused(`The panel ${panel.snCode} was imported but is not listed among the devices.`);
}

/** Edge (smart compute) servers: device.list with deviceType 3. */
export async function listEdgeServers(call: CallFn): Promise<HongtuDevice[]> {
  const data = await call('device.list', { pageNum: 1, pageSize: MAX_PAGE, deviceType: 3 });
  return read(pageOf(DeviceSchema), data, 'device.list').list;
}

/** The devices bound to a server now (device.query's bindDevices). */
export async function boundDevices(call: CallFn, serverUuid: string): Promise<Named[]> {
  const data = await call('device.query', { uuid: serverUuid });
  return read(z.looseObject({ bindDevices: z.array(NamedSchema).nullish() }), data, 'device.query').bindDevices ?? [];
}

/**
 * device.bind is FULL-SET (hongtu.md E32): devices bound before and missing from the list are
 * unbound. So the request is everything bound now plus the panel.
 */
export async function bindPanel(call: CallFn, serverUuid: string, panelUuid: string): Promise<StepOutcome<HongtuContext>> {
  const current = (await boundDevices(call, serverUuid)).map((device) => device.uuid);
  const deviceUuids = [...new Set([...current, panelUuid])];
  await call('device.bind', { uuid: serverUuid, deviceUuids });
  return {
    summary: { key: 'wizard.hongtu.bound', values: { count: current.filter((uuid) => uuid !== panelUuid).length } },
    context: { serverUuid },
    undo: () => call('device.unbind', { uuid: serverUuid, unBindDeviceUuid: panelUuid }),
  };
}

/** door.add is a diff of two required lists (E31): the panel in, nothing out. */
export async function addDoor(call: CallFn, panelUuid: string): Promise<StepOutcome<HongtuContext>> {
  await call('door.add', { addDeviceUuids: [panelUuid], removeDeviceUuids: [] });
  return {
    summary: { key: 'wizard.hongtu.doorAdded' },
    undo: () => call('door.remove', { uuid: panelUuid }),
  };
}

/** Employee groups (type 1). */
export async function listGroups(call: CallFn): Promise<Named[]> {
  const data = await call('passGroup.list', { pageNum: 1, pageSize: MAX_PAGE, type: 1 });
  return read(pageOf(NamedSchema), data, 'passGroup.list').list;
}

const BatchSchema = z.looseObject({
  successes: z.array(z.looseObject({ uuid: text, name: text })).nullish(),
  failures: z.array(z.looseObject({ msg: text, name: text })).nullish(),
});

/** passGroup.batchAdd answers code 0 with per-item failures; then the group is found by name. */
export async function createGroup(call: CallFn, name: string): Promise<StepOutcome<HongtuContext>> {
  const batch = read(BatchSchema, await call('passGroup.batchAdd', { groupList: [{ name, type: 1 }] }), 'passGroup.batchAdd');
  const failure = batch.failures?.[0];
  if (failure) throw refused(failure.msg ?? name);
  const listed = await call('passGroup.list', { pageNum: 1, pageSize: MAX_PAGE, type: 1, name });
  const group = read(pageOf(NamedSchema), listed, 'passGroup.list').list.find((g) => g.name === name);
  const uuid = group?.uuid ?? batch.successes?.[0]?.uuid;
  if (!uuid) throw refused(`The group "${name}" was added but is not listed.`);
  return {
    summary: { key: 'wizard.hongtu.groupCreated', values: { name } },
    context: { groupUuid: uuid },
    undo: () => call('passGroup.delete', { uuid }),
  };
}

/** An existing group: nothing is written, so there is nothing to undo. */
export function chooseGroup(group: Named): StepOutcome<HongtuContext> {
  return { summary: { key: 'wizard.hongtu.groupChosen', values: { name: group.name ?? group.uuid } }, context: { groupUuid: group.uuid } };
}

/** Pass schedules (type 1), for the authority. */
export async function listSchedules(call: CallFn): Promise<Named[]> {
  const data = await call('schedule.page', { pageNum: 1, pageSize: MAX_PAGE, type: 1 });
  return read(pageOf(NamedSchema), data, 'schedule.page').list;
}

export async function grantAuthority(call: CallFn, panelUuid: string, groupUuid: string, schedule: Named): Promise<StepOutcome<HongtuContext>> {
  await call('passAuthority.add', { deviceUuids: [panelUuid], groupUuids: [groupUuid], scheduleUuid: schedule.uuid });
  return {
    summary: { key: 'wizard.hongtu.authorityAdded', values: { schedule: schedule.name ?? schedule.uuid } },
    // Deletes the (door, schedule) authority: new door, so it holds only what this step granted.
    undo: () => call('passAuthority.delete', { deviceUuid: panelUuid, scheduleUuid: schedule.uuid }),
  };
}
