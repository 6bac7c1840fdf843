import type { BridgeId, BridgeState } from '../../shared/contract/bridges.ts';
import { BridgeRunner, type BridgeRunnerDeps } from './bridge-runner.ts';

/**
 * The running bridges of the core (issue 16 item 2): `startEnabled` at core start, `status` for
 * `bridge.status`, `close` at core close. A bridge that cannot start (its settings no longer build
 * a codec) is logged and left stopped.
 */
export class BridgeRunners {
  private readonly deps: BridgeRunnerDeps;
  private readonly runners = new Map<BridgeId, BridgeRunner>();
  /** startEnabled ran: a change of a bridge restarts its runner (the CLI never sets this). */
  private background = false;

  constructor(deps: BridgeRunnerDeps) {
    this.deps = deps;
  }

  startEnabled(): void {
    this.background = true;
    for (const bridge of this.deps.bridges.enabled()) {
      if (this.runners.has(bridge.id)) continue;
      const runner = new BridgeRunner(this.deps, bridge.id);
      try {
        runner.start();
        this.runners.set(bridge.id, runner);
      } catch (error) {
        this.deps.log.error({ bridge: bridge.id, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang bridge could not start');
      }
    }
  }

  /** Starts one bridge (the CLI's `bridge run`), `onChange` told each state change; throws as {@link BridgeRunner.start}. */
  start(bridgeId: BridgeId, onChange?: BridgeRunnerDeps['onChange']): BridgeRunner {
    const existing = this.runners.get(bridgeId);
    if (existing) return existing;
    const runner = new BridgeRunner({ ...this.deps, onChange }, bridgeId);
    runner.start();
    this.runners.set(bridgeId, runner);
    return runner;
  }

  /**
   * A bridge or its devices changed (added, edited, removed): in the background, its runner is
   * stopped and, if the bridge is still there and enabled, started again with what is stored now.
   */
  async refresh(bridgeId: BridgeId): Promise<void> {
    if (!this.background) return;
    await this.stop(bridgeId);
    if (!this.deps.bridges.list().some((bridge) => bridge.id === bridgeId && bridge.enabled)) return;
    try {
      this.start(bridgeId);
    } catch (error) {
      this.deps.log.error({ bridge: bridgeId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang bridge could not start');
    }
  }

  /** Stops one running bridge. */
  async stop(bridgeId: BridgeId): Promise<void> {
    const runner = this.runners.get(bridgeId);
    this.runners.delete(bridgeId);
    await runner?.stop();
  }

  /** The live state; a bridge not running shows its devices `stopped`. */
  status(bridgeId: BridgeId): BridgeState {
    const runner = this.runners.get(bridgeId);
    if (runner) return runner.state();
    const depths = new Map(this.deps.bridges.tables.signins.bridgeDepths(bridgeId).map((d) => [d.deviceId, d.depth]));
    return {
      bridgeId,
      running: false,
      devices: this.deps.bridges.devices(bridgeId).map((device) => ({
        deviceId: device.id,
        sn: device.sn,
        status: 'stopped',
        lastHeartbeatAt: null,
        tokenAgeMs: null,
        queueDepth: depths.get(device.id) ?? 0,
        openTasks: this.deps.bridges.tables.tasks.open(device.id).length,
        lastError: null,
        backendsWithoutLevel: this.deps.bridges.backendsWithoutLevel(device.id),
      })),
    };
  }

  async close(): Promise<void> {
    this.background = false;
    const runners = [...this.runners.values()];
    this.runners.clear();
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}
