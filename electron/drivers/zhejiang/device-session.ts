import { backoffMs } from '../backoff.ts';
import { DriverError, type DriverErrorCode, type LocalizedText } from '../driver-error.ts';
import { sleep } from '../poll-loop.ts';
import { clockOffsetFromError } from './clock-resync.ts';
import type { TcpApicode } from './endpoints.ts';
import { platformError, recoveryOf } from './errors.ts';
import { LAYOUT_A, TcpCodec, type TcpLayout, type TcpRequest, type TcpResponse } from './messages.ts';
import { DEFAULT_CODEC_OPTIONS, type ZhejiangCodecOptions } from './options.ts';
import { authParam, heartbeatParam, signInParam, type AttendanceRecord } from './params.ts';
import { offlineError, revokedError, stoppedError } from './session-errors.ts';
import { signRequest } from './sign.ts';
import { heartbeatTaskIds } from './task-ids.ts';
import { authToken, readResponseObject } from './tcp-response.ts';
import { TcpConnection, type SessionLogger } from './tcp-connection.ts';
import { platformTimeStamp } from './timestamp.ts';

/**
 * One registered device's TCP session with the Zhejiang platform (issue 16 item 2; seed 002 §2,
 * zhejiang.md §1.3–1.4, D9–D12): connect, C_AUTH, cache the token, a heartbeat every N seconds
 * (default 30, 5…55: well under the platform's one minute) whose `taskids` go to `onTaskIds` (each
 * reply once; de-duplicating ids across heartbeats is the bridge's job), and `signIn` for the
 * bridge's attendance queue, one record at a time.
 *
 * Recovery, by the error code's row in errors.ts (D12): 401_01 / 400_04 → authenticate again and
 * retry once, then back off; 30 idle minutes → authenticate before the next request; 400_05 →
 * resynchronise the clock offset if the platform tells its time (else log) and retry once; 401_02 →
 * stop with state `revoked`, no retry; 500_01, an unknown code, a timeout, a garbage stream or any
 * drop → close, back off exponentially (electron/sync/backoff.ts), reconnect and C_AUTH again
 * before heartbeats. 400_01 / 400_02 on a sign-in are the caller's to see (not retried blindly).
 * One outstanding request per connection (tcp-connection.ts). Secrets (accessKey, accessSecret)
 * and the token are never logged.
 */
export type DeviceSessionStatus = 'online' | 'connecting' | 'authenticating' | 'backoff' | 'revoked' | 'stopped';

export interface DeviceSessionError {
  readonly code: DriverErrorCode;
  /** The platform's error code (e.g. 401_02), when it gave one. */
  readonly vendorCode?: string | undefined;
  readonly message: string;
  /** What happened and what to do, in both languages. */
  readonly advice?: LocalizedText | undefined;
  /** Epoch ms (the session's clock). */
  readonly at: number;
}

/** The live state for the bridge page and `bridge status`; times are epoch ms of the session's clock. */
export interface DeviceSessionState {
  readonly sn: string;
  readonly status: DeviceSessionStatus;
  readonly lastHeartbeatAt?: number | undefined;
  /** How long ago the cached token was issued; undefined with no token. */
  readonly tokenAgeMs?: number | undefined;
  readonly lastError?: DeviceSessionError | undefined;
  /** When the next connection attempt is due (status `backoff`). */
  readonly nextRetryAt?: number | undefined;
  /** Added to the local clock for timeStamps (D10; 0 unless a platform told its time on 400_05). */
  readonly clockOffsetMs: number;
}

/** Intervals shorter than a real platform allows, for tests (and `sim zhejiang` demos). */
export interface DeviceSessionTuning {
  readonly heartbeatMs?: number;
  readonly tokenIdleMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly random?: () => number;
}

export interface DeviceSessionConfig {
  readonly host: string;
  readonly port: number;
  /** The device number as registered with the platform. */
  readonly sn: string;
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  /** The device's firmware version (C_AUTH and C_HEARTBEAT param `deviceVersion`). */
  readonly deviceVersion: string;
  /** The heartbeat's LAN IP (§2.2.2); default: the address this computer connects from. */
  readonly deviceIp?: string | undefined;
  readonly extendSn?: string | undefined;
  /** The packet version (`version`), "v1.0.0" as in the document's examples. */
  readonly packetVersion?: string | undefined;
  readonly codecOptions?: ZhejiangCodecOptions | undefined;
  readonly layout?: TcpLayout | undefined;
  readonly maxFrameBytes?: number | undefined;
  /** D11: 5…55, default 30. */
  readonly heartbeatSeconds?: number | undefined;
  /** A reply (and the connect) may take this long; then the connection is closed and reopened. Default 10 s. */
  readonly requestTimeoutMs?: number | undefined;
  readonly now?: (() => number) | undefined;
  readonly logger?: SessionLogger | undefined;
  /** Each heartbeat reply's task ids, once per reply (only when there are some). */
  readonly onTaskIds?: ((ids: readonly string[]) => void) | undefined;
  readonly onState?: ((state: DeviceSessionState) => void) | undefined;
  readonly tuning?: DeviceSessionTuning | undefined;
}

