import { z } from 'zod';
import type { HongtuDevice, HongtuDiscovered, NamedItem } from '../../../shared/contract/commissioning.ts';
import { pageOf, readReply, refused, type EndpointCall } from '../step-reply.ts';

/**
 * The installer's set-up steps on Hongtu 2000 (hongtu.md §4.1), the wizard's core: a panel that
 * reported itself is imported, bound to an edge server, made a door (access-control point), and
 * given a pass group with a schedule (an authority). Each step is the document's endpoints through
 * `call` (the backends service's, which announces the inventory parts a write changed); each write
 * has its undo where the API has one.
 */
const MAX_PAGE = 100;
const text = z.string().nullish();

const DiscoveredSchema = z.looseObject({
  uuid: z.string(),
  snCode: z.string(),
  discoveryMethod: z.number().nullish(),
  // Not in the document's reply table; used when a platform sends it.
  deviceModel: z.number().nullish(),
});
const DeviceSchema = z.looseObject({ uuid: z.string(), name: text, status: z.number().nullish(), location: text });
const NamedSchema = z.looseObject({ uuid: z.string(), name: text });

const named = (item: z.infer<typeof NamedSchema>): NamedItem => ({ uuid: item.uuid, name: item.name ?? null });

/** Panels that reported themselves and wait to be imported (device.queryReportDevice). */
export async function listDiscovered(call: EndpointCall): Promise<HongtuDiscovered[]> {
  const data = await call('device.queryReportDevice', { pageNum: 1, pageSize: MAX_PAGE });
  return readReply(pageOf(DiscoveredSchema), data, 'device.queryReportDevice').list.map((p) => ({
    uuid: p.uuid,
    snCode: p.snCode,
    deviceModel: p.deviceModel ?? null,
    discoveryMethod: p.discoveryMethod ?? null,
  }));
}

export interface ImportRequest {
  readonly panel: { readonly uuid: string; readonly snCode: string; readonly discoveryMethod: number | null };
  readonly name: string;
  readonly location: string;
  readonly deviceModel: number;
}

/**
 * device.importDevice replies with no uuid; the imported panel is found by its serial: first under
 * the uuid it reported with (the platform keeps it), else among the panels of that name.
 */
export async function importPanel(call: EndpointCall, request: ImportRequest): Promise<{ panelUuid: string }> {
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
  return { panelUuid: await findImported(call, panel, name) };
}

/** Undo of importPanel: a deleted panel reports itself again and reappears among the discovered. */
export async function deletePanel(call: EndpointCall, panelUuid: string): Promise<void> {
  await call('device.delete', { uuid: panelUuid });
}

async function findImported(call: EndpointCall, panel: ImportRequest['panel'], name: string): Promise<string> {
  const snOf = async (uuid: string): Promise<string | null> => {
    try {
      const info = readReply(z.looseObject({ snCode: text }), await call('device.queryDeviceInfo', { uuid }), 'device.queryDeviceInfo');
      return info.snCode ?? null;
    } catch {
      return null;
    }
  };
  if ((await snOf(panel.uuid)) === panel.snCode) return panel.uuid;
  const data = await call('device.list', { pageNum: 1, pageSize: MAX_PAGE, deviceType: 2, name });
  for (const device of readReply(pageOf(DeviceSchema), data, 'device.list').list) {
    if ((await snOf(device.uuid)) === panel.snCode) return device.uuid;
  }
  throw refused(`The panel ${panel.snCode} was imported but is not listed among the devices.`);
}

/** Edge (smart compute) servers: device.list with deviceType 3. */
export async function listEdgeServers(call: EndpointCall): Promise<HongtuDevice[]> {
  const data = await call('device.list', { pageNum: 1, pageSize: MAX_PAGE, deviceType: 3 });
  return readReply(pageOf(DeviceSchema), data, 'device.list').list.map((d) => ({ uuid: d.uuid, name: d.name ?? null, status: d.status ?? null, location: d.location ?? null }));
}

