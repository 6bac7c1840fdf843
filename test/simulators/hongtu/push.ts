import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryQueue } from '../common/delivery-queue.ts';
import type { Faults } from './faults.ts';
import { delayMs } from './faults.ts';
import type { Subscription } from './state.ts';
import { isLoopbackUrl } from '../common/loopback-url.ts';

export { isLoopbackUrl };

/**
 * Delivery of busiType 5 pushes to subscribers (hongtu.md §7). The document says nothing of the
 * method, headers, expected answer, timeouts or retries (§7.3); the simulator's choices:
 * - `POST <pushUrl>` with `Content-Type: application/json;charset=UTF-8`, the body `{busiType, data}`,
 *   one record per request, no signature or authentication headers (none is documented);
 * - any 2xx answer is delivered, whatever the body; anything else — another status, a connection
 *   error, no answer within `timeoutMs` (default 5 s) — is retried: `attempts` in all (default 4),
 *   waiting `backoffMs[i]` before retry i+1 (default 500, 1000, 2000 ms), then given up;
 * - records go out as they happen, up to `maxInFlight` (default 64) at once, so order is not
 *   guaranteed under load; a receiver de-duplicates on `data.id` (see the push-duplicate fault);
 * - only loopback URLs (`http(s)://127.x.x.x…`) are dialled; https does not verify the certificate.
 * Every attempt is logged (`log`), newest last, at most `maxLog` entries (default 100 000).
 */
export interface PushPolicy {
  readonly attempts: number;
  readonly backoffMs: readonly number[];
  readonly timeoutMs: number;
  readonly maxInFlight: number;
  readonly maxLog: number;
}

export const DEFAULT_PUSH_POLICY: PushPolicy = { attempts: 4, backoffMs: [500, 1000, 2000], timeoutMs: 5000, maxInFlight: 64, maxLog: 100_000 };

export interface PushAttempt {
  readonly seq: number;
  readonly recordId: string;
  readonly appKey: string;
  readonly url: string;
  /** 1-based attempt of this copy. */
  readonly attempt: number;
  /** 1, or 2 for the second copy of a duplicated push. */
  readonly copy: number;
  /** Epoch ms (real time) when the attempt started. */
  readonly at: number;
  readonly durationMs: number;
  readonly status: number | null;
  readonly error: string | null;
  readonly delivered: boolean;
  /** Set when a fault decided the outcome instead of the receiver. */
  readonly injected?: 'fail' | 'drop';
}

interface Job {
  readonly recordId: string;
  readonly subscription: Subscription;
  readonly body: string;
  readonly copy: number;
  readonly delay: number;
}

export class PushDispatcher {
  readonly policy: PushPolicy;
  readonly log: PushAttempt[] = [];
  private readonly faults: Faults;
  private readonly deliveries: DeliveryQueue<Job>;
  private seq = 0;

  constructor(faults: Faults, policy: Partial<PushPolicy> = {}) {
    this.faults = faults;
    this.policy = { ...DEFAULT_PUSH_POLICY, ...policy };
    this.deliveries = new DeliveryQueue<Job>(this.policy.maxInFlight, (job, signal) => this.deliver(job, signal), { connect: { rejectUnauthorized: false } });
  }

  /** Queues one record for every subscription that takes busiType 5. */
  dispatch(recordId: string, body: Record<string, unknown>, subscriptions: Iterable<Subscription>): void {
    if (this.deliveries.closed) return;
    const text = JSON.stringify(body);
    for (const subscription of subscriptions) {
      if (!subscription.busiTypes.includes(5)) continue;
      if (this.faults.take('push-drop')) {
        this.record({ recordId, appKey: subscription.appKey, url: subscription.pushUrl, attempt: 0, copy: 1, at: Date.now(), durationMs: 0, status: null, error: 'dropped (push-drop fault)', delivered: false, injected: 'drop' });
        continue;
      }
      const delayRule = this.faults.take('push-delay');
      const delay = delayRule ? delayMs(delayRule) : 0;
      const copies = this.faults.take('push-duplicate') ? 2 : 1;
      for (let copy = 1; copy <= copies; copy += 1) this.deliveries.push({ recordId, subscription, body: text, copy, delay });
    }
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  /** Record ids delivered (a 2xx) at least once. */
  deliveredIds(): Set<string> {
    return new Set(this.log.filter((entry) => entry.delivered).map((entry) => entry.recordId));
  }

  /** Attempts for one record, oldest first. */
  attemptsFor(recordId: string): PushAttempt[] {
    return this.log.filter((entry) => entry.recordId === recordId);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  stats(): { attempts: number; delivered: number; failedAttempts: number; queued: number; inFlight: number } {
    const delivered = this.log.filter((entry) => entry.delivered).length;
    return { attempts: this.log.length, delivered, failedAttempts: this.log.length - delivered, queued: this.deliveries.queued, inFlight: this.deliveries.inFlight };
  }

  async close(): Promise<void> {
    await this.deliveries.close();
  }

  private async deliver(job: Job, signal: AbortSignal): Promise<void> {
    if (job.delay > 0) await sleep(job.delay, undefined, { signal });
    for (let attempt = 1; attempt <= this.policy.attempts && !this.deliveries.closed; attempt += 1) {
      if (attempt > 1) await sleep(this.policy.backoffMs[attempt - 2] ?? this.policy.backoffMs.at(-1) ?? 0, undefined, { signal });
      if (await this.attempt(job, attempt)) return;
    }
  }

  private async attempt(job: Job, attempt: number): Promise<boolean> {
    const base = { recordId: job.recordId, appKey: job.subscription.appKey, url: job.subscription.pushUrl, attempt, copy: job.copy, at: Date.now() };
    if (this.faults.take('push-fail')) {
      this.record({ ...base, durationMs: 0, status: null, error: 'failed before sending (push-fail fault)', delivered: false, injected: 'fail' });
      return false;
    }
    if (!isLoopbackUrl(job.subscription.pushUrl)) {
      this.record({ ...base, durationMs: 0, status: null, error: 'refused: not a loopback URL', delivered: false });
      return false;
    }
    const outcome = await this.deliveries.postJson(job.subscription.pushUrl, job.body, 'hongtu-simulator', this.policy.timeoutMs);
    this.record({ ...base, ...outcome });
    return outcome.delivered;
  }

  private record(entry: Omit<PushAttempt, 'seq'>): void {
    this.seq += 1;
    this.log.push({ ...entry, seq: this.seq });
    if (this.log.length > this.policy.maxLog) this.log.splice(0, this.log.length - this.policy.maxLog);
  }
}
