import type { EventBus } from '../api/event-bus.ts';
import type { BridgeTaskWrites } from '../store/bridge-task-writes.ts';
import type { BridgeRunnerDeps } from './bridge-runner.ts';
import { deviceTotals, executeTask, type TaskExecutorDeps } from './task-executor.ts';
import { settleTask } from './task-settle.ts';

/**
 * The runner's task hooks from the executor's deps (issue 16 item 3): `onTask` carries a task out
 * (executeTask), `settle` waits for its backend writes (settleTask on the bus), `totals` gives the
 * device's person and face counts for the status report. The core builds them (create-core.ts),
 * since the people service, face files and picture fetch live outside electron/bridge.
 */
export function taskHooks(deps: TaskExecutorDeps & { readonly bus: EventBus; readonly writes: BridgeTaskWrites }): Pick<BridgeRunnerDeps, 'onTask' | 'settle' | 'totals'> {
  return {
    onTask: (device, task, client) => executeTask(deps, { bridgeId: device.bridgeId, device, task, client }),
    settle: (device, task, signal) => settleTask({ bus: deps.bus, writes: deps.writes }, device, task, signal),
    totals: (deviceId) => deviceTotals(deps, deviceId, (backends) => deps.writes.refused(deviceId, backends)),
  };
}
