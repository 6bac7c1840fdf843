import type { Logger } from '../log/logger.ts';
import type { EventsRetention } from '../store/events-retention.ts';
import type { PipelineClock } from './clock.ts';

const DAY_MS = 24 * 3600_000;

export interface SweepOptions {
  /** Events deleted per batch (one short transaction each). */
  readonly batch: number;
  /** The pause between batches, so other work (storing events, the page) goes first. */
  readonly pauseMs: number;
  /** How often the sweep runs. */
  readonly everyMs: number;
}

export const DEFAULT_SWEEP: SweepOptions = { batch: 500, pauseMs: 20, everyMs: 3600_000 };

interface SweeperDeps {
  readonly retention: EventsRetention;
  readonly days: () => number;
  readonly clock: PipelineClock;
  readonly log: Logger;
  readonly options: SweepOptions;
}

/**
 * Deletes events older than the retention period in the background: small batches with a pause
 * between, at start and then every hour.
 */
export class RetentionSweeper {
  private readonly controller = new AbortController();
  private loop: Promise<void> | null = null;

  private readonly deps: SweeperDeps;

  constructor(deps: SweeperDeps) {
    this.deps = deps;
  }

  start(): void {
    this.loop ??= (async () => {
      const signal = this.controller.signal;
      while (!signal.aborted) {
        try {
          await this.sweep(signal);
        } catch (error) {
          this.deps.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'event retention sweep failed');
        }
        await this.deps.clock.sleep(this.deps.options.everyMs, signal);
      }
    })();
  }

  /** One sweep: every event older than the period, batch by batch; how many were deleted. */
  async sweep(signal: AbortSignal = this.controller.signal): Promise<number> {
    const { retention, days, clock, options } = this.deps;
    const before = new Date(clock.now() - days() * DAY_MS);
    let total = 0;
    while (!signal.aborted) {
      const deleted = retention.pruneBatch(before, options.batch);
      total += deleted;
      if (deleted < options.batch) break;
      await clock.sleep(options.pauseMs, signal);
    }
    if (total > 0) this.deps.log.info({ deleted: total, before: before.toISOString() }, 'old events deleted');
    return total;
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
  }
}
