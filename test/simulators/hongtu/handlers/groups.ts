import { ApiFailure, NOT_FOUND, PASS_PARAMETER, SUCCESS, messageFor } from '../codes.ts';
import { ok, okText } from '../reply.ts';
import type { Handler, JsonObject } from '../request.ts';
import { page } from '../request.ts';
import type { GroupRecord, PersonType, SimState } from '../state.ts';
import { newUuid } from '../state.ts';

/**
 * 组管理 (hongtu.md §6): pass groups. Membership lives on the person (`groupList`, written by
 * person.batchAdd / update); batchDeletePerson takes persons out. Names are unique, 2–32
 * characters without special characters; uuids 1–40 without them. Deleting a group takes it off
 * its members and out of every pass authority.
 */
const NAME = /^[\u4e00-\u9fa5A-Za-z0-9_\-（）()]{2,32}$/;
const UUID = /^[A-Za-z0-9_-]{1,40}$/;

function group(state: SimState, uuid: string): GroupRecord {
  const found = state.groups.get(uuid);
  if (!found) throw new ApiFailure(NOT_FOUND, `组${uuid}`);
  return found;
}

function checkName(state: SimState, name: string, self?: GroupRecord): void {
  if (!NAME.test(name)) throw new ApiFailure(PASS_PARAMETER, '组名称长度2~32，不支持特殊字符');
  for (const other of state.groups.values()) if (other !== self && other.name === name) throw new ApiFailure(PASS_PARAMETER, '组名称已存在');
}

const batchAdd: Handler = (req, ctx) => {
  const successes: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const item of req.objects('groupList') ?? []) {
    const name = req.str('name', item) ?? '';
    const type = req.int('type', item) ?? 0;
    const uuid = req.str('uuid', item) ?? newUuid();
    try {
      if (![1, 2, 3].includes(type)) throw new ApiFailure(PASS_PARAMETER, '组类型只能为1、2、3');
      if (!UUID.test(uuid)) throw new ApiFailure(PASS_PARAMETER, 'uuid长度1~40，不支持特殊字符');
      if (ctx.state.groups.has(uuid)) throw new ApiFailure(PASS_PARAMETER, 'uuid已存在');
      checkName(ctx.state, name);
      ctx.state.groups.set(uuid, { uuid, name, type: type as PersonType });
      successes.push({ uuid, name, type, code: SUCCESS, msg: messageFor(SUCCESS) });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      failures.push({ uuid, name, type, code: error.code, msg: error.message });
    }
  }
  return ok({ successes, failures });
};

const update: Handler = (req, ctx) => {
  const found = group(ctx.state, req.need('uuid'));
  const name = req.need('name');
  checkName(ctx.state, name, found);
  found.name = name;
  return okText();
};

const remove: Handler = (req, ctx) => {
  const found = group(ctx.state, req.need('uuid'));
  ctx.state.groups.delete(found.uuid);
  for (const person of ctx.state.persons.values()) person.groupList = person.groupList.filter((uuid) => uuid !== found.uuid);
  for (const authority of ctx.state.authorities) authority.groupUuids = authority.groupUuids.filter((uuid) => uuid !== found.uuid);
  ctx.state.removeAuthorities((authority) => authority.groupUuids.length === 0);
  return okText();
};

const batchDeletePerson: Handler = (req, ctx) => {
  const found = group(ctx.state, req.need('groupUuid'));
  for (const uuid of req.strings('personUuids') ?? []) {
    const person = ctx.state.persons.get(uuid);
    if (person) person.groupList = person.groupList.filter((member) => member !== found.uuid);
  }
  return okText();
};

const queryPersonListInGroup: Handler = (req, ctx) => {
  const found = group(ctx.state, req.need('uuid'));
  const type = req.int('type');
  if (type !== found.type) throw new ApiFailure(PASS_PARAMETER, '组类型不匹配');
  const name = req.str('name');
  const code = req.str('personCode');
  const now = ctx.now().getTime();
  const members = ctx.state
    .membersOf(found.uuid)
    .filter((person) => (name === undefined || person.name.includes(name)) && (code === undefined || person.code === code))
    .map((person) => {
      const visited = person.visitedUuid !== undefined ? ctx.state.persons.get(person.visitedUuid) : undefined;
      const valid = now >= (person.visitStartTimeStamp ?? Infinity) && now <= (person.visitEndTimeStamp ?? -Infinity);
      return {
        groupUuid: found.uuid,
        personUuid: person.uuid,
        imageUri: person.imageUri,
        personName: person.name,
        personCode: person.code,
        phone: person.phone,
        identifyNum: person.identifyNum,
        type: person.type,
        ...(person.type === 2
          ? {
              visitTargetUuid: person.visitedUuid,
              visitTarget: visited?.name,
              visitStartTime: person.visitStartTimeStamp !== undefined ? String(person.visitStartTimeStamp) : undefined,
              visitEndTime: person.visitEndTimeStamp !== undefined ? String(person.visitEndTimeStamp) : undefined,
              status: valid ? '有效' : '无效',
              visitReason: person.visitReason,
            }
          : {}),
      };
    });
  return ok(page(members, req));
};

const query: Handler = (req, ctx) => {
  const found = group(ctx.state, req.need('uuid'));
  return ok({ ...found, personTotal: ctx.state.membersOf(found.uuid).length });
};

const list: Handler = (req, ctx) => {
  const type = req.int('type');
  const name = req.str('name');
  const groups = [...ctx.state.groups.values()]
    .filter((candidate) => candidate.type === type && (name === undefined || candidate.name.includes(name)))
    .map((candidate) => ({ ...candidate, personTotal: ctx.state.membersOf(candidate.uuid).length }));
  return ok(page(groups, req));
};

export const GROUP_HANDLERS: Readonly<Record<string, Handler>> = {
  'passGroup.batchAdd': batchAdd,
  'passGroup.update': update,
  'passGroup.delete': remove,
  'passGroup.batchDeletePerson': batchDeletePerson,
  'passGroup.queryPersonListInGroup': queryPersonListInGroup,
  'passGroup.query': query,
  'passGroup.list': list,
};
