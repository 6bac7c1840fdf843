import { connect } from 'node:net';
import type { TlsOptions } from '../../../shared/contract/tls-options.ts';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import { HttpTransport } from '../http/http-transport.ts';
import { DeviceSession, type DeviceSessionConfig, type DeviceSessionState } from './device-session.ts';
import { transportError } from './https-errors.ts';
import { connectError } from './session-errors.ts';

/**
 * "Test connection" for one Zhejiang device (issue 16 items 5 and 6): each step a verdict —
 * TCP reach, C_AUTH (the platform's error code with its advice on a refusal: 400_04 means the
 * accessKey/accessSecret or the sign, 401_02 revoked…), the clock offset against the platform's
 * time (the HTTPS reply's Date, or a 400_05 resynchronisation), HTTPS reach (any HTTP answer at the
 * URL). Nothing is retried: the verdict is about now. Secrets are never in a line.
 */
export type CheckName = 'tcp' | 'auth' | 'clock' | 'https';

export interface CheckLine {
  readonly check: CheckName;
  /** undefined: not tried (an earlier step failed) or nothing to judge by. */
  readonly ok: boolean | undefined;
  readonly detail: string;
  readonly vendorCode?: string | undefined;
  readonly advice?: LocalizedText | undefined;
  /** `clock`: platform time − this computer's (ms). */
  readonly offsetMs?: number | undefined;
}

export interface ConnectionCheckConfig {
  readonly session: Omit<DeviceSessionConfig, 'onState' | 'onTaskIds' | 'tuning'>;
  readonly url: string;
  readonly tls: TlsOptions;
  readonly timeoutMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

/** The platform checks timestamps; beyond this the clock is called wrong (D10). */
export const CLOCK_TOLERANCE_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

function tcpReach(host: string, port: number, timeoutMs: number): Promise<DriverError | undefined> {
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(undefined);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      resolve(connectError(address, error));
    });
  });
}

/** One C_AUTH through a real session: online, or its first error. */
async function authenticate(config: ConnectionCheckConfig['session'], timeoutMs: number): Promise<DeviceSessionState> {
  let settle: (state: DeviceSessionState) => void = () => undefined;
  const settled = new Promise<DeviceSessionState>((resolve) => (settle = resolve));
  const session = new DeviceSession({
    ...config,
    requestTimeoutMs: timeoutMs,
    tuning: { backoffBaseMs: 60_000, backoffMaxMs: 60_000 },
    onState: (state) => {
      if (state.status === 'online' || state.status === 'revoked' || state.status === 'backoff') settle(state);
    },
  });
  session.start();
  const timer = setTimeout(() => settle(session.state()), timeoutMs * 2);
  const state = await settled;
  clearTimeout(timer);
  await session.stop();
  return state;
}

async function httpsReach(url: string, tls: TlsOptions, timeoutMs: number): Promise<{ status?: number; date?: string | null; error?: DriverError }> {
  const transport = new HttpTransport({ vendor: 'zhejiang', tls, timeoutMs, maxBodyBytes: 64 * 1024, connections: 1 });
  try {
    const reply = await transport.send({ method: 'POST', url: new URL(url), headers: { 'content-type': 'application/json;charset=UTF-8' }, body: '{}', endpoint: 'T_GET_TASKS' });
    return { status: reply.status, date: reply.date };
  } catch (error) {
    if (error instanceof DriverError) return { error: transportError('T_GET_TASKS', error, { timeoutMs, maxBodyBytes: 64 * 1024 }) };
    return { error: new DriverError('unreachable', error instanceof Error ? error.message : String(error), { vendor: 'zhejiang' }) };
  } finally {
    await transport.close();
  }
}

export async function checkConnection(config: ConnectionCheckConfig): Promise<CheckLine[]> {
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = config.now ?? Date.now;
  const lines: CheckLine[] = [];
  const { host, port } = config.session;

  const tcpError = await tcpReach(host, port, timeoutMs);
  lines.push(tcpError ? { check: 'tcp', ok: false, detail: tcpError.message, advice: tcpError.advice } : { check: 'tcp', ok: true, detail: `${host}:${port}` });

  let sessionOffset = 0;
  if (tcpError) {
    lines.push({ check: 'auth', ok: undefined, detail: 'not tried' });
  } else {
    const state = await authenticate(config.session, timeoutMs);
    sessionOffset = state.clockOffsetMs;
    if (state.status === 'online') lines.push({ check: 'auth', ok: true, detail: `C_AUTH ${config.session.sn}` });
    else {
      const error = state.lastError;
      lines.push({ check: 'auth', ok: false, detail: error?.message ?? `C_AUTH ${config.session.sn}: ${state.status}`, vendorCode: error?.vendorCode, advice: error?.advice });
    }
  }

  const before = now();
  const https = await httpsReach(config.url, config.tls, timeoutMs);
  const after = now();
  const platformTime = https.date ? Date.parse(https.date) : Number.NaN;
  if (Number.isFinite(platformTime)) {
    // The Date header has whole seconds: half a second either way is no offset.
    const raw = platformTime - (before + after) / 2;
    const offsetMs = Math.abs(raw) < 1000 ? 0 : Math.round(raw);
    lines.push({ check: 'clock', ok: Math.abs(offsetMs) <= CLOCK_TOLERANCE_MS, detail: `${offsetMs} ms`, offsetMs });
  } else if (sessionOffset !== 0) {
    lines.push({ check: 'clock', ok: Math.abs(sessionOffset) <= CLOCK_TOLERANCE_MS, detail: `${sessionOffset} ms (400_05)`, offsetMs: sessionOffset });
  } else {
    lines.push({ check: 'clock', ok: undefined, detail: 'the platform told no time' });
  }

  lines.push(https.error ? { check: 'https', ok: false, detail: https.error.message, advice: https.error.advice } : { check: 'https', ok: true, detail: `${config.url}: HTTP ${https.status}` });
  return lines;
}
