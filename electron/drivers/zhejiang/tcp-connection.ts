import { connect, type Socket } from 'node:net';
import type { DriverError } from '../driver-error.ts';
import type { TcpApicode } from './endpoints.ts';
import { frameDriverError, unknownFrameWarning } from './errors.ts';
import { readFrames, writeFrame } from './framed-socket.ts';
import type { TcpCodec, TcpRequest, TcpResponse } from './messages.ts';
import { connectError, droppedError, replyTimeoutError } from './session-errors.ts';

/** What a session logs through (pino's Logger fits). Never given a secret (device-session.ts). */
export interface SessionLogger {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export interface TcpConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly codec: TcpCodec;
  readonly maxFrameBytes?: number | undefined;
  /** How long a reply (and the connect) may take; past it the connection is closed. */
  readonly timeoutMs: number;
  readonly logger: SessionLogger;
  /** Fields logged with every line (the device's sn). */
  readonly logContext: object;
}

interface Outstanding {
  readonly apicode: TcpApicode;
  readonly resolve: (response: TcpResponse) => void;
  readonly reject: (error: DriverError) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * One TCP connection to the platform with ONE outstanding request (D9): requests wait their turn,
 * the reply is the next frame whose apicode is the request's (a reply with no apicode — "400_01
 * APICODE 为空" — is read as the outstanding one's). A frame that is no reply to the outstanding
 * request is logged and ignored. No reply within `timeoutMs`, a garbage stream (FrameError) or the
 * platform closing: the connection is closed, every waiting request fails with the typed reason,
 * and `closed` resolves with it. Never throws from a socket handler.
 */
export class TcpConnection {
  /** Resolves once, with why the connection ended. */
  readonly closed: Promise<DriverError>;
  /** Aborted when the connection ends (to cut a wait short). */
  readonly signal: AbortSignal;
  private readonly ended = new AbortController();
  private readonly socket: Socket;
  private readonly options: TcpConnectionOptions;
  private outstanding: Outstanding | undefined;
  private turn: Promise<unknown> = Promise.resolve();
  private endedWith: DriverError | undefined;
  private settleClosed!: (error: DriverError) => void;

  private constructor(socket: Socket, options: TcpConnectionOptions) {
    this.socket = socket;
    this.options = options;
    this.closed = new Promise((resolve) => (this.settleClosed = resolve));
    this.signal = this.ended.signal;
    readFrames(socket, { onFrame: (body) => this.onFrame(body), onError: (error) => this.end(frameDriverError(error), 'the platform sent a stream that is not frames; connection closed') }, options.maxFrameBytes);
    socket.on('close', () => this.end(droppedError(), 'the platform closed the connection'));
    socket.on('error', (error) => this.end(droppedError(error), 'connection error'));
  }

  /** Opens the connection; rejects with a typed connect error (refused, unreachable, timeout…). */
  static open(options: TcpConnectionOptions): Promise<TcpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port });
      const address = `${options.host}:${options.port}`;
      const fail = (error: unknown) => {
        clearTimeout(timer);
        socket.destroy();
        reject(connectError(address, error));
      };
      const timer = setTimeout(() => fail(Object.assign(new Error(`no connection within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })), options.timeoutMs);
      socket.once('error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        socket.setNoDelay(true);
        resolve(new TcpConnection(socket, options));
      });
    });
  }

  /** This end's IP address (the heartbeat's LAN IP when none is configured). */
  get localAddress(): string {
    return (this.socket.localAddress ?? '').replace(/^::ffff:/, '');
  }

  get isOpen(): boolean {
    return this.endedWith === undefined;
  }

  /** Sends one request when the one before it is answered; resolves with its reply (success or not). */
  request(request: TcpRequest, body: Buffer): Promise<TcpResponse> {
    const run = this.turn.then(() => this.send(request.apicode, body));
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Closes the connection; waiting requests fail with `why`. */
  close(why: DriverError = droppedError()): void {
    this.end(why, undefined);
  }

  private send(apicode: TcpApicode, body: Buffer): Promise<TcpResponse> {
    if (this.endedWith) return Promise.reject(this.endedWith);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.end(replyTimeoutError(apicode, this.options.timeoutMs), `no reply to ${apicode} in time; connection closed`), this.options.timeoutMs);
      this.outstanding = { apicode, resolve, reject, timer };
      writeFrame(this.socket, body);
    });
  }

  private onFrame(body: Buffer): void {
    const waiting = this.outstanding;
    const decoded = this.options.codec.decodeResponse(body);
    let reply: TcpResponse | undefined;
    if (decoded.kind === 'known' && decoded.apicode === waiting?.apicode) reply = decoded.message;
    else if (decoded.kind === 'unknown' && waiting) {
      const read = this.options.codec.decodeResponseAs(body, waiting.apicode);
      if (read && read.apicode === '') reply = read;
    }
    if (!waiting || !reply) {
      const apicode = decoded.kind === 'known' ? decoded.apicode : undefined;
      const why = decoded.kind === 'unknown' ? { why: decoded.why, advice: unknownFrameWarning().en } : { why: 'unsolicited' };
      this.options.logger.warn({ ...this.options.logContext, apicode, ...why, bytes: body.length }, 'Zhejiang: frame that answers no outstanding request ignored');
      return;
    }
    clearTimeout(waiting.timer);
    this.outstanding = undefined;
    waiting.resolve(reply);
  }

  private end(why: DriverError, logMessage: string | undefined): void {
    if (this.endedWith) return;
    this.endedWith = why;
    if (logMessage) this.options.logger.warn({ ...this.options.logContext, code: why.code, error: why.message, advice: why.advice?.en }, `Zhejiang: ${logMessage}`);
    const waiting = this.outstanding;
    this.outstanding = undefined;
    if (waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(why);
    }
    this.socket.destroy();
    this.settleClosed(why);
    this.ended.abort(why);
  }
}
