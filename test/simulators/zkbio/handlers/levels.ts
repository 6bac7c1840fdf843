import { CATALOG } from '../catalog.ts';
import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, JsonObject, SimContext } from '../request.ts';
import { asText } from '../request.ts';
import { level as newLevel } from '../seed.ts';
import type { LevelKind, LevelRecord, PersonRecord } from '../state.ts';

/**
 * Access levels (2.1), elevator levels (2.3), entrance-control levels (2.33), visitor levels (2.17).
 * Who holds a level is the person's `accLevelIds`. Codes: -22 unknown person, -24 unknown level,
 * -43 level ids missing, -47 unknown door, -80 unknown area; a sync to a level whose devices are
 * offline or disabled is -105 "Synchronization failed".
 */
const levelView = (level: LevelRecord) => ({ id: level.id, name: level.name });

function byId(ctx: SimContext, kind: LevelKind, id: string): LevelRecord {
  const level = ctx.state.level(kind, id);
  if (!level) throw new ApiFailure(-24);
  return level;
}

function person(ctx: SimContext, pin: string): PersonRecord {
  const found = ctx.state.person(pin);
  if (!found) throw new ApiFailure(-22);
  return found;
}

function ids(text: string): string[] {
  return text.split(',').map((id) => id.trim()).filter((id) => id.length > 0);
}

function levelsFrom(ctx: SimContext, kind: LevelKind, idList: readonly string[]): LevelRecord[] {
  if (idList.length === 0) throw new ApiFailure(-43);
  return idList.map((id) => byId(ctx, kind, id));
}

function grant(person: PersonRecord, levels: readonly LevelRecord[]): void {
  for (const level of levels) if (!person.accLevelIds.includes(level.id)) person.accLevelIds.push(level.id);
}

function revoke(person: PersonRecord, levels: readonly LevelRecord[]): void {
  const gone = new Set(levels.map((level) => level.id));
  person.accLevelIds = person.accLevelIds.filter((id) => !gone.has(id));
}

function deviceIdsOf(ctx: SimContext, level: LevelRecord): string[] {
  const points = new Set(level.pointIds);
  const owners = [
    ...ctx.state.doors.filter((door) => points.has(door.id)).map((door) => door.deviceId),
    ...ctx.state.floors.filter((floor) => points.has(floor.id)).map((floor) => floor.deviceId),
    ...ctx.state.gates.filter((gate) => points.has(gate.id)).map((gate) => gate.deviceId),
  ];
  return [...new Set(owners)];
}

function sync(ctx: SimContext, levels: readonly LevelRecord[]): void {
  for (const level of levels) {
    for (const deviceId of deviceIdsOf(ctx, level)) {
      const device = ctx.state.deviceById(deviceId);
      if (!device || !device.enabled || !device.online) throw new ApiFailure(-105);
    }
  }
  const now = ctx.now().getTime();
  for (const level of levels) level.syncedAt = now;
}

function personAndLevels(req: ApiRequest, ctx: SimContext, kind: LevelKind): [PersonRecord, LevelRecord[]] {
  const who = person(ctx, req.require('pin'));
  return [who, levelsFrom(ctx, kind, ids(req.require('levelIds')))];
}

/** The handlers every level kind shares, under its resource prefix (those its section documents). */
function common(prefix: string, kind: LevelKind): Record<string, Handler> {
  return Object.fromEntries(Object.entries(shared(prefix, kind)).filter(([id]) => CATALOG.some((entry) => entry.id === id)));
}

