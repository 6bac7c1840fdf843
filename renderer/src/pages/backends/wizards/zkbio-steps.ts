import type { ZkbioArea } from '../../../../../shared/contract/commissioning.ts';
import type { StepOutcome } from '../../../stores/wizard.ts';
import type { StepsApi } from './steps-api.ts';

/**
 * ZKBio's access-level set-up (document §2.1): add a level, put doors in it, sync it to the
 * devices. The core carries out each step (`commissioning.zkbio.*`,
 * electron/drivers/zkbio/commissioning.ts). The API adds and edits levels by name but has no call
 * that deletes a level or takes a door out of one, so these steps cannot be undone here (the ZKBio
 * web page can).
 */
export const ZKBIO_STEPS = ['level', 'doors', 'sync'] as const;

export interface ZkbioContext {
  readonly levelName: string | null;
  readonly levelId: string | null;
}

export const ZKBIO_START: ZkbioContext = { levelName: null, levelId: null };

/** ZKBio's built-in time zone, present on every install. */
export const DEFAULT_TIME_SEGMENT = '24-Hour Accessible';

export async function listAreas(steps: StepsApi): Promise<ZkbioArea[]> {
  return (await steps('commissioning.zkbio.areas', {})).areas;
}

interface LevelRequest {
  readonly name: string;
  readonly timeSegName: string;
  readonly areaName: string;
}

export async function addLevel(steps: StepsApi, level: LevelRequest): Promise<StepOutcome<ZkbioContext>> {
  const { levelId } = await steps('commissioning.zkbio.addLevel', { ...level });
  return {
    summary: { key: 'wizard.zkbio.levelAdded', values: { name: level.name } },
    context: { levelName: level.name, levelId },
  };
}

export async function addDoorsToLevel(steps: StepsApi, levelName: string, doorNames: readonly string[]): Promise<StepOutcome<ZkbioContext>> {
  await steps('commissioning.zkbio.addDoorsToLevel', { levelName, doorNames: [...doorNames] });
  return { summary: { key: 'wizard.zkbio.doorsAdded', values: { count: doorNames.length, name: levelName } } };
}

export async function syncLevel(steps: StepsApi, levelId: string, levelName: string): Promise<StepOutcome<ZkbioContext>> {
  await steps('commissioning.zkbio.syncLevel', { levelId });
  return { summary: { key: 'wizard.zkbio.synced', values: { name: levelName } } };
}
