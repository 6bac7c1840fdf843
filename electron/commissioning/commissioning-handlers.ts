import type { BackendId, Vendor } from '../../shared/contract/backends.ts';
import type { CommissioningMethod } from '../../shared/contract/commissioning.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import type { Handlers } from '../api/dispatcher.ts';
import * as hongtu from '../drivers/hongtu/commissioning.ts';
import type { EndpointCall } from '../drivers/step-reply.ts';
import * as zkbio from '../drivers/zkbio/commissioning.ts';
import type { BackendsService } from '../backends/backends-service.ts';

type StepVendor = Extract<Vendor, 'hongtu' | 'zkbio'>;
const VENDOR_NAMES: Readonly<Record<StepVendor, string>> = { hongtu: 'Hongtu 2000', zkbio: 'ZKBio CVSecurity' };

/** A step that writes and replies nothing more than that it worked. */
async function done(work: Promise<void>): Promise<Record<string, never>> {
  await work;
  return {};
}

/**
 * The set-up steps' endpoint calls for one backend of the steps' vendor: through the backends
 * service's `call`, so a write re-reads and announces the inventory parts it changed
 * (drivers/<vendor>/inventory-effects.ts), exactly as `backends.call` does.
 */
function stepCall(backends: BackendsService, id: BackendId, vendor: StepVendor): EndpointCall {
  const backend = backends.get(id);
  if (backend.vendor !== vendor) {
    const name = VENDOR_NAMES[vendor];
    throw new ApiError('backend_unsupported', `Backend ${id} is ${backend.vendor}; these set-up steps are for ${name}.`, {
      advice: { en: `These set-up steps are for ${name}; choose a ${name} backend.`, 'zh-CN': `这些设置步骤适用于 ${name}；请选择 ${name} 后台。` },
    });
  }
  return async (endpoint, params) => (await backends.call(id, endpoint, params, false)).data;
}

/** The `commissioning.*` methods (shared/contract/commissioning.ts), for the dispatcher. */
export function commissioningHandlers(backends: BackendsService): Pick<Handlers, CommissioningMethod> {
  const ht = (id: BackendId) => stepCall(backends, id, 'hongtu');
  const zk = (id: BackendId) => stepCall(backends, id, 'zkbio');
  return {
    'commissioning.hongtu.discoveredPanels': async ({ id }) => ({ panels: await hongtu.listDiscovered(ht(id)) }),
    'commissioning.hongtu.importPanel': ({ id, ...request }) => hongtu.importPanel(ht(id), request),
    'commissioning.hongtu.deletePanel': ({ id, panelUuid }) => done(hongtu.deletePanel(ht(id), panelUuid)),
    'commissioning.hongtu.edgeServers': async ({ id }) => ({ servers: await hongtu.listEdgeServers(ht(id)) }),
    'commissioning.hongtu.boundDevices': async ({ id, serverUuid }) => ({ devices: await hongtu.boundDevices(ht(id), serverUuid) }),
    'commissioning.hongtu.bindPanel': ({ id, serverUuid, panelUuid }) => hongtu.bindPanel(ht(id), serverUuid, panelUuid),
    'commissioning.hongtu.unbindPanel': ({ id, serverUuid, panelUuid }) => done(hongtu.unbindPanel(ht(id), serverUuid, panelUuid)),
    'commissioning.hongtu.addDoor': ({ id, panelUuid }) => done(hongtu.addDoor(ht(id), panelUuid)),
    'commissioning.hongtu.removeDoor': ({ id, panelUuid }) => done(hongtu.removeDoor(ht(id), panelUuid)),
    'commissioning.hongtu.groups': async ({ id }) => ({ groups: await hongtu.listGroups(ht(id)) }),
    'commissioning.hongtu.createGroup': ({ id, name }) => hongtu.createGroup(ht(id), name),
    'commissioning.hongtu.deleteGroup': ({ id, groupUuid }) => done(hongtu.deleteGroup(ht(id), groupUuid)),
    'commissioning.hongtu.schedules': async ({ id }) => ({ schedules: await hongtu.listSchedules(ht(id)) }),
    'commissioning.hongtu.grantAuthority': ({ id, panelUuid, groupUuid, scheduleUuid }) => done(hongtu.grantAuthority(ht(id), panelUuid, groupUuid, scheduleUuid)),
    'commissioning.hongtu.revokeAuthority': ({ id, panelUuid, scheduleUuid }) => done(hongtu.revokeAuthority(ht(id), panelUuid, scheduleUuid)),
    'commissioning.zkbio.areas': async ({ id }) => ({ areas: await zkbio.listAreas(zk(id)) }),
    'commissioning.zkbio.addLevel': ({ id, ...level }) => zkbio.addLevel(zk(id), level),
    'commissioning.zkbio.addDoorsToLevel': ({ id, levelName, doorNames }) => done(zkbio.addDoorsToLevel(zk(id), levelName, doorNames)),
    'commissioning.zkbio.syncLevel': ({ id, levelId }) => done(zkbio.syncLevel(zk(id), levelId)),
  };
}
