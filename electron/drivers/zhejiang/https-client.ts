import type { Dispatcher } from 'undici';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { backoffMs } from '../backoff.ts';
import { DriverError } from '../driver-error.ts';
import { HttpTransport } from '../http/http-transport.ts';
import type { HttpsApicode } from './endpoints.ts';
import { httpStatusError, httpsText, noTokenError, recoveryOfError, transportError } from './https-errors.ts';
import { readFirmware, readPersonIds, readPersonsPage, readTasks, type FirmwareDescriptor, type PersonsPage, type PlatformTask } from './https-results.ts';
import { DEFAULT_CODEC_OPTIONS, DEFAULT_RESPONSE_SIGN_CHECK, type ResponseSignCheck, type ZhejiangCodecOptions } from './options.ts';
import { httpsRequestBody, taskStatusParam, type TaskResult } from './params.ts';
import { readHttpsReply, type HttpsReply } from './reply.ts';
import type { SessionLogger } from './tcp-connection.ts';

/**
 * The §3 task calls of one Zhejiang device over HTTPS (zhejiang.md §4.4–4.12, D3, D5, D12–D18,
 * D21): POST of the document's envelope to the platform's one URL, `Content-Type:
 * application/json;charset=UTF-8`, the token the device session holds (`token()`), the sign by each
 * apicode's formula (sign.ts), `param` as an object or a string (D3).
 *
 * Success is the body's `success` (D12); a non-2xx status is a transport failure, retried with
 * backoff, as is 500_01. The reply's sign is checked per D18 (off | warn | strict, never enforced on
 * a failure reply; warn logs which variant matched or that none did); a body that is not strict
 * JSON is read leniently and logged (D19). Failures are DriverErrors in en + zh-CN whose
 * `details.recovery` says what to do (D12); `needsReauthentication(error)` (https-errors.ts) is true
 * for 401_01 / 400_04 / no token — the bridge asks the session for a new token. Given
 * `reauthenticate`, the client does that once by itself and retries with the new `token()`.
 *
 * Limits: replies ≤ 4 MiB, 15 s per call (both settable); the secret and the token are never logged,
 * and never let through in what the platform answers (the transport's redaction). `http://` URLs work.
 */
export interface ZhejiangHttpsConfig {
  /** The platform's one API URL (https://…, or http://… for test platforms). */
  readonly url: string;
  readonly tls?: TlsOptions | undefined;
  readonly sn: string;
  /** The token of the device session (C_AUTH); undefined while it has none. */
  readonly token: () => string | undefined;
  readonly accessSecret: string;
  /** The envelope's `version` (the document's examples: v1.0.0). */
  readonly version?: string | undefined;
  readonly codecOptions?: ZhejiangCodecOptions | undefined;
  readonly responseSignCheck?: ResponseSignCheck | undefined;
  /** D14: `{currentPage, totalPage}` (default) or the example's `{currentPage, size}` (E33). */
  readonly pageStyle?: 'totalPage' | 'size' | undefined;
  /** Workers per page asked in the `size` style. */
  readonly pageSize?: number | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxBodyBytes?: number | undefined;
  /** Further attempts after a non-2xx status or 500_01 (default 2). */
  readonly retries?: number | undefined;
  /** First pause of the backoff (default 1 s; doubled each attempt, jittered). */
  readonly backoffBaseMs?: number | undefined;
  /** How a pause is waited (tests pass their own). */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Asks the device session for a new token (401_01 / 400_04 / none): tried once per call. */
  readonly reauthenticate?: (() => Promise<void>) | undefined;
  readonly logger?: SessionLogger | undefined;
  /** Aborted when the bridge stops: the call in flight fails as `aborted`, no retry follows. */
  readonly signal?: AbortSignal | undefined;
}

/** One worker uploaded by T_POST_DEVICE_PERSON (§3.8.2): `img` base64, left out of the sign (D4). */
export interface PostedPerson {
  readonly personId: string;
  readonly name: string;
  readonly img: string;
  readonly hasImg?: 0 | 1 | undefined;
  readonly phone?: string | undefined;
  readonly idcardNo?: string | undefined;
}

