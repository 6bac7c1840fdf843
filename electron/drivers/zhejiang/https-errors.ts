import { zhejiangHttpsEn } from '../../../shared/i18n/zhejiang-https.en.ts';
import { zhejiangHttpsZhCN } from '../../../shared/i18n/zhejiang-https.zh-CN.ts';
import { DriverError, type LocalizedText } from '../driver-error.ts';
import type { Recovery } from './errors.ts';

/**
 * The HTTPS task calls' own failures (https-client.ts) as DriverErrors with what happened and what
 * to do in both languages (catalogs shared/i18n/zhejiang-https.*.ts), each with the recovery of D12
 * in `details.recovery`: a non-2xx status and a transport failure back off; no token yet means
 * authenticate. The platform's own refusals are errors.ts' platformError.
 */
const VENDOR = 'zhejiang';
type Texts = typeof zhejiangHttpsEn.zhejiangHttps;

export function httpsText(key: keyof Texts, values: Readonly<Record<string, string | number>> = {}): LocalizedText {
  const fill = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  return { en: fill(zhejiangHttpsEn.zhejiangHttps[key]), 'zh-CN': fill(zhejiangHttpsZhCN.zhejiangHttps[key]) };
}

/** D12: a non-2xx status is a transport failure, retried with backoff. */
export function httpStatusError(apicode: string, status: number): DriverError {
  return new DriverError('http_status', `Zhejiang ${apicode}: HTTP ${status}`, { vendor: VENDOR, endpoint: apicode, status, details: { reason: 'http-status', recovery: 'backoff' satisfies Recovery }, advice: httpsText('httpStatus', { apicode, status }) });
}

/** The transport's failure (timeout, reply too large, network, TLS) with the catalog's advice. */
export function transportError(apicode: string, error: DriverError, limits: { readonly timeoutMs: number; readonly maxBodyBytes: number }): DriverError {
  const tooLarge = error.code === 'http_status';
  const advice = tooLarge
    ? httpsText('tooLarge', { apicode, max: limits.maxBodyBytes })
    : error.code === 'timeout'
      ? httpsText('timeout', { apicode, seconds: Math.round(limits.timeoutMs / 100) / 10 })
      : error.code === 'aborted'
        ? undefined
        : (error.advice ?? httpsText('network', { apicode, reason: error.message }));
  return new DriverError(tooLarge ? 'schema_mismatch' : error.code, error.message, {
    vendor: VENDOR,
    endpoint: apicode,
    status: error.status,
    details: { ...error.details, reason: tooLarge ? 'too-large' : error.code, recovery: 'backoff' satisfies Recovery },
    ...(advice ? { advice } : {}),
    cause: error,
  });
}

/** No token yet: the session must authenticate (C_AUTH) first. */
export function noTokenError(sn: string, apicode: string): DriverError {
  return new DriverError('bad_credentials', `Zhejiang device ${sn}: no token for ${apicode}`, { vendor: VENDOR, endpoint: apicode, details: { reason: 'no-token', recovery: 'reauthenticate' satisfies Recovery }, advice: httpsText('noToken', { sn }) });
}

/** The recovery an error of the Zhejiang driver asks for (D12); undefined for anything else. */
export function recoveryOfError(error: unknown): Recovery | undefined {
  if (!(error instanceof DriverError) || error.vendor !== VENDOR) return undefined;
  const recovery = error.details?.['recovery'];
  return typeof recovery === 'string' ? (recovery as Recovery) : undefined;
}

/** 401_01, 400_04 or no token yet: the caller asks the device session for a new token, then retries. */
export function needsReauthentication(error: unknown): boolean {
  return recoveryOfError(error) === 'reauthenticate';
}