/** The devices bound to a server now (device.query's bindDevices). */
export async function boundDevices(call: EndpointCall, serverUuid: string): Promise<NamedItem[]> {
  const data = await call('device.query', { uuid: serverUuid });
  return (readReply(z.looseObject({ bindDevices: z.array(NamedSchema).nullish() }), data, 'device.query').bindDevices ?? []).map(named);
}

/**
 * device.bind is FULL-SET (hongtu.md E32): devices bound before and missing from the list are
 * unbound. So the request is everything bound now plus the panel; `boundBefore` counts the others.
 */
export async function bindPanel(call: EndpointCall, serverUuid: string, panelUuid: string): Promise<{ boundBefore: number }> {
  const current = (await boundDevices(call, serverUuid)).map((device) => device.uuid);
  const deviceUuids = [...new Set([...current, panelUuid])];
  await call('device.bind', { uuid: serverUuid, deviceUuids });
  return { boundBefore: current.filter((uuid) => uuid !== panelUuid).length };
}

/** Undo of bindPanel: the panel alone is unbound. */
export async function unbindPanel(call: EndpointCall, serverUuid: string, panelUuid: string): Promise<void> {
  await call('device.unbind', { uuid: serverUuid, unBindDeviceUuid: panelUuid });
}

/** door.add is a diff of two required lists (E31): the panel in, nothing out. */
export async function addDoor(call: EndpointCall, panelUuid: string): Promise<void> {
  await call('door.add', { addDeviceUuids: [panelUuid], removeDeviceUuids: [] });
}

export async function removeDoor(call: EndpointCall, panelUuid: string): Promise<void> {
  await call('door.remove', { uuid: panelUuid });
}

/** Employee groups (type 1). */
export async function listGroups(call: EndpointCall): Promise<NamedItem[]> {
  const data = await call('passGroup.list', { pageNum: 1, pageSize: MAX_PAGE, type: 1 });
  return readReply(pageOf(NamedSchema), data, 'passGroup.list').list.map(named);
}

const BatchSchema = z.looseObject({
  successes: z.array(z.looseObject({ uuid: text, name: text })).nullish(),
  failures: z.array(z.looseObject({ msg: text, name: text })).nullish(),
});

/** passGroup.batchAdd answers code 0 with per-item failures; then the group is found by name. */
export async function createGroup(call: EndpointCall, name: string): Promise<{ groupUuid: string }> {
  const batch = readReply(BatchSchema, await call('passGroup.batchAdd', { groupList: [{ name, type: 1 }] }), 'passGroup.batchAdd');
  const failure = batch.failures?.[0];
  if (failure) throw refused(failure.msg ?? name);
  const listed = await call('passGroup.list', { pageNum: 1, pageSize: MAX_PAGE, type: 1, name });
  const group = readReply(pageOf(NamedSchema), listed, 'passGroup.list').list.find((g) => g.name === name);
  const uuid = group?.uuid ?? batch.successes?.[0]?.uuid;
  if (!uuid) throw refused(`The group "${name}" was added but is not listed.`);
  return { groupUuid: uuid };
}

export async function deleteGroup(call: EndpointCall, groupUuid: string): Promise<void> {
  await call('passGroup.delete', { uuid: groupUuid });
}

/** Pass schedules (type 1), for the authority. */
export async function listSchedules(call: EndpointCall): Promise<NamedItem[]> {
  const data = await call('schedule.page', { pageNum: 1, pageSize: MAX_PAGE, type: 1 });
  return readReply(pageOf(NamedSchema), data, 'schedule.page').list.map(named);
}

export async function grantAuthority(call: EndpointCall, panelUuid: string, groupUuid: string, scheduleUuid: string): Promise<void> {
  await call('passAuthority.add', { deviceUuids: [panelUuid], groupUuids: [groupUuid], scheduleUuid });
}

/** Undo of grantAuthority: deletes the (door, schedule) authority; a new door holds only what the step granted. */
export async function revokeAuthority(call: EndpointCall, panelUuid: string, scheduleUuid: string): Promise<void> {
  await call('passAuthority.delete', { deviceUuid: panelUuid, scheduleUuid });
}