const DEFAULT_HTTPS_TIMEOUT_MS = 15_000;
const DEFAULT_HTTPS_MAX_BODY_BYTES = 4 * 1024 * 1024;
const DEFAULT_RETRIES = 2;
const MAX_RETRIES = 10;
const MAX_PAGES = 10_000;
const silentLogger: SessionLogger = { info: () => undefined, warn: () => undefined };
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ZhejiangHttpsClient {
  private readonly transport: HttpTransport;
  private readonly url: URL;
  private readonly codec: ZhejiangCodecOptions;
  private readonly signCheck: ResponseSignCheck;
  private readonly logger: SessionLogger;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly retries: number;
  private readonly config: ZhejiangHttpsConfig;

  constructor(config: ZhejiangHttpsConfig) {
    this.config = config;
    this.url = new URL(config.url);
    if (this.url.protocol !== 'https:' && this.url.protocol !== 'http:') throw new RangeError(`Zhejiang HTTPS URL must be https:// or http://, not ${this.url.protocol}`);
    this.codec = config.codecOptions ?? DEFAULT_CODEC_OPTIONS;
    this.signCheck = config.responseSignCheck ?? DEFAULT_RESPONSE_SIGN_CHECK;
    this.logger = config.logger ?? silentLogger;
    this.timeoutMs = config.timeoutMs ?? DEFAULT_HTTPS_TIMEOUT_MS;
    this.maxBodyBytes = config.maxBodyBytes ?? DEFAULT_HTTPS_MAX_BODY_BYTES;
    this.retries = Math.min(MAX_RETRIES, Math.max(0, config.retries ?? DEFAULT_RETRIES));
    this.transport = new HttpTransport({ vendor: 'zhejiang', tls: config.tls ?? { mode: 'verify' }, timeoutMs: this.timeoutMs, maxBodyBytes: this.maxBodyBytes, connections: 2, secrets: [config.accessSecret] });
  }

  /**
   * The platform's TLS trust (verify, pinned fingerprint, accept-any) for a URL at the platform's own
   * origin, such as a worker's photo URL it serves itself; undefined for any other origin, which is
   * read with ordinary verification.
   */
  trustFor(url: URL): Dispatcher | undefined {
    return url.origin === this.url.origin ? this.transport.dispatcher : undefined;
  }

  /** §3.1 T_GET_TASKS: the tasks behind the heartbeat's taskids (D13). */
  async getTasks(taskids: readonly string[]): Promise<PlatformTask[]> {
    const reply = await this.call('T_GET_TASKS', undefined, { taskids: [...taskids] });
    return readTasks(reply.response);
  }

  /**
   * §3.3 / §3.4: one page of workers (D14: `{currentPage, totalPage}` with the totalPage of the
   * last reply, 1 at first; or `{currentPage, size}`). Pages count from 1.
   */
  async personsPage(taskid: string, apicode: 'T_SEND_PERSON' | 'T_UPDATE_DEVICE_PERSON', page: number, totalPage = 1): Promise<PersonsPage> {
    const param = this.config.pageStyle === 'size' ? { currentPage: page, size: this.config.pageSize ?? 50 } : { currentPage: page, totalPage };
    const reply = await this.call(apicode, taskid, param);
    return readPersonsPage(reply.response, page, apicode);
  }

  /** D14: every page of a task's workers, in order, until currentPage ≥ totalPage. */
  async *persons(taskid: string, apicode: 'T_SEND_PERSON' | 'T_UPDATE_DEVICE_PERSON'): AsyncGenerator<PersonsPage> {
    // Pages advance by the one asked, never by what the reply says, and stop at MAX_PAGES: a
    // platform answering the same page forever cannot hold the bridge.
    let totalPage = 1;
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const got = await this.personsPage(taskid, apicode, page, totalPage);
      yield got;
      totalPage = got.totalPage;
      if (page >= totalPage || got.persons.length === 0) return;
    }
  }

  /** §3.5 T_DEL_DEVICE_PERSON (no param, D17): the personIds to delete. */
  async deletePersons(taskid: string): Promise<string[]> {
    const reply = await this.call('T_DEL_DEVICE_PERSON', taskid, undefined);
    return readPersonIds(reply.response);
  }

  /** §3.6 T_CLEAR_DEVICE_PERSON (no param, D17): on success, clear every worker. */
  async clear(taskid: string): Promise<void> {
    await this.call('T_CLEAR_DEVICE_PERSON', taskid, undefined);
  }

  /** §3.8 T_POST_DEVICE_PERSON: one page of the device's workers (D15), each `img` left out of the sign (D4). */
  async postPersonsPage(taskid: string, page: number, totalPage: number, data: readonly PostedPerson[]): Promise<void> {
    await this.call('T_POST_DEVICE_PERSON', taskid, { currentPage: page, totalPage, data: data.map((person) => ({ ...person })) });
  }

  /** §3.7 T_UPDATE_DEVICE_VERSION, sent without param (D16): the firmware the reply describes, if it does. */
  async version(taskid: string): Promise<FirmwareDescriptor | undefined> {
    const reply = await this.call('T_UPDATE_DEVICE_VERSION', taskid, undefined);
    return readFirmware(reply.response);
  }

  /** §3.2 T_UPDATE_TASKS_STATUS: the tasks' outcomes and the device's totals (D13), the id key per D5. */
  async reportStatus(tasks: readonly TaskResult[], personCount: number, faceCount: number): Promise<void> {
    await this.call('T_UPDATE_TASKS_STATUS', undefined, taskStatusParam(tasks, personCount, faceCount, this.codec));
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  /** One apicode: sent, retried per D12, its reply read and its sign checked (D18). */
  private async call(apicode: HttpsApicode, taskid: string | undefined, param: unknown): Promise<HttpsReply> {
    const log = { sn: this.config.sn, apicode, ...(taskid !== undefined ? { taskid } : {}) };
    let reauthenticated = false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const reply = await this.once(apicode, taskid, param);
        this.logReply(log, reply);
        return reply;
      } catch (error) {
        const recovery = recoveryOfError(error);
        if (recovery === 'reauthenticate' && this.config.reauthenticate && !reauthenticated) {
          reauthenticated = true;
          this.logger.info({ ...log, code: (error as DriverError).vendorCode ?? 'no-token' }, 'Zhejiang: token refused; asking the device session to authenticate again');
          await this.config.reauthenticate();
          continue;
        }
        if (this.config.signal?.aborted) throw error;
        const retryable = recovery === 'backoff' && !(error instanceof DriverError && (error.code === 'timeout' || error.code === 'schema_mismatch' || error.code === 'not_json'));
        if (!retryable || attempt > this.retries) throw error;
        const delayMs = backoffMs(attempt, Math.random, this.config.backoffBaseMs ?? 1_000, 30_000);
        this.logger.warn({ ...log, attempt, delayMs, error: (error as Error).message }, 'Zhejiang: HTTPS call failed; retrying after a pause');
        await (this.config.sleep ?? wait)(delayMs);
      }
    }
  }

  private async once(apicode: HttpsApicode, taskid: string | undefined, param: unknown): Promise<HttpsReply> {
    const token = this.config.token();
    if (token === undefined || token === '') throw noTokenError(this.config.sn, apicode);
    const body = httpsRequestBody({ version: this.config.version ?? 'v1.0.0', sn: this.config.sn, token, apicode, taskid, param }, this.config.accessSecret, this.codec);
    let answer;
    try {
      answer = await this.transport.send({ method: 'POST', url: this.url, headers: { 'content-type': 'application/json;charset=UTF-8', accept: 'application/json' }, body, endpoint: apicode, signal: this.config.signal });
    } catch (error) {
      if (error instanceof DriverError) throw transportError(apicode, error, { timeoutMs: this.timeoutMs, maxBodyBytes: this.maxBodyBytes });
      throw error;
    }
    if (answer.status < 200 || answer.status > 299) throw httpStatusError(apicode, answer.status);
    return readHttpsReply(answer.text, apicode, this.config.accessSecret, { taskid, signCheck: this.signCheck });
  }

  /** D18 warn: which sign variant matched, or that none did; D19: the lenient reader was needed. */
  private logReply(log: object, reply: HttpsReply): void {
    if (reply.quirks.length > 0) this.logger.warn({ ...log, quirks: reply.quirks }, httpsText('lenientJson', { apicode: (log as { apicode: string }).apicode, quirks: reply.quirks.join(', ') }).en);
    if (reply.warning) this.logger.warn({ ...log, responseSign: 'mismatch' }, reply.warning.en);
    else if (reply.sign.checked && this.signCheck === 'warn') this.logger.info({ ...log, responseSign: reply.sign.variant }, `Zhejiang: response sign matched (${reply.sign.variant ?? 'none'})`);
  }
}