export const DEFAULT_HEARTBEAT_SECONDS = 30;
export const HEARTBEAT_SECONDS_RANGE = { min: 5, max: 55 } as const;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** §1.1: a token is gone after half an hour without requests; authenticate a minute before. */
export const TOKEN_IDLE_MS = 29 * 60_000;
const PACKET_VERSION = 'v1.0.0';

const silentLogger: SessionLogger = { info: () => undefined, warn: () => undefined };

/** The config's heartbeat interval, refused by name outside 5…55 s. */
export function heartbeatSecondsOf(value: number | undefined): number {
  const seconds = value ?? DEFAULT_HEARTBEAT_SECONDS;
  if (!Number.isFinite(seconds) || seconds < HEARTBEAT_SECONDS_RANGE.min || seconds > HEARTBEAT_SECONDS_RANGE.max) {
    throw new RangeError(`Zhejiang heartbeat must be ${HEARTBEAT_SECONDS_RANGE.min}…${HEARTBEAT_SECONDS_RANGE.max} s (the platform marks a device offline after 60 s), not ${seconds}`);
  }
  return seconds;
}

export class DeviceSession {
  private readonly config: DeviceSessionConfig;
  private readonly codec: TcpCodec;
  private readonly codecOptions: ZhejiangCodecOptions;
  private readonly now: () => number;
  private readonly logger: SessionLogger;
  private readonly heartbeatMs: number;
  private readonly timeoutMs: number;
  private readonly tokenIdleMs: number;
  private readonly stopping = new AbortController();
  private status: DeviceSessionStatus = 'stopped';
  private connection: TcpConnection | undefined;
  private token: string | undefined;
  private tokenIssuedAt: number | undefined;
  private lastRequestAt: number | undefined;
  private lastHeartbeatAt: number | undefined;
  private lastError: DeviceSessionError | undefined;
  private nextRetryAt: number | undefined;
  private clockOffsetMs = 0;
  private revoked = false;
  private authenticating: Promise<void> | undefined;
  private running: Promise<void> | undefined;

  /** Throws RangeError for a heartbeat outside 5…55 s, DriverError `invalid_params` for unusable field numbers. */
  constructor(config: DeviceSessionConfig) {
    this.config = config;
    this.codec = new TcpCodec(config.layout ?? LAYOUT_A);
    this.codecOptions = config.codecOptions ?? DEFAULT_CODEC_OPTIONS;
    this.now = config.now ?? Date.now;
    this.logger = config.logger ?? silentLogger;
    this.heartbeatMs = config.tuning?.heartbeatMs ?? heartbeatSecondsOf(config.heartbeatSeconds) * 1000;
    this.timeoutMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.tokenIdleMs = config.tuning?.tokenIdleMs ?? TOKEN_IDLE_MS;
  }

  /** Starts connecting (once); the session then keeps itself connected until {@link stop} or a revocation. */
  start(): void {
    if (this.running || this.stopping.signal.aborted) return;
    this.running = this.run();
  }

  /** Stops: the connection is closed, a waiting sign-in fails with `aborted`; resolves when the session is idle. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.connection?.close(stoppedError(this.config.sn));
    await this.running;
    if (!this.revoked) this.setStatus('stopped');
  }

  /** Resolves when the session has ended by itself (revoked) or been stopped. */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  state(): DeviceSessionState {
    const now = this.now();
    return {
      sn: this.config.sn,
      status: this.status,
      lastHeartbeatAt: this.lastHeartbeatAt,
      tokenAgeMs: this.token !== undefined && this.tokenIssuedAt !== undefined ? now - this.tokenIssuedAt : undefined,
      lastError: this.lastError,
      nextRetryAt: this.nextRetryAt,
      clockOffsetMs: this.clockOffsetMs,
    };
  }

  /** The cached C_AUTH token for the device's HTTPS calls (never logged); undefined unless online. */
  currentToken(): string | undefined {
    return this.status === 'online' ? this.token : undefined;
  }

