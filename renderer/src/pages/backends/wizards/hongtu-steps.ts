import type { HongtuDiscovered, NamedItem } from '../../../../../shared/contract/commissioning.ts';
import type { StepOutcome } from '../../../stores/wizard.ts';
import type { StepsApi } from './steps-api.ts';

/**
 * The installer's flow on Hongtu 2000 (hongtu.md §4.1): a panel that reported itself is imported,
 * bound to an edge server, made a door (access-control point), and given a pass group with a
 * schedule (an authority). The core carries out each step (`commissioning.hongtu.*`,
 * electron/drivers/hongtu/commissioning.ts); here each becomes the wizard's outcome and undo.
 */
export const HONGTU_STEPS = ['import', 'bind', 'door', 'group', 'authority'] as const;

export interface HongtuContext {
  readonly panelUuid: string | null;
  readonly panelName: string | null;
  readonly serverUuid: string | null;
  readonly groupUuid: string | null;
}

export const HONGTU_START: HongtuContext = { panelUuid: null, panelName: null, serverUuid: null, groupUuid: null };

/** Panels that reported themselves and wait to be imported. */
export async function listDiscovered(steps: StepsApi): Promise<HongtuDiscovered[]> {
  return (await steps('commissioning.hongtu.discoveredPanels', {})).panels;
}

interface ImportRequest {
  readonly panel: HongtuDiscovered;
  readonly name: string;
  readonly location: string;
  readonly deviceModel: number;
}

export async function importPanel(steps: StepsApi, request: ImportRequest): Promise<StepOutcome<HongtuContext>> {
  const { panel, name, location, deviceModel } = request;
  const { panelUuid } = await steps('commissioning.hongtu.importPanel', {
    panel: { uuid: panel.uuid, snCode: panel.snCode, discoveryMethod: panel.discoveryMethod },
    name,
    location,
    deviceModel,
  });
  return {
    summary: { key: 'wizard.hongtu.imported', values: { name, sn: panel.snCode } },
    context: { panelUuid, panelName: name },
    // A deleted panel reports itself again and reappears among the discovered ones.
    undo: () => steps('commissioning.hongtu.deletePanel', { panelUuid }),
  };
}

/** Edge (smart compute) servers. */
export async function listEdgeServers(steps: StepsApi) {
  return (await steps('commissioning.hongtu.edgeServers', {})).servers;
}

/** The devices bound to a server now. */
export async function boundDevices(steps: StepsApi, serverUuid: string): Promise<NamedItem[]> {
  return (await steps('commissioning.hongtu.boundDevices', { serverUuid })).devices;
}

/** Binding keeps every device bound before (the core sends the full set); the summary counts them. */
export async function bindPanel(steps: StepsApi, serverUuid: string, panelUuid: string): Promise<StepOutcome<HongtuContext>> {
  const { boundBefore } = await steps('commissioning.hongtu.bindPanel', { serverUuid, panelUuid });
  return {
    summary: { key: 'wizard.hongtu.bound', values: { count: boundBefore } },
    context: { serverUuid },
    undo: () => steps('commissioning.hongtu.unbindPanel', { serverUuid, panelUuid }),
  };
}

export async function addDoor(steps: StepsApi, panelUuid: string): Promise<StepOutcome<HongtuContext>> {
  await steps('commissioning.hongtu.addDoor', { panelUuid });
  return {
    summary: { key: 'wizard.hongtu.doorAdded' },
    undo: () => steps('commissioning.hongtu.removeDoor', { panelUuid }),
  };
}

/** Employee groups. */
export async function listGroups(steps: StepsApi): Promise<NamedItem[]> {
  return (await steps('commissioning.hongtu.groups', {})).groups;
}

export async function createGroup(steps: StepsApi, name: string): Promise<StepOutcome<HongtuContext>> {
  const { groupUuid } = await steps('commissioning.hongtu.createGroup', { name });
  return {
    summary: { key: 'wizard.hongtu.groupCreated', values: { name } },
    context: { groupUuid },
    undo: () => steps('commissioning.hongtu.deleteGroup', { groupUuid }),
  };
}

/** An existing group: nothing is written, so there is nothing to undo. */
export function chooseGroup(group: NamedItem): StepOutcome<HongtuContext> {
  return { summary: { key: 'wizard.hongtu.groupChosen', values: { name: group.name ?? group.uuid } }, context: { groupUuid: group.uuid } };
}

/** Pass schedules, for the authority. */
export async function listSchedules(steps: StepsApi): Promise<NamedItem[]> {
  return (await steps('commissioning.hongtu.schedules', {})).schedules;
}

export async function grantAuthority(steps: StepsApi, panelUuid: string, groupUuid: string, schedule: NamedItem): Promise<StepOutcome<HongtuContext>> {
  await steps('commissioning.hongtu.grantAuthority', { panelUuid, groupUuid, scheduleUuid: schedule.uuid });
  return {
    summary: { key: 'wizard.hongtu.authorityAdded', values: { schedule: schedule.name ?? schedule.uuid } },
    // Deletes the (door, schedule) authority: new door, so it holds only what this step granted.
    undo: () => steps('commissioning.hongtu.revokeAuthority', { panelUuid, scheduleUuid: schedule.uuid }),
  };
}
