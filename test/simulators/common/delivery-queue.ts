import { Agent, request } from 'undici';

/** What one POST came to: `delivered` is a 2xx. */
export interface PostOutcome {
  readonly status: number | null;
  readonly error: string | null;
  readonly delivered: boolean;
  readonly durationMs: number;
}

/**
 * The outgoing side of a simulator that calls a client back (Hongtu's push, K30's callbacks): jobs
 * queued in order, at most `maxInFlight` delivered at once over one keep-alive agent, `idle()` for
 * tests to wait on, and `close()` that drops what is queued and aborts what is in flight. What a
 * delivery is (one POST, retries, the log) is the vendor's `deliver`.
 */
export class DeliveryQueue<Job> {
  readonly agent: Agent;
  private readonly queue: Job[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly aborter = new AbortController();
  private active = 0;
  private closedFlag = false;

  private readonly maxInFlight: number;
  private readonly deliver: (job: Job, signal: AbortSignal) => Promise<void>;

  constructor(maxInFlight: number, deliver: (job: Job, signal: AbortSignal) => Promise<void>, agentOptions: Agent.Options = {}) {
    this.maxInFlight = maxInFlight;
    this.deliver = deliver;
    this.agent = new Agent({ ...agentOptions, connections: maxInFlight });
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Aborted when the queue closes: a delivery's requests and waits listen to it. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  get queued(): number {
    return this.queue.length;
  }

  get inFlight(): number {
    return this.active;
  }

  push(...jobs: Job[]): void {
    if (this.closedFlag) return;
    this.queue.push(...jobs);
    this.pump();
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** One JSON POST over the queue's agent, ended by `timeoutMs` or by closing; never throws. */
  async postJson(url: string, body: string, userAgent: string, timeoutMs: number): Promise<PostOutcome> {
    const started = performance.now();
    try {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=UTF-8', 'user-agent': userAgent },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(timeoutMs)]),
      });
      await res.body.dump();
      const delivered = res.statusCode >= 200 && res.statusCode < 300;
      return { status: res.statusCode, error: delivered ? null : `HTTP ${res.statusCode}`, delivered, durationMs: performance.now() - started };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error), delivered: false, durationMs: performance.now() - started };
    }
  }

  async close(): Promise<void> {
    this.closedFlag = true;
    this.queue.length = 0;
    this.aborter.abort();
    await this.agent.close().catch(() => undefined);
    this.settle();
  }

  private pump(): void {
    while (this.active < this.maxInFlight && this.queue.length > 0) {
      const job = this.queue.shift();
      if (job === undefined) break;
      this.active += 1;
      this.deliver(job, this.aborter.signal)
        .catch(() => undefined)
        .finally(() => {
          this.active -= 1;
          this.pump();
          this.settle();
        });
    }
  }

  private settle(): void {
    if (this.active > 0 || this.queue.length > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
