import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { TcpApicode } from '../../../electron/drivers/zhejiang/endpoints.ts';
import { readFrames, writeFrame } from '../../../electron/drivers/zhejiang/framed-socket.ts';
import { DEFAULT_MAX_FRAME_BYTES } from '../../../electron/drivers/zhejiang/framing.ts';
import { LAYOUT_A, TcpCodec, type TcpLayout, type TcpRequest, type TcpResponse } from '../../../electron/drivers/zhejiang/messages.ts';
import { DEFAULT_CODEC_OPTIONS, type ZhejiangCodecOptions } from '../../../electron/drivers/zhejiang/options.ts';
import { signRequest } from '../../../electron/drivers/zhejiang/sign.ts';
import { parsePlatformTimeStamp } from '../../../electron/drivers/zhejiang/timestamp.ts';

/**
 * The TCP half of the Zhejiang platform simulator (seed 002 §2; zhejiang.md §2, §4.1–4.3, D7–D12),
 * strict: it reads frames with the bridge's own framing and a configured field layout, checks every
 * C_AUTH / C_HEARTBEAT / C_SIGN_IN sign (the sign functions are the driver's; the digest's vectors,
 * not this simulator, keep them right), the timeStamp against its clock, the token (issued by C_AUTH,
 * gone after 30 idle minutes), and answers with the document's error codes (§1.3):
 *
 *   400_01 no apicode could be read (a frame of another field layout)   400_02 param is not JSON, or a frame is too large
 *   400_04 bad sign, wrong accessId/accessKey, unknown sn, token of another sn   400_05 stale or malformed timeStamp
 *   401_01 unknown or expired token   401_02 credentials revoked ({@link ZhejiangTcpSimulator.revoke})
 *
 * Heartbeats answer the device's queued taskids (re-sent until completed, S12); sign-ins are recorded
 * and a repeat (same sn, personId, recordTime) is flagged; a device is offline 60 s after its last
 * heartbeat (§2.2.1). Faults: drop every connection, stall (read, never answer), raw bytes written to
 * every connection (a garbage stream, or a frame the device did not ask for), one of the document's
 * error codes (500_01 系统异常, say) for every request or one apicode's.
 */
export interface ZhejiangTcpOptions {
  readonly host?: string;
  readonly port?: number;
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  /** The device numbers registered with the platform. */
  readonly devices: readonly string[];
  readonly layout?: TcpLayout;
  readonly codecOptions?: ZhejiangCodecOptions;
  readonly maxFrameBytes?: number;
  /** How far a timeStamp may be from the simulator's clock (default 5 minutes; the document says nothing, S4). */
  readonly maxSkewMs?: number;
  /** §1.1: a token with no request for half an hour is gone. */
  readonly tokenIdleMs?: number;
  readonly now?: () => number;
  /** false: a sign-in's param (photo included) is not kept, only its size (benchmarks of large backlogs). Default true. */
  readonly keepParams?: boolean;
}

export interface SignInRecord {
  readonly sn: string;
  readonly personId: string;
  readonly recordTime: number;
  /** The param text as received (photo included; empty when the simulator keeps no params). */
  readonly param: string;
  readonly receivedAt: number;
  /** The same sn, personId and recordTime were recorded before. */
  readonly duplicate: boolean;
}

/** One answered request, for tests and the bridge page's demo. */
export interface Exchange {
  readonly apicode: string;
  readonly sn: string | undefined;
  readonly errorcode: string | undefined;
}

export interface ZhejiangTcpSimulator {
  readonly host: string;
  readonly port: number;
  readonly signIns: readonly SignInRecord[];
  readonly exchanges: readonly Exchange[];
  /** Each accepted heartbeat's param, as read. */
  readonly heartbeatParams: readonly { readonly sn: string; readonly param: Readonly<Record<string, unknown>> }[];
  /** Queue taskids for a device's heartbeats. */
  queueTasks(sn: string, taskids: readonly string[]): void;
  /** The tasks are done (the HTTPS half's T_UPDATE_TASKS_STATUS): heartbeats stop naming them. */
  completeTasks(sn: string, taskids: readonly string[]): void;
  isOnline(sn: string): boolean;
  /** A token for `sn` as C_AUTH would issue it (for tests and the HTTPS half's admin). */
  issueToken(sn: string): string;
  /** The HTTPS half's token check: undefined when `token` is live for `sn` (and touched), else the error code. */
  checkToken(token: string, sn: string): '401_01' | '400_04' | undefined;
  /** Whether {@link revoke} is in force. */
  isRevoked(): boolean;
  lastHeartbeatAt(sn: string): number | undefined;
  /** 401_02 from now on, until {@link restore}. */
  revoke(): void;
  restore(): void;
  /** Every token forgotten (a platform restart). */
  forgetTokens(): void;
  dropConnections(): void;
  stall(on: boolean): void;
  /** Every request (or only `apicode`'s) refused with this error code of §1.3 until called with undefined. */
  failWith(errorcode: string | undefined, apicode?: TcpApicode): void;
  /** Writes these bytes as they are to every open connection (no frame prefix added). */
  inject(bytes: Uint8Array): void;
  close(): Promise<void>;
}

