import { zhejiangSessionEn } from '../../../shared/i18n/zhejiang-session.en.ts';
import { zhejiangSessionZhCN } from '../../../shared/i18n/zhejiang-session.zh-CN.ts';
import { classifyNetworkError, DriverError, type LocalizedText } from '../driver-error.ts';

/**
 * A device session's own failures (device-session.ts) as DriverErrors with what happened and what
 * to do in both languages (catalogs shared/i18n/zhejiang-session.*.ts): the connection could not be
 * opened, was dropped, a reply did not come in time, the device is not online, or was revoked.
 */
const VENDOR = 'zhejiang';
type Texts = typeof zhejiangSessionEn.zhejiangSession;

function text(key: keyof Texts, values: Readonly<Record<string, string | number>> = {}): LocalizedText {
  const fill = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  return { en: fill(zhejiangSessionEn.zhejiangSession[key]), 'zh-CN': fill(zhejiangSessionZhCN.zhejiangSession[key]) };
}

export function connectError(address: string, cause: unknown): DriverError {
  const code = classifyNetworkError(cause);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DriverError(code, `Zhejiang TCP ${address}: ${reason}`, { vendor: VENDOR, details: { reason: 'connect' }, advice: text('connectFailed', { address, reason }), cause });
}

export function droppedError(cause?: unknown): DriverError {
  return new DriverError('reset', 'Zhejiang platform closed the TCP connection', { vendor: VENDOR, details: { reason: 'dropped' }, advice: text('dropped'), cause });
}

export function replyTimeoutError(apicode: string, timeoutMs: number): DriverError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new DriverError('timeout', `Zhejiang ${apicode}: no reply within ${seconds} s`, { vendor: VENDOR, endpoint: apicode, details: { reason: 'reply-timeout', timeoutMs }, advice: text('timeout', { apicode, seconds }) });
}

export function offlineError(sn: string, status: string): DriverError {
  return new DriverError('unreachable', `Zhejiang device ${sn} is ${status}`, { vendor: VENDOR, endpoint: 'C_SIGN_IN', details: { reason: 'offline', status }, advice: text('offline', { sn, status }) });
}

export function revokedError(sn: string, cause?: unknown): DriverError {
  return new DriverError('bad_credentials', `Zhejiang device ${sn}: credentials revoked (401_02)`, { vendor: VENDOR, vendorCode: '401_02', details: { reason: 'revoked', recovery: 'stop' }, advice: text('revoked', { sn }), cause });
}

export function stoppedError(sn: string): DriverError {
  return new DriverError('aborted', `Zhejiang device ${sn}: session stopped`, { vendor: VENDOR, details: { reason: 'stopped' }, advice: text('stopped', { sn }) });
}
