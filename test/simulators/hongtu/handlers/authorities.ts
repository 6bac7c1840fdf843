import { ApiFailure, NOT_FOUND, PASS_PARAMETER } from '../codes.ts';
import { ok, okText } from '../reply.ts';
import type { Handler } from '../request.ts';
import { page } from '../request.ts';
import type { ScheduleRecord, SimState } from '../state.ts';
import { doorDevice } from './lookups.ts';

/**
 * 通行权限管理 (hongtu.md §6): an authority is (door device, schedule) → groups (§10 E23). `add`
 * merges groups into each listed device's authority for the schedule; `update` moves groups from
 * the old schedule to the new one; `delete` removes the (device, schedule) authority. Devices must
 * be access-control points (104045), groups and schedules must exist (100009), the schedule must
 * be a pass schedule, type 1 (103005).
 */
function passSchedule(state: SimState, uuid: string): ScheduleRecord {
  const found = state.schedules.get(uuid);
  if (!found) throw new ApiFailure(NOT_FOUND, `时间计划${uuid}`);
  if (found.type !== 1) throw new ApiFailure(PASS_PARAMETER, '时间计划不是通行类型');
  return found;
}

function checkGroups(state: SimState, uuids: readonly string[]): void {
  for (const uuid of uuids) if (!state.groups.has(uuid)) throw new ApiFailure(NOT_FOUND, `组${uuid}`);
}

function grant(state: SimState, deviceUuid: string, scheduleUuid: string, groups: readonly string[]): void {
  const existing = state.authority(deviceUuid, scheduleUuid);
  if (existing) existing.groupUuids = [...new Set([...existing.groupUuids, ...groups])];
  else if (groups.length > 0) state.authorities.push({ deviceUuid, scheduleUuid, groupUuids: [...new Set(groups)] });
}

const add: Handler = (req, ctx) => {
  const devices = (req.strings('deviceUuids') ?? []).map((uuid) => doorDevice(ctx.state, uuid));
  const groups = req.strings('groupUuids') ?? [];
  checkGroups(ctx.state, groups);
  const schedule = passSchedule(ctx.state, req.need('scheduleUuid'));
  for (const found of devices) grant(ctx.state, found.uuid, schedule.uuid, groups);
  return okText();
};

const update: Handler = (req, ctx) => {
  const found = doorDevice(ctx.state, req.need('deviceUuid'));
  const oldSchedule = req.need('oldScheduleUuid');
  const authority = ctx.state.authority(found.uuid, oldSchedule);
  if (!authority) throw new ApiFailure(NOT_FOUND, '通行权限不存在');
  const newSchedule = passSchedule(ctx.state, req.need('newScheduleUuid'));
  const oldGroups = req.strings('oldGroupUuids') ?? [];
  const newGroups = req.strings('newGroupUuids') ?? [];
  checkGroups(ctx.state, newGroups);
  authority.groupUuids = authority.groupUuids.filter((uuid) => !oldGroups.includes(uuid));
  ctx.state.removeAuthorities((entry) => entry.groupUuids.length === 0);
  grant(ctx.state, found.uuid, newSchedule.uuid, newGroups);
  return okText();
};

const remove: Handler = (req, ctx) => {
  const deviceUuid = req.need('deviceUuid');
  const scheduleUuid = req.need('scheduleUuid');
  if (!ctx.state.authority(deviceUuid, scheduleUuid)) throw new ApiFailure(NOT_FOUND, '通行权限不存在');
  ctx.state.removeAuthorities((entry) => entry.deviceUuid === deviceUuid && entry.scheduleUuid === scheduleUuid);
  return okText();
};

const list: Handler = (req, ctx) => {
  const { state } = ctx;
  const deviceName = req.str('deviceName');
  const deviceUuids = req.strings('deviceUuids');
  const groupUuid = req.str('groupUuid');
  const scheduleUuid = req.str('scheduleUuid');
  const items = state.authorities
    .filter((authority) => {
      const name = state.devices.get(authority.deviceUuid)?.name ?? '';
      return (
        (deviceName === undefined || name.includes(deviceName)) &&
        (deviceUuids === undefined || deviceUuids.length === 0 || deviceUuids.includes(authority.deviceUuid)) &&
        (groupUuid === undefined || authority.groupUuids.includes(groupUuid)) &&
        (scheduleUuid === undefined || authority.scheduleUuid === scheduleUuid)
      );
    })
    .map((authority) => ({
      deviceUuid: authority.deviceUuid,
      deviceName: state.devices.get(authority.deviceUuid)?.name ?? '',
      groups: authority.groupUuids.map((uuid) => ({ groupUuid: uuid, groupName: state.groups.get(uuid)?.name ?? '' })),
      scheduleUuid: authority.scheduleUuid,
      scheduleName: state.schedules.get(authority.scheduleUuid)?.name ?? '',
    }));
  return ok(page(items, req));
};

export const AUTHORITY_HANDLERS: Readonly<Record<string, Handler>> = {
  'passAuthority.add': add,
  'passAuthority.update': update,
  'passAuthority.delete': remove,
  'passAuthority.list': list,
};
