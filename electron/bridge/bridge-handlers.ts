import type { bridgeMethods } from '../../shared/contract/bridges.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { BridgeRunners } from './bridge-runners.ts';
import type { BridgeService } from './bridge-service.ts';
import { testBridge } from './bridge-test.ts';

/** The `bridge.*` methods (shared/contract/bridges.ts). */
export function bridgeHandlers(bridges: BridgeService, runners: BridgeRunners): AreaHandlers<typeof bridgeMethods> {
  return {
    'bridge.list': ({ siteId }) => ({ bridges: bridges.list(siteId) }),
    'bridge.get': ({ id }) => bridges.get(id),
    'bridge.add': (input) => bridges.add(input),
    'bridge.update': (input) => bridges.update(input),
    'bridge.remove': ({ id }) => bridges.remove(id),
    'bridge.devices.list': ({ bridgeId }) => ({ devices: bridges.devices(bridgeId) }),
    'bridge.devices.add': (input) => bridges.addDevice(input),
    'bridge.devices.remove': ({ bridgeId, deviceId }) => bridges.removeDevice(bridgeId, deviceId),
    'bridge.queue': ({ bridgeId, limit }) => bridges.queue(bridgeId, limit),
    'bridge.queue.retry': ({ bridgeId, signinId }) => bridges.retryQueue(bridgeId, signinId),
    'bridge.status': ({ bridgeId }) => runners.status(bridgeId),
    'bridge.test': ({ bridgeId, sn }) => testBridge(bridges, bridgeId, sn),
    'bridge.tasks': ({ bridgeId, limit }) => ({ tasks: bridges.tasks(bridgeId, limit) }),
  };
}