  /**
   * The HTTPS half was refused the token (401_01 / 400_04): drops it and runs C_AUTH again on the
   * open connection. Rejects `unreachable` (offline) when there is none: retry on the next heartbeat.
   */
  async reauthenticate(): Promise<void> {
    const connection = this.connection;
    if (this.revoked) throw revokedError(this.config.sn);
    if (this.status !== 'online' || !connection?.isOpen) throw offlineError(this.config.sn, this.status);
    this.token = undefined;
    try {
      await this.ensureToken(connection);
    } catch (error) {
      this.afterFailure(connection, error);
      throw error;
    }
  }

  /**
   * Sends one C_SIGN_IN and resolves when the platform answered success. Rejects with a DriverError:
   * `unreachable` (reason offline) when the device is not online — keep the record and send it
   * when `onState` says online —, the platform's typed error (vendorCode), `timeout` or `reset`.
   */
  async signIn(record: AttendanceRecord): Promise<void> {
    const connection = this.connection;
    if (this.revoked) throw revokedError(this.config.sn);
    if (this.status !== 'online' || !connection?.isOpen) throw offlineError(this.config.sn, this.status);
    try {
      await this.call(connection, 'C_SIGN_IN', signInParam(record, this.codecOptions));
    } catch (error) {
      this.afterFailure(connection, error);
      throw error;
    }
  }

  private async run(): Promise<void> {
    let attempts = 0;
    while (!this.stopping.signal.aborted) {
      this.setStatus('connecting');
      let connection: TcpConnection | undefined;
      try {
        connection = await TcpConnection.open({
          host: this.config.host,
          port: this.config.port,
          codec: this.codec,
          maxFrameBytes: this.config.maxFrameBytes,
          timeoutMs: this.timeoutMs,
          logger: this.logger,
          logContext: { sn: this.config.sn },
        });
        if (this.stopping.signal.aborted) break;
        this.connection = connection;
        this.token = undefined;
        this.setStatus('authenticating');
        await this.ensureToken(connection);
        attempts = 0;
        this.setStatus('online');
        this.logger.info({ sn: this.config.sn }, 'Zhejiang: device online');
        await this.heartbeats(connection);
      } catch (error) {
        if (!this.stopping.signal.aborted) this.noteError(error);
      } finally {
        connection?.close();
        this.connection = undefined;
        this.token = undefined;
      }
      if (this.revoked) {
        this.setStatus('revoked');
        this.logger.warn({ sn: this.config.sn }, 'Zhejiang: credentials revoked (401_02); the device session has stopped');
        return;
      }
      if (this.stopping.signal.aborted) break;
      attempts += 1;
      const delay = backoffMs(attempts, this.config.tuning?.random, this.config.tuning?.backoffBaseMs, this.config.tuning?.backoffMaxMs);
      this.nextRetryAt = this.now() + delay;
      this.setStatus('backoff');
      this.logger.info({ sn: this.config.sn, attempts, delayMs: delay }, 'Zhejiang: reconnecting after a pause');
      await sleep(delay, this.stopping.signal);
      this.nextRetryAt = undefined;
    }
    this.setStatus('stopped');
  }

