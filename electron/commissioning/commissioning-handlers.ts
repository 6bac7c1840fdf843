import type { BackendId } from '../../shared/contract/backends.ts';
import type { commissioningMethods } from '../../shared/contract/commissioning.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import * as hongtu from '../drivers/hongtu/commissioning.ts';
import * as k30 from '../drivers/k30/commissioning.ts';
import * as zkbio from '../drivers/zkbio/commissioning.ts';
import type { CommissioningService } from './commissioning-service.ts';

/** A step that writes and replies nothing more than that it worked. */
async function done(work: Promise<void>): Promise<Record<string, never>> {
  await work;
  return {};
}

/** The `commissioning.*` methods (shared/contract/commissioning.ts), for the dispatcher. */
export function commissioningHandlers(commissioning: CommissioningService): AreaHandlers<typeof commissioningMethods> {
  const ht = (id: BackendId) => commissioning.stepCall(id, 'hongtu');
  const zk = (id: BackendId) => commissioning.stepCall(id, 'zkbio');
  const kt = (id: BackendId) => commissioning.stepCall(id, 'k30');
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
    'commissioning.k30.devices': async ({ id }) => ({ devices: await k30.listDevices(kt(id)) }),
    'commissioning.k30.deviceStatus': async ({ id, deviceNo }) => ({ device: await k30.deviceStatus(kt(id), deviceNo) }),
    'commissioning.k30.updateDevice': ({ id, ...edit }) => k30.updateDevice(kt(id), edit),
    'commissioning.k30.regions': async ({ id }) => ({ regions: await k30.listRegions(kt(id)) }),
    'commissioning.k30.createRegion': ({ id, name }) => k30.createRegion(kt(id), name),
    'commissioning.k30.deleteRegion': ({ id, regionNo }) => done(k30.deleteRegion(kt(id), regionNo)),
    'commissioning.k30.assignRegion': ({ id, regionName, deviceNos }) => k30.assignRegion(kt(id), regionName, deviceNos),
    'commissioning.k30.setHold': ({ id, deviceNo, mode }) => done(k30.setHold(kt(id), deviceNo, mode)),
  };
}