const VERSION = 'v1.0.0';
const DEFAULT_SKEW_MS = 5 * 60_000;
const TOKEN_IDLE_MS = 30 * 60_000;
const OFFLINE_AFTER_MS = 60_000;

const ERRMSG: Readonly<Record<string, string>> = {
  '400_01': 'APICODE 为空',
  '400_02': 'param 解析失败',
  '400_04': 'token 或 sign 验证失败',
  '400_05': 'timestamp 验证错误',
  '401_01': 'token 不存在',
  '401_02': '认证密钥已失效',
  '500_01': '系统异常',
};

class Refusal extends Error {
  readonly errorcode: string;

  constructor(errorcode: string) {
    super(errorcode);
    this.errorcode = errorcode;
  }
}

export async function startZhejiangTcpSimulator(options: ZhejiangTcpOptions): Promise<ZhejiangTcpSimulator> {
  const now = options.now ?? Date.now;
  const codec = new TcpCodec(options.layout ?? LAYOUT_A);
  const codecOptions = options.codecOptions ?? DEFAULT_CODEC_OPTIONS;
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_SKEW_MS;
  const tokenIdleMs = options.tokenIdleMs ?? TOKEN_IDLE_MS;
  const devices = new Set(options.devices);
  const tokens = new Map<string, { sn: string; lastUsed: number }>();
  const tasks = new Map<string, string[]>();
  const heartbeats = new Map<string, number>();
  const signIns: SignInRecord[] = [];
  /** sn + personId + recordTime of every sign-in: what makes one a duplicate. */
  const signedIn = new Set<string>();
  const exchanges: Exchange[] = [];
  const heartbeatParams: { sn: string; param: Record<string, unknown> }[] = [];
  const sockets = new Set<Socket>();
  let revoked = false;
  let stalled = false;
  let failing: { errorcode: string; apicode: TcpApicode | undefined } | undefined;

  const checkSign = (request: TcpRequest) => {
    let expected: string;
    try {
      expected = signRequest({ ...request, version: request.version ?? '', sn: request.sn ?? '' }, options.accessSecret, codecOptions).sign;
    } catch {
      throw new Refusal('400_02');
    }
    if (request.sign !== expected) throw new Refusal('400_04');
  };
  const checkTime = (request: TcpRequest) => {
    const at = parsePlatformTimeStamp(request.timeStamp ?? '');
    if (!at || Math.abs(at.getTime() - now()) > maxSkewMs) throw new Refusal('400_05');
  };
  const checkParam = (request: TcpRequest): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(request.param ?? '');
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Refusal('400_02');
      return value as Record<string, unknown>;
    } catch {
      throw new Refusal('400_02');
    }
  };
  const tokenProblem = (token: string, sn: string | undefined): '401_01' | '400_04' | undefined => {
    const held = tokens.get(token);
    if (!held || now() - held.lastUsed > tokenIdleMs) {
      tokens.delete(token);
      return '401_01';
    }
    if (held.sn !== sn) return '400_04';
    held.lastUsed = now();
    return undefined;
  };
  const checkToken = (request: TcpRequest) => {
    const problem = tokenProblem(request.token ?? '', request.sn);
    if (problem) throw new Refusal(problem);
  };
  const issueToken = (sn: string): string => {
    const token = randomBytes(16).toString('hex');
    tokens.set(token, { sn, lastUsed: now() });
    return token;
  };

  const answer = (request: TcpRequest): string | undefined => {
    if (failing && (failing.apicode === undefined || failing.apicode === request.apicode)) throw new Refusal(failing.errorcode);
    if (revoked) throw new Refusal('401_02');
    if (!devices.has(request.sn ?? '')) throw new Refusal('400_04');
    const param = checkParam(request);
    checkTime(request);
    if (request.apicode === 'C_AUTH') {
      if (request.accessId !== options.accessId || request.accessKey !== options.accessKey) throw new Refusal('400_04');
      checkSign(request);
      return JSON.stringify({ token: issueToken(request.sn!) });
    }
    checkToken(request);
    checkSign(request);
    if (request.apicode === 'C_HEARTBEAT') {
      heartbeats.set(request.sn!, now());
      heartbeatParams.push({ sn: request.sn!, param });
      return JSON.stringify({ taskids: tasks.get(request.sn!) ?? [] });
    }
    const personId = param['personId'];
    const recordTime = param['recordTime'];
    if (typeof personId !== 'string' || personId === '' || typeof recordTime !== 'number' || !Number.isInteger(recordTime)) throw new Refusal('400_02');
    const key = JSON.stringify([request.sn, personId, recordTime]);
    const duplicate = signedIn.has(key);
    signedIn.add(key);
    signIns.push({ sn: request.sn!, personId, recordTime, param: options.keepParams === false ? '' : (request.param ?? ''), receivedAt: now(), duplicate });
    return undefined;
  };

  const reply = (socket: Socket, response: TcpResponse) => {
    if (!socket.destroyed) writeFrame(socket, codec.encodeResponse(response));
  };
  const refuse = (socket: Socket, apicode: TcpApicode, errorcode: string, sn: string | undefined) => {
    exchanges.push({ apicode, sn, errorcode });
    reply(socket, { version: VERSION, success: false, apicode, error: JSON.stringify({ errorcode, errmsg: ERRMSG[errorcode] ?? '' }) });
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    readFrames(
      socket,
      {
        onFrame: (body) => {
          if (stalled) return;
          const decoded = codec.decodeRequest(body);
          if (decoded.kind === 'unknown') {
            // No layout reads an apicode: answered as the document's "APICODE 为空", the apicode left empty.
            exchanges.push({ apicode: '', sn: undefined, errorcode: '400_01' });
            if (!socket.destroyed) writeFrame(socket, codec.encodeResponse({ version: VERSION, success: false, apicode: '', error: JSON.stringify({ errorcode: '400_01', errmsg: ERRMSG['400_01'] }) }, 'C_HEARTBEAT'));
            return;
          }
          const request = decoded.message;
          try {
            const response = answer(request);
            exchanges.push({ apicode: decoded.apicode, sn: request.sn, errorcode: undefined });
            reply(socket, { version: VERSION, success: true, apicode: decoded.apicode, ...(response === undefined ? {} : { response }) });
          } catch (error) {
            if (!(error instanceof Refusal)) throw error;
            refuse(socket, decoded.apicode, error.errorcode, request.sn);
          }
        },
        onError: (error) => {
          exchanges.push({ apicode: '', sn: undefined, errorcode: error.reason === 'too-large' ? '400_02' : 'garbage' });
          // A frame too large is answered (400_02) before the connection closes; garbage is not.
          if (error.reason === 'too-large') reply(socket, { version: VERSION, success: false, apicode: '', error: JSON.stringify({ errorcode: '400_02', errmsg: ERRMSG['400_02'] }) });
        },
      },
      options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  return {
    host: address.address,
    port: address.port,
    signIns,
    exchanges,
    heartbeatParams,
    queueTasks(sn, taskids) {
      const queued = tasks.get(sn) ?? [];
      for (const id of taskids) if (!queued.includes(id)) queued.push(id);
      tasks.set(sn, queued);
    },
    completeTasks(sn, taskids) {
      tasks.set(sn, (tasks.get(sn) ?? []).filter((id) => !taskids.includes(id)));
    },
    isOnline(sn) {
      const last = heartbeats.get(sn);
      return last !== undefined && now() - last <= OFFLINE_AFTER_MS;
    },
    lastHeartbeatAt: (sn) => heartbeats.get(sn),
    issueToken,
    checkToken: tokenProblem,
    isRevoked: () => revoked,
    revoke() {
      revoked = true;
    },
    restore() {
      revoked = false;
    },
    forgetTokens() {
      tokens.clear();
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    stall(on) {
      stalled = on;
    },
    failWith(errorcode, apicode) {
      failing = errorcode === undefined ? undefined : { errorcode, apicode };
    },
    inject(bytes) {
      for (const socket of sockets) if (!socket.destroyed) socket.write(bytes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
