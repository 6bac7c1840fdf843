import type { bridgeMethods } from '../../shared/contract/bridges.ts';
import type { AreaHandlers } from '../api/dispatcher.ts';
import type { BridgeRunners } from './bridge-runners.ts';
import type { BridgeService } from './bridge-service.ts';
import { testBridge } from './bridge-test.ts';

/** The `bridge.*` methods (shared/contract/bridges.ts). */
export function bridgeHandlers(bridges: BridgeService, runners: BridgeRunners): AreaHandlers<typeof bridgeMethods> {
  // A change reaches the running sessions: the bridge's runner restarts with what is stored now.
  const restarting = async <T>(result: T, bridgeOf: (result: T) => number): Promise<T> => {
    await runners.refresh(bridgeOf(result));
    return result;
  };
  return {
    'bridge.list': ({ siteId }) => ({ bridges: bridges.list(siteId) }),
    'bridge.get': ({ id }) => bridges.get(id),
    'bridge.add': (input) => restarting(bridges.add(input), (b) => b.id),
    'bridge.update': (input) => restarting(bridges.update(input), (b) => b.id),
    'bridge.remove': async ({ id }) => {
      await runners.stop(id);
      return bridges.remove(id);
    },
    'bridge.devices.list': ({ bridgeId }) => ({ devices: bridges.devices(bridgeId) }),
    'bridge.devices.add': (input) => restarting(bridges.addDevice(input), (d) => d.bridgeId),
    'bridge.devices.update': (input) => restarting(bridges.updateDevice(input), (d) => d.bridgeId),
    'bridge.devices.remove': ({ bridgeId, deviceId }) => restarting(bridges.removeDevice(bridgeId, deviceId), () => bridgeId),
    'bridge.queue': ({ bridgeId, limit }) => bridges.queue(bridgeId, limit),
    'bridge.queue.retry': ({ bridgeId, signinId }) => bridges.retryQueue(bridgeId, signinId),
    'bridge.status': ({ bridgeId }) => runners.status(bridgeId),
    'bridge.test': ({ bridgeId, sn }) => testBridge(bridges, bridgeId, sn),
    'bridge.tasks': ({ bridgeId, limit }) => ({ tasks: bridges.tasks(bridgeId, limit) }),
  };
}