function shared(prefix: string, kind: LevelKind): Record<string, Handler> {
  const all = (ctx: SimContext) => ctx.state.levelsOf(kind);
  const named = (ctx: SimContext, name: string) => {
    const level = ctx.state.levelByName(kind, name);
    if (!level) throw new ApiFailure(-24);
    return ok(levelView(level));
  };
  return {
    [`${prefix}.list`]: (req, ctx) => ok(pageItems(all(ctx), req.paging()).map(levelView)),
    [`${prefix}.list.v2`]: (req, ctx) => ok(pagedObject(all(ctx).map(levelView), req.paging())),
    [`${prefix}.getById`]: (req, ctx) => ok(levelView(byId(ctx, kind, req.require('id', -43)))),
    [`${prefix}.getById.v2`]: (req, ctx) => ok(levelView(byId(ctx, kind, req.require('id', -43)))),
    [`${prefix}.getByName`]: (req, ctx) => named(ctx, req.require('name', -43)),
    [`${prefix}.getByName.v2`]: (req, ctx) => named(ctx, req.require('name', -43)),
    [`${prefix}.deleteLevel`]: (req, ctx) => {
      const [who, levels] = personAndLevels(req, ctx, kind);
      revoke(who, levels);
      return ok();
    },
    [`${prefix}.syncLevel`]: (req, ctx) => {
      sync(ctx, [byId(ctx, kind, req.require('levelId', -43))]);
      return ok();
    },
    [`${prefix}.syncPerson`]: (req, ctx) => {
      const [, levels] = personAndLevels(req, ctx, kind);
      sync(ctx, levels);
      return ok();
    },
  };
}

function textList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((item): item is string => item !== undefined);
  const text = asText(value);
  return text ? ids(text) : [];
}

function field(item: JsonObject, name: string, code: number): string {
  const value = asText(item[name]);
  if (value === undefined) throw new ApiFailure(code);
  return value;
}

export const LEVEL_HANDLERS: Record<string, Handler> = {
  ...common('accLevel', 'acc'),
  ...common('eleLevel', 'ele'),
  ...common('psgLevel', 'psg'),
  'visLevel.list': (req, ctx) => ok(pageItems(ctx.state.levelsOf('vis'), req.paging()).map(levelView)),

  // 2.1.10 Add/Edit by name: an existing name keeps its id and takes the new time zone and area.
  'accLevel.addLevel': (req, ctx) => {
    const items = req.items().map((item) => ({
      name: field(item, 'name', PROGRAM_ERROR),
      timeSegName: field(item, 'timeSegName', PROGRAM_ERROR),
      areaName: field(item, 'areaName', -80),
    }));
    for (const item of items) if (!ctx.state.areas.some((area) => area.name === item.areaName)) throw new ApiFailure(-80);
    // "The selected time zone name": one ZKBio does not have is refused. The appendix has no code
    // for it, so the simulator answers its catch-all -1 "Program error"; nothing is saved.
    for (const item of items) if (!ctx.state.timeSegments.has(item.timeSegName)) throw new ApiFailure(PROGRAM_ERROR);
    for (const item of items) {
      const existing = ctx.state.levelByName('acc', item.name);
      if (existing) Object.assign(existing, { timeSegName: item.timeSegName, areaName: item.areaName });
      else ctx.state.levels.push(newLevel('acc', item.name, [], item.timeSegName, item.areaName));
    }
    return ok();
  },
  'accLevel.addLevelDoor': (req, ctx) => {
    const pairs = req.items().map((item) => {
      const level = ctx.state.levelByName('acc', field(item, 'levelName', -43));
      if (!level) throw new ApiFailure(-24);
      const door = ctx.state.doorByName(field(item, 'doorName', -46));
      if (!door) throw new ApiFailure(-47);
      return [level, door.id] as const;
    });
    for (const [level, doorId] of pairs) if (!level.pointIds.includes(doorId)) level.pointIds.push(doorId);
    return ok();
  },
  'accLevel.addLevelPerson': (req, ctx) => {
    const [who, levels] = personAndLevels(req, ctx, 'acc');
    grant(who, levels);
    return ok();
  },

  // 2.33.10/2.33.11: JSON arrays with real arrays (or comma text) of pins / level ids.
  'psgLevel.addLevelByLevel.v2': (req, ctx) => {
    const grants = req.items().map((item) => {
      const level = byId(ctx, 'psg', field(item, 'levelId', -43));
      const pins = textList(item['pins']);
      if (pins.length === 0) throw new ApiFailure(-81);
      return pins.map((pin) => [person(ctx, pin), level] as const);
    });
    for (const [who, level] of grants.flat()) grant(who, [level]);
    return ok();
  },
  'psgLevel.addLevelByPerson.v2': (req, ctx) => {
    const grants = req.items().map((item) => [person(ctx, field(item, 'pin', -20)), levelsFrom(ctx, 'psg', textList(item['levelIds']))] as const);
    for (const [who, levels] of grants) grant(who, levels);
    return ok();
  },
};
