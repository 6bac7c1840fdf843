import { ApiFailure, PROGRAM_ERROR } from '../codes.ts';
import { pageItems, pagedObject } from '../paging.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler, SimContext } from '../request.ts';
import { asText } from '../request.ts';
import type { AreaRecord, DepartmentRecord } from '../state.ts';

/**
 * Departments (2.6), cards (2.5), areas (2.8) and attendance-area members (2.9).
 * Departments: Add/Edit by `code`; -10 code or name empty, -12 name used by another department,
 * -13 unknown department (or parent), -14 a department as its own parent, -15 delete of a
 * department that still has people or sub-departments. Cards: -22 unknown person, -23 card used by
 * someone else; `cardType` 0 main (default), 1 secondary (added to `supplyCards`).
 */
const deptView = (dept: DepartmentRecord) => ({ name: dept.name, code: dept.code, parentCode: dept.parentCode });
const areaView = (area: AreaRecord) => ({ id: area.id, code: area.code, name: area.name });

function department(ctx: SimContext, code: string): DepartmentRecord {
  const dept = ctx.state.departments.get(code);
  if (!dept) throw new ApiFailure(-13);
  return dept;
}

function deleteDepartment(req: ApiRequest, ctx: SimContext) {
  const dept = department(ctx, req.require('code', -10));
  const used =
    ctx.state.activePersons().some((person) => person.deptCode === dept.code) ||
    [...ctx.state.departments.values()].some((other) => other.parentCode === dept.code);
  if (used) throw new ApiFailure(-15);
  ctx.state.departments.delete(dept.code);
  return ok();
}

function area(ctx: SimContext, code: string): AreaRecord {
  const found = ctx.state.areas.find((candidate) => candidate.code === code);
  if (!found) throw new ApiFailure(-80);
  return found;
}

function cards(req: ApiRequest, ctx: SimContext) {
  const person = ctx.state.person(req.require('pin'));
  if (!person) throw new ApiFailure(-22);
  const main = person.cardNo ? [{ pin: person.pin, cardNo: person.cardNo, cardType: '0' }] : [];
  const secondary = person.supplyCards
    .split(',')
    .filter((card) => card !== '')
    .map((cardNo) => ({ pin: person.pin, cardNo, cardType: '1' }));
  return ok([...main, ...secondary]);
}

/** 2.9: `pins` is text "5" in 2.9.1 and an array ["5"] in 2.9.2 (§8.7 item 51); both are read. */
function areaMembers(req: ApiRequest, ctx: SimContext) {
  const body = req.object();
  area(ctx, req.require('code', -83));
  const raw = body['pins'];
  const pins = (Array.isArray(raw) ? raw.map(asText) : (asText(raw) ?? '').split(',')).filter((pin): pin is string => !!pin && pin.trim() !== '');
  if (pins.length === 0) throw new ApiFailure(-81);
  if (pins.length > 500) throw new ApiFailure(-82);
  for (const pin of pins) if (!ctx.state.person(pin.trim())) throw new ApiFailure(-22);
  return ok();
}

export const ORG_HANDLERS: Record<string, Handler> = {
  'department.add': (req, ctx) => {
    const body = req.object();
    const code = req.require('code', -10);
    const name = req.require('name', -10);
    const parent = asText(body['parentCode']);
    if (parent !== undefined) {
      if (parent === code) throw new ApiFailure(-14);
      department(ctx, parent);
    }
    if ([...ctx.state.departments.values()].some((dept) => dept.name === name && dept.code !== code)) throw new ApiFailure(-12);
    const existing = ctx.state.departments.get(code);
    if (existing) Object.assign(existing, { name, parentCode: parent ?? existing.parentCode });
    else ctx.state.departments.set(code, { code, name, parentCode: parent ?? null, sortNo: ctx.state.departments.size + 1 });
    return ok();
  },
  'department.delete': deleteDepartment,
  'department.delete.v2': deleteDepartment,
  'department.get': (req, ctx) => ok(deptView(department(ctx, req.require('code', -10)))),
  'department.get.v2': (req, ctx) => ok(deptView(department(ctx, req.require('code', -10)))),
  'department.getDepartmentList': (req, ctx) =>
    ok(pagedObject([...ctx.state.departments.values()].map((dept) => ({ ...deptView(dept), sortNo: dept.sortNo })), req.paging())),

  'card.set': (req, ctx) => {
    const body = req.object();
    const person = ctx.state.person(req.require('pin'));
    if (!person) throw new ApiFailure(-22);
    const cardNo = req.require('cardNo', PROGRAM_ERROR);
    const owner = ctx.state.cardOwner(cardNo);
    if (owner !== undefined && owner !== person.pin) throw new ApiFailure(-23);
    const type = asText(body['cardType']) ?? '0';
    if (type === '1') {
      if (!person.supplyCards.split(',').includes(cardNo)) person.supplyCards = [person.supplyCards, cardNo].filter((card) => card !== '').join(',');
    } else if (type === '0') {
      person.cardNo = cardNo;
    } else {
      throw new ApiFailure(PROGRAM_ERROR);
    }
    return ok();
  },
  'card.getCards': cards,
  'card.getCards.v2': cards,

  'area.get': (req, ctx) => ok(areaView(area(ctx, req.require('code', -83)))),
  'area.get.v2': (req, ctx) => ok(areaView(area(ctx, req.require('code', -83)))),
  'area.list': (req, ctx) => ok(pageItems(ctx.state.areas, req.paging()).map(areaView)),
  'area.list.v2': (req, ctx) => ok(pagedObject(ctx.state.areas.map(areaView), req.paging())),
  'attAreaPerson.set': areaMembers,
  'attAreaPerson.delete': areaMembers,
};
