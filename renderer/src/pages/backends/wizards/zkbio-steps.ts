import { z } from 'zod';
import type { StepOutcome } from '../../../stores/wizard.ts';
import { read, refused, type CallFn } from './endpoint-call.ts';

/**
 * ZKBio's access-level set-up (document §2.1): add a level, put doors in it, sync it to the
 * devices. The API adds and edits levels by name but has no call that deletes a level or takes a
 * door out of one, so these steps cannot be undone here (the ZKBio web page can).
 */
export const ZKBIO_STEPS = ['level', 'doors', 'sync'] as const;

export interface ZkbioContext {
  readonly levelName: string | null;
  readonly levelId: string | null;
}

export const ZKBIO_START: ZkbioContext = { levelName: null, levelId: null };

/** ZKBio's built-in time zone, present on every install. */
export const DEFAULT_TIME_SEGMENT = '24-Hour Accessible';

const AreaSchema = z.looseObject({ code: z.string(), name: z.string().nullish() });
export type Area = z.infer<typeof AreaSchema>;

export async function listAreas(call: CallFn): Promise<Area[]> {
  return read(z.array(AreaSchema), await call('area.list', { pageNo: 1, pageSize: 100 }), 'area.list');
}

export interface LevelRequest {
  readonly name: string;
  readonly timeSegName: string;
  readonly areaName: string;
}

/** accLevel.addLevel is a JSON-array body ("Bulk Add/Edit"): one item; then its id by name. */
export async function addLevel(call: CallFn, level: LevelRequest): Promise<StepOutcome<ZkbioContext>> {
  await call('accLevel.addLevel', { items: [level] });
  const found = read(z.looseObject({ id: z.string().nullish() }), await call('accLevel.getByName.v2', { name: level.name }), 'accLevel.getByName.v2');
  if (!found.id) throw refused(`The level "${level.name}" was saved but cannot be found by its name.`);
  return {
    summary: { key: 'wizard.zkbio.levelAdded', values: { name: level.name } },
    context: { levelName: level.name, levelId: found.id },
  };
}

/** accLevel.addLevelDoor pairs the level with each door by name. */
export async function addDoorsToLevel(call: CallFn, levelName: string, doorNames: readonly string[]): Promise<StepOutcome<ZkbioContext>> {
  await call('accLevel.addLevelDoor', { items: doorNames.map((doorName) => ({ levelName, doorName })) });
  return { summary: { key: 'wizard.zkbio.doorsAdded', values: { count: doorNames.length, name: levelName } } };
}

export async function syncLevel(call: CallFn, levelId: string, levelName: string): Promise<StepOutcome<ZkbioContext>> {
  await call('accLevel.syncLevel', { levelId });
  return { summary: { key: 'wizard.zkbio.synced', values: { name: levelName } } };
}