  /** D11: a heartbeat at once, then every interval, until the connection ends (throws its reason). */
  private async heartbeats(connection: TcpConnection): Promise<void> {
    const until = AbortSignal.any([this.stopping.signal, connection.signal]);
    while (!until.aborted) {
      let response: TcpResponse;
      try {
        response = await this.call(connection, 'C_HEARTBEAT', heartbeatParam(this.config.deviceVersion, this.config.deviceIp ?? connection.localAddress, this.codecOptions));
      } catch (error) {
        this.afterFailure(connection, error);
        throw error;
      }
      this.lastHeartbeatAt = this.now();
      this.emitState();
      const ids = heartbeatTaskIds(response.response);
      if (ids.length === 0 && (response.response ?? '').trim() !== '' && readResponseObject(response.response) === undefined) {
        this.logger.warn({ sn: this.config.sn, responseLength: response.response?.length }, 'Zhejiang: a heartbeat answer whose response is not a JSON object; no task ids read from it');
      }
      if (ids.length > 0) {
        try {
          this.config.onTaskIds?.(ids);
        } catch (error) {
          this.logger.warn({ sn: this.config.sn, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: the task handler failed');
        }
      }
      await sleep(this.heartbeatMs, until);
    }
    if (!connection.isOpen && !this.stopping.signal.aborted) throw await connection.closed;
  }

  /** After a failed request: anything but the caller's own mistake (400_01/400_02) ends the connection so the run loop backs off. */
  private afterFailure(connection: TcpConnection, error: unknown): void {
    const recovery = error instanceof DriverError ? error.details?.['recovery'] : undefined;
    if (recovery === 'log-no-retry') return;
    connection.close(error instanceof DriverError ? error : undefined);
  }

  /** C_AUTH unless a fresh token is cached; concurrent callers share one authentication. */
  private ensureToken(connection: TcpConnection): Promise<void> {
    const idle = this.lastRequestAt !== undefined && this.now() - this.lastRequestAt >= this.tokenIdleMs;
    if (this.token !== undefined && !idle) return Promise.resolve();
    if (idle && this.token !== undefined) this.logger.info({ sn: this.config.sn }, 'Zhejiang: token idle for half an hour; authenticating again');
    this.token = undefined;
    this.authenticating ??= this.authenticate(connection).finally(() => (this.authenticating = undefined));
    return this.authenticating;
  }

  private async authenticate(connection: TcpConnection): Promise<void> {
    const response = await this.call(connection, 'C_AUTH', authParam(this.config.deviceVersion, this.config.extendSn ?? ''));
    const token = authToken(response.response);
    this.token = token;
    this.tokenIssuedAt = this.now();
    this.logger.info({ sn: this.config.sn }, 'Zhejiang: authenticated (C_AUTH)');
  }

  /**
   * One request with the D12 recoveries: authenticate again and retry once (401_01, 400_04 on a
   * token request), resync and retry once (400_05), revoked (401_02); otherwise the typed error.
   */
  private async call(connection: TcpConnection, apicode: TcpApicode, param: Record<string, unknown>): Promise<TcpResponse> {
    let reauthenticated = false;
    let resynced = false;
    for (;;) {
      if (apicode !== 'C_AUTH') await this.ensureToken(connection);
      const response = await connection.request(...this.build(apicode, param));
      this.lastRequestAt = this.now();
      if (response.success) return response;
      const error = platformError(response.error, apicode);
      const code = typeof error.vendorCode === 'string' ? error.vendorCode : undefined;
      const recovery = recoveryOf(code);
      this.logger.warn({ sn: this.config.sn, apicode, errorcode: code, recovery, advice: error.advice?.en }, `Zhejiang: ${apicode} refused`);
      if (recovery === 'reauthenticate' && apicode !== 'C_AUTH' && !reauthenticated) {
        reauthenticated = true;
        this.token = undefined;
        continue;
      }
      if (recovery === 'resync-clock-and-retry' && !resynced) {
        resynced = true;
        this.resyncClock(response.error);
        continue;
      }
      if (recovery === 'stop') {
        this.revoked = true;
        throw revokedError(this.config.sn, error);
      }
      throw error;
    }
  }

  /** D10: the platform's time from a 400_05 error object when it tells one; else the clock stays and that is logged. */
  private resyncClock(errorText: string | undefined): void {
    const offset = clockOffsetFromError(errorText, this.now());
    if (offset === undefined) {
      this.logger.warn({ sn: this.config.sn }, 'Zhejiang: 400_05 — the platform refused the time and told none; check this computer’s clock (China time, NTP). Retrying once.');
      return;
    }
    this.clockOffsetMs = offset;
    this.logger.info({ sn: this.config.sn, clockOffsetMs: offset }, 'Zhejiang: clock offset taken from the platform');
  }

  /** The signed request and its body (secrets go into the sign and C_AUTH's fields only). */
  private build(apicode: TcpApicode, param: Record<string, unknown>): [TcpRequest, Buffer] {
    const config = this.config;
    const fields = {
      version: config.packetVersion ?? PACKET_VERSION,
      sn: config.sn,
      apicode,
      timeStamp: platformTimeStamp(new Date(this.now() + this.clockOffsetMs)),
      param,
      ...(apicode === 'C_AUTH' ? { accessId: config.accessId, accessKey: config.accessKey } : { token: this.token }),
    };
    const signed = signRequest(fields, config.accessSecret, this.codecOptions);
    const request: TcpRequest = { ...fields, param: signed.paramText, sign: signed.sign };
    return [request, this.codec.encodeRequest(request)];
  }

  private noteError(error: unknown): void {
    const driverError = error instanceof DriverError ? error : undefined;
    this.lastError = {
      code: driverError?.code ?? 'vendor_error',
      vendorCode: typeof driverError?.vendorCode === 'string' ? driverError.vendorCode : undefined,
      message: error instanceof Error ? error.message : String(error),
      advice: driverError?.advice,
      at: this.now(),
    };
    this.logger.warn({ sn: this.config.sn, code: this.lastError.code, vendorCode: this.lastError.vendorCode, error: this.lastError.message }, 'Zhejiang: device session interrupted');
    this.emitState();
  }

  private setStatus(status: DeviceSessionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emitState();
  }

  private emitState(): void {
    try {
      this.config.onState?.(this.state());
    } catch (error) {
      this.logger.warn({ sn: this.config.sn, error: error instanceof Error ? error.message : String(error) }, 'Zhejiang: the state listener failed');
    }
  }
}
