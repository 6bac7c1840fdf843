import type { BridgeHolder, BridgeId, BridgeState } from '../../shared/contract/bridges.ts';
import { BridgeLeases, runningElsewhere, type LeaseTuning } from './bridge-lease.ts';
import { BridgeRunner, type BridgeRunnerDeps } from './bridge-runner.ts';

/**
 * The running bridges of the core (issue 16 item 2): `startEnabled` at core start, `status` for
 * `bridge.status`, `close` at core close. A bridge that cannot start (its settings no longer build
 * a codec) is logged and left stopped.
 *
 * One runner per bridge, across processes: a bridge runs only under its lease (`bridge_leases`).
 * In the background (the app) a bridge another process holds — `bridge run` in a terminal — is
 * skipped, shown `elsewhere` with its holder, and taken over once released or given up; `start`
 * (the terminal) refuses it with `bridge_running_elsewhere`. Every `checkMs` the leases of the
 * running bridges are renewed; a bridge whose lease was taken over meanwhile is stopped here.
 */
export class BridgeRunners {
  private readonly deps: BridgeRunnerDeps;
  private readonly leases: BridgeLeases;
  private readonly runners = new Map<BridgeId, BridgeRunner>();
  /** Bridges of the background held by another process, with the holder last seen. */
  private readonly elsewhere = new Map<BridgeId, BridgeHolder>();
  /** Bridges of the background that could not start: not tried again until they change. */
  private readonly broken = new Set<BridgeId>();
  /** Bridges being restarted by `refresh`: the check leaves them alone. */
  private readonly refreshing = new Set<BridgeId>();
  /** startEnabled ran: a change of a bridge restarts its runner (the CLI never sets this). */
  private background = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking = false;
  /** `start`'s onChange per bridge, told when the bridge is taken over. */
  private readonly notes = new Map<BridgeId, NonNullable<BridgeRunnerDeps['onChange']>>();

  constructor(deps: BridgeRunnerDeps, lease: LeaseTuning = {}) {
    this.deps = deps;
    this.leases = new BridgeLeases(deps.bridges.tables.leases, lease);
  }

  startEnabled(): void {
    this.background = true;
    for (const bridge of this.deps.bridges.enabled()) this.startInBackground(bridge.id);
    this.watch();
  }

  /** Starts one bridge (the CLI's `bridge run`), `onChange` told each state change; throws as {@link BridgeRunner.start}, or `bridge_running_elsewhere`. */
  start(bridgeId: BridgeId, onChange?: BridgeRunnerDeps['onChange']): BridgeRunner {
    const existing = this.runners.get(bridgeId);
    if (existing) return existing;
    const holder = this.leases.acquire(bridgeId, this.background ? 'app' : 'terminal');
    if (holder) throw runningElsewhere(bridgeId, holder);
    const runner = new BridgeRunner({ ...this.deps, onChange }, bridgeId);
    try {
      runner.start();
    } catch (error) {
      this.leases.release(bridgeId);
      throw error;
    }
    this.runners.set(bridgeId, runner);
    if (onChange) this.notes.set(bridgeId, onChange);
    this.watch();
    return runner;
  }

  /** In the background: starts the bridge unless another process holds it (then shown `elsewhere`). */
  private startInBackground(bridgeId: BridgeId): void {
    if (!this.background || this.runners.has(bridgeId) || this.broken.has(bridgeId)) return;
    try {
      this.start(bridgeId);
      if (this.elsewhere.delete(bridgeId)) this.deps.log.info({ bridge: bridgeId }, 'Zhejiang bridge taken over from another process');
    } catch (error) {
      const holder = this.leases.elsewhere(bridgeId);
      if (holder) {
        const fresh = !this.elsewhere.has(bridgeId);
        this.elsewhere.set(bridgeId, holder);
        if (fresh) {
          this.deps.log.info({ bridge: bridgeId, holder: holder.holder, pid: holder.pid, host: holder.host }, 'Zhejiang bridge runs in another process: not started here');
          this.deps.bus.emit('bridge.state', this.status(bridgeId));
        }
        return;
      }
      this.broken.add(bridgeId);
      this.deps.log.error({ bridge: bridgeId, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang bridge could not start');
    }
  }

  /** The periodic check: renew what runs here, and (in the background) take over what was released. */
  private watch(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.leases.checkMs);
    this.timer.unref();
  }

  private async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      await this.checkNow();
    } finally {
      this.checking = false;
    }
  }

  private async checkNow(): Promise<void> {
    for (const bridgeId of [...this.runners.keys()]) {
      if (this.refreshing.has(bridgeId) || this.leases.renew(bridgeId)) continue;
      this.deps.log.warn({ bridge: bridgeId }, 'Zhejiang bridge was taken over by another process: stopped here');
      const runner = this.runners.get(bridgeId);
      this.runners.delete(bridgeId);
      await runner?.stop();
      this.notes.get(bridgeId)?.(this.status(bridgeId), 'taken over by another process (this one did not renew its lease in time): stopped here');
    }
    if (!this.background) return;
    for (const bridge of this.deps.bridges.enabled()) {
      if (!this.refreshing.has(bridge.id)) this.startInBackground(bridge.id);
    }
  }

  /**
   * A bridge or its devices changed (added, edited, removed): in the background, its runner is
   * stopped and, if the bridge is still there and enabled, started again with what is stored now.
   */
  async refresh(bridgeId: BridgeId): Promise<void> {
    if (!this.background) return;
    this.refreshing.add(bridgeId);
    try {
      await this.stop(bridgeId);
      this.broken.delete(bridgeId);
      this.elsewhere.delete(bridgeId);
      if (!this.deps.bridges.list().some((bridge) => bridge.id === bridgeId && bridge.enabled)) return;
      this.startInBackground(bridgeId);
    } finally {
      this.refreshing.delete(bridgeId);
    }
  }

  /** Stops one running bridge and gives its lease up. */
  async stop(bridgeId: BridgeId): Promise<void> {
    const runner = this.runners.get(bridgeId);
    this.runners.delete(bridgeId);
    await runner?.stop();
    if (runner) this.leases.release(bridgeId);
  }

  /** The live state; a bridge not running here shows its devices `stopped`, or `elsewhere` with the process that runs it. */
  status(bridgeId: BridgeId): BridgeState {
    const runner = this.runners.get(bridgeId);
    if (runner) return runner.state();
    const holder = this.leases.elsewhere(bridgeId);
    const depths = new Map(this.deps.bridges.tables.signins.bridgeDepths(bridgeId).map((d) => [d.deviceId, d.depth]));
    return {
      bridgeId,
      running: false,
      devices: this.deps.bridges.devices(bridgeId).map((device) => ({
        deviceId: device.id,
        sn: device.sn,
        status: holder ? 'elsewhere' : 'stopped',
        lastHeartbeatAt: null,
        tokenAgeMs: null,
        queueDepth: depths.get(device.id) ?? 0,
        openTasks: this.deps.bridges.tables.tasks.open(device.id).length,
        lastError: null,
        backendsWithoutLevel: this.deps.bridges.backendsWithoutLevel(device.id),
      })),
      ...(holder ? { elsewhere: holder } : {}),
    };
  }

  async close(): Promise<void> {
    this.background = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const running = [...this.runners.entries()];
    this.runners.clear();
    await Promise.all(running.map(([, runner]) => runner.stop()));
    for (const [bridgeId] of running) this.leases.release(bridgeId);
  }
}
