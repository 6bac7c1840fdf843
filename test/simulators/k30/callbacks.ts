import { encryptData, sign } from '../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';
import { DeliveryQueue } from '../common/delivery-queue.ts';
import { isLoopbackUrl } from '../common/loopback-url.ts';
import type { Faults } from './faults.ts';
import type { RecordForm } from './callback-payloads.ts';

/**
 * K30 → the third party (seed 000 §7; k30.md §7): the simulator posts each callback to the URL
 * configured "in the K30 software" — here the `callbackUrl` option, `--callback-url`, or
 * `POST /__sim/callbacks` — and to nothing else (loopback URLs only; none configured: nothing is
 * sent).
 *
 * The envelope as the document prints it: `{companyno, method, timestamp, data, sign}`, `data` the
 * AES ciphertext of the payload's JSON (key = the company number, as for the API), `sign` the MD5
 * of `companyno`, `data` (the plaintext), `method` and `timestamp` with `&key=<companyno>` — the
 * stated rule ("同社区接口签名一致"); the document's callback signs are placeholders (k30.md §2.3),
 * so this is the simulator's reading.
 *
 * What the document does not say (k30.md §7.1, E35), and the simulator's choices: `POST` with
 * `Content-Type: application/json;charset=UTF-8`; one request per callback, as the event happens,
 * up to `maxInFlight` at once; any 2xx is delivered, whatever the body; **no retries** — the
 * document describes none — so a callback that fails (another status, a connection error, no
 * answer within `timeoutMs`) is logged and lost; a client must poll record.list to fill the gap.
 * Every attempt is logged, newest last, at most `maxLog`.
 */
export interface CallbackPolicy {
  readonly timeoutMs: number;
  readonly maxInFlight: number;
  readonly maxLog: number;
  /** The size the `callback-oversized` fault pads a callback's `data` to (plaintext bytes). */
  readonly oversizeBytes: number;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = { timeoutMs: 5000, maxInFlight: 64, maxLog: 100_000, oversizeBytes: 2 * 1024 * 1024 };

export type CallbackMethod = 'authstatus' | 'UploadRecord';

export interface CallbackEnvelope {
  readonly companyno: string;
  readonly method: CallbackMethod;
  readonly timestamp: string;
  readonly data: string;
  readonly sign: string;
}

export interface CallbackConfig {
  /** The third-party URL; null = none configured. */
  readonly url: string | null;
  readonly recordForm: RecordForm;
}

export interface CallbackAttempt {
  readonly seq: number;
  readonly method: CallbackMethod;
  /** The record number (UploadRecord) or `<person no>@<device no>` (authstatus). */
  readonly key: string;
  readonly url: string;
  /** 1, or 2 for the second copy of a duplicated callback. */
  readonly copy: number;
  /** Epoch ms (real time) when the attempt started. */
  readonly at: number;
  readonly durationMs: number;
  readonly bytes: number;
  readonly status: number | null;
  readonly error: string | null;
  readonly delivered: boolean;
  /** The callback faults that shaped this body. */
  readonly faults: readonly string[];
}

/** The sealed callback: `data` encrypted, signed over the plaintext (see above). */
export function sealCallback(method: CallbackMethod, json: string, companyNo: string, timestamp: string): CallbackEnvelope {
  return { companyno: companyNo, method, timestamp, data: encryptData(json, companyNo), sign: sign({ companyno: companyNo, data: json, method, timestamp }, companyNo) };
}

interface Job {
  readonly method: CallbackMethod;
  readonly key: string;
  readonly url: string;
  readonly body: string;
  readonly copy: number;
  readonly faults: readonly string[];
}

/** A callback URL the simulator may post to, or an Error saying why not. */
export function checkCallbackUrl(url: string): string {
  if (!isLoopbackUrl(url)) throw new Error(`callback URL: the simulator posts to loopback addresses (http://127.x.x.x…) only, not ${url}`);
  return url;
}

export class CallbackSender {
  readonly policy: CallbackPolicy;
  readonly log: CallbackAttempt[] = [];
  private config: CallbackConfig;
  private readonly companyNo: string;
  private readonly faults: Faults;
  private readonly clock: () => Date;
  private readonly deliveries: DeliveryQueue<Job>;
  private seq = 0;

  constructor(companyNo: string, faults: Faults, clock: () => Date, config: Partial<CallbackConfig> = {}, policy: Partial<CallbackPolicy> = {}) {
    this.companyNo = companyNo;
    this.faults = faults;
    this.clock = clock;
    this.policy = { ...DEFAULT_CALLBACK_POLICY, ...policy };
    this.config = { url: null, recordForm: 'strings' };
    this.configure(config);
    this.deliveries = new DeliveryQueue<Job>(this.policy.maxInFlight, (job) => this.deliver(job));
  }

  /** Sets the URL (null: none) and/or the UploadRecord form; throws for a URL off loopback. */
  configure(change: Partial<CallbackConfig>): CallbackConfig {
    const url = change.url === undefined ? this.config.url : change.url === null ? null : checkCallbackUrl(change.url);
    this.config = { url, recordForm: change.recordForm ?? this.config.recordForm };
    return this.config;
  }

  get current(): CallbackConfig {
    return this.config;
  }

  /** Seals `payload` and queues it for the configured URL (nothing when none is). */
  send(method: CallbackMethod, key: string, payload: Record<string, unknown>): void {
    const url = this.config.url;
    if (this.deliveries.closed || url === null) return;
    const applied: string[] = [];
    let body: Record<string, unknown> = payload;
    if (this.faults.take('callback-oversized')) {
      applied.push('callback-oversized');
      body = { ...payload, photo: `data:image/jpeg;base64,${'A'.repeat(this.policy.oversizeBytes)}` };
    }
    const envelope = { ...sealCallback(method, JSON.stringify(body), this.companyNo, formatTimestamp(this.clock())) };
    if (this.faults.take('callback-forged-sign')) {
      applied.push('callback-forged-sign');
      envelope.sign = sign({ companyno: envelope.companyno, data: JSON.stringify(body), method, timestamp: envelope.timestamp }, 'forged-by-someone');
    }
    const copies = this.faults.take('callback-duplicate') ? 2 : 1;
    if (copies === 2) applied.push('callback-duplicate');
    const text = JSON.stringify(envelope);
    for (let copy = 1; copy <= copies; copy += 1) this.deliveries.push({ method, key, url, body: text, copy, faults: applied });
  }

  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void> {
    return this.deliveries.idle();
  }

  clearLog(): void {
    this.log.length = 0;
  }

  stats(): { attempts: number; delivered: number; failed: number; queued: number; inFlight: number } {
    const delivered = this.log.filter((entry) => entry.delivered).length;
    return { attempts: this.log.length, delivered, failed: this.log.length - delivered, queued: this.deliveries.queued, inFlight: this.deliveries.inFlight };
  }

  async close(): Promise<void> {
    await this.deliveries.close();
  }

  private async deliver(job: Job): Promise<void> {
    const base = { method: job.method, key: job.key, url: job.url, copy: job.copy, at: Date.now(), bytes: Buffer.byteLength(job.body), faults: job.faults };
    const outcome = await this.deliveries.postJson(job.url, job.body, 'k30-simulator', this.policy.timeoutMs);
    this.record({ ...base, ...outcome });
  }

  private record(entry: Omit<CallbackAttempt, 'seq'>): void {
    this.seq += 1;
    this.log.push({ ...entry, seq: this.seq });
    if (this.log.length > this.policy.maxLog) this.log.splice(0, this.log.length - this.policy.maxLog);
  }
}
