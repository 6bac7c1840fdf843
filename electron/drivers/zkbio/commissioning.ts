import { z } from 'zod';
import type { ZkbioArea } from '../../../shared/contract/commissioning.ts';
import { readReply, refused, type EndpointCall } from '../step-reply.ts';

/**
 * ZKBio's access-level set-up (document §2.1), the wizard's core: add a level, put doors in it,
 * sync it to the devices. The API adds and edits levels by name but has no call that deletes a
 * level or takes a door out of one, so these steps have no undo (the ZKBio web page can).
 */
const AreaSchema = z.looseObject({ code: z.string(), name: z.string().nullish() });

export async function listAreas(call: EndpointCall): Promise<ZkbioArea[]> {
  return readReply(z.array(AreaSchema), await call('area.list', { pageNo: 1, pageSize: 100 }), 'area.list').map((a) => ({ code: a.code, name: a.name ?? null }));
}

export interface LevelRequest {
  readonly name: string;
  readonly timeSegName: string;
  readonly areaName: string;
}

/** accLevel.addLevel is a JSON-array body ("Bulk Add/Edit"): one item; then its id by name. */
export async function addLevel(call: EndpointCall, level: LevelRequest): Promise<{ levelId: string }> {
  await call('accLevel.addLevel', { items: [{ name: level.name, timeSegName: level.timeSegName, areaName: level.areaName }] });
  const found = readReply(z.looseObject({ id: z.string().nullish() }), await call('accLevel.getByName.v2', { name: level.name }), 'accLevel.getByName.v2');
  if (!found.id) throw refused(`The level "${level.name}" was saved but cannot be found by its name.`);
  return { levelId: found.id };
}

/** accLevel.addLevelDoor pairs the level with each door by name. */
export async function addDoorsToLevel(call: EndpointCall, levelName: string, doorNames: readonly string[]): Promise<void> {
  await call('accLevel.addLevelDoor', { items: doorNames.map((doorName) => ({ levelName, doorName })) });
}

export async function syncLevel(call: EndpointCall, levelId: string): Promise<void> {
  await call('accLevel.syncLevel', { levelId });
}
