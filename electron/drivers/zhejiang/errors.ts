import { zhejiangEn } from '../../../shared/i18n/zhejiang.en.ts';
import { zhejiangZhCN } from '../../../shared/i18n/zhejiang.zh-CN.ts';
import { DriverError, type DriverErrorCode, type LocalizedText } from '../driver-error.ts';
import { APICODES } from './endpoints.ts';
import type { FrameError } from './framing.ts';
import { JsonTextError, readPlatformJson } from './json-text.ts';

/**
 * The Zhejiang platform's failures as DriverErrors with what happened and what to do in both
 * languages (catalogs shared/i18n/zhejiang.*.ts). The platform's error codes are those of seed 002
 * §1.3 (there is no 400_03, S3); each says how a device session recovers (zhejiang.md D12): sign in
 * again, resync the clock and retry once, stop and alert, back off, or log and not retry blindly.
 */
const VENDOR = 'zhejiang';

type Texts = typeof zhejiangEn.zhejiang;
type PlatformErrorKey = keyof Texts['platformErrors'];

function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A catalog text in both languages, `pick` choosing it from each catalog. */
function text(pick: (texts: Texts) => string, values: Readonly<Record<string, string | number>> = {}): LocalizedText {
  return { en: fill(pick(zhejiangEn.zhejiang), values), 'zh-CN': fill(pick(zhejiangZhCN.zhejiang), values) };
}

/** What a device session does after the error (D12). */
export type Recovery = 'reauthenticate' | 'resync-clock-and-retry' | 'stop' | 'backoff' | 'log-no-retry';

interface PlatformErrorRow {
  readonly key: PlatformErrorKey;
  readonly code: DriverErrorCode;
  readonly recovery: Recovery;
  /** The document's own words (§1.3). */
  readonly documentText: string;
}

/** Seed 002 §1.3 错误码说明, in the document's order. */
export const PLATFORM_ERROR_CODES: Readonly<Record<string, PlatformErrorRow>> = {
  '400_01': { key: 'apicodeEmpty', code: 'invalid_params', recovery: 'log-no-retry', documentText: 'APICODE 为空' },
  '400_02': { key: 'paramUnreadable', code: 'invalid_params', recovery: 'log-no-retry', documentText: 'param 解析失败' },
  '400_04': { key: 'tokenOrSign', code: 'bad_credentials', recovery: 'reauthenticate', documentText: 'token 或 sign 验证失败' },
  '400_05': { key: 'timestamp', code: 'bad_credentials', recovery: 'resync-clock-and-retry', documentText: 'timestamp 验证错误' },
  '401_01': { key: 'noToken', code: 'bad_credentials', recovery: 'reauthenticate', documentText: 'token 不存在' },
  '401_02': { key: 'keyRevoked', code: 'bad_credentials', recovery: 'stop', documentText: '认证密钥已失效' },
  '500_01': { key: 'system', code: 'vendor_error', recovery: 'backoff', documentText: '系统异常' },
};

/** The error object of a failure response: `{errorcode, errmsg}` (only in the examples, E43). */
export interface PlatformErrorObject {
  readonly errorcode: string | undefined;
  readonly errmsg: string | undefined;
}

/**
 * The error object of a failure response: an object (HTTPS) or JSON text (TCP, where the examples
 * write it with unquoted keys, E13), read leniently (D19), or JSON text encoded twice. The code
 * under `errorcode` (the examples), `errorCode`, `errCode` or `code`, a number read as its digits;
 * the message under `errmsg`, `errMsg`, `msg` or `message`. Text that is not JSON gives its
 * `errorcode: …` if plainly written, else no code.
 */
export function readErrorObject(error: unknown): PlatformErrorObject {
  let value = error;
  if (typeof error === 'string') {
    try {
      value = readPlatformJson(error).value;
      if (typeof value === 'string' && value.trim().startsWith('{')) value = readPlatformJson(value).value;
    } catch {
      // The heartbeat failure example (§2.2.5) lacks errmsg's closing quote: the code is still plain.
      const code = /["']?error_?code["']?\s*:\s*["']?([\w-]+)/i.exec(error)?.[1];
      return { errorcode: code, errmsg: error === '' ? undefined : error };
    }
  }
  if (value === null || typeof value !== 'object') return { errorcode: undefined, errmsg: undefined };
  const record = value as Record<string, unknown>;
  const pick = (name: string): string | undefined => (typeof record[name] === 'string' || typeof record[name] === 'number' ? String(record[name]) : undefined);
  return {
    errorcode: pick('errorcode') ?? pick('errorCode') ?? pick('errCode') ?? pick('code'),
    errmsg: pick('errmsg') ?? pick('errMsg') ?? pick('msg') ?? pick('message'),
  };
}

/** The recovery for a platform error code; unknown codes are logged and retried later (backoff). */
export function recoveryOf(errorcode: string | undefined): Recovery {
  return (errorcode !== undefined ? PLATFORM_ERROR_CODES[errorcode]?.recovery : undefined) ?? 'backoff';
}

/**
 * The typed error for a failure response (success false) of `apicode`: the platform's code as
 * vendorCode, its message and the recovery in details, what happened and what to do as advice.
 */
export function platformError(error: unknown, apicode: string): DriverError {
  const { errorcode, errmsg } = readErrorObject(error);
  const row = errorcode !== undefined ? PLATFORM_ERROR_CODES[errorcode] : undefined;
  const key: PlatformErrorKey = row ? row.key : errorcode === undefined ? 'missing' : 'unknown';
  const values = { code: errorcode ?? '', message: errmsg ?? '' };
  const happened = text((t) => t.platformErrors[key].happened, values);
  const todo = text((t) => t.platformErrors[key].todo, values);
  return new DriverError(row?.code ?? 'vendor_error', `Zhejiang ${apicode} failed: ${errorcode ?? 'no error code'} ${errmsg ?? ''}`.trim(), {
    vendor: VENDOR,
    endpoint: apicode,
    vendorCode: errorcode,
    details: { errorcode, errmsg, recovery: recoveryOf(errorcode) },
    advice: { en: `${happened.en} ${todo.en}`, 'zh-CN': `${happened['zh-CN']}${todo['zh-CN']}` },
  });
}

/** A stream that cannot be read on (framing.ts): the connection is closed, the session reconnects. */
export function frameDriverError(error: FrameError): DriverError {
  const advice =
    error.reason === 'too-large'
      ? text((t) => t.frame.tooLarge, { length: error.length ?? 0, max: error.maxFrameBytes })
      : text((t) => t.frame.malformedPrefix, { detail: error.message });
  return new DriverError('schema_mismatch', error.message, { vendor: VENDOR, details: { reason: error.reason, length: error.length, maxFrameBytes: error.maxFrameBytes }, advice, cause: error });
}

/** An answer that is not JSON even read leniently (D19). */
export function unreadableJsonError(error: JsonTextError | Error, endpoint?: string): DriverError {
  return new DriverError('not_json', `Zhejiang reply is not JSON: ${error.message}`, {
    vendor: VENDOR,
    endpoint,
    details: { reason: 'not-json', offset: error instanceof JsonTextError ? error.offset : undefined },
    advice: text((t) => t.json.unreadable, { detail: error.message }),
    cause: error,
  });
}

/** JSON whose `success` cannot be told true or false (loose-values.ts): nothing is acted on. */
export function replyWithoutSuccessError(found: unknown, apicode: string): DriverError {
  const shown = found === undefined ? 'missing' : (JSON.stringify(found) ?? String(found)).slice(0, 40);
  return new DriverError('schema_mismatch', `Zhejiang ${apicode} reply has no boolean "success" (${shown})`, {
    vendor: VENDOR,
    endpoint: apicode,
    details: { reason: 'no-success', found: shown },
    advice: text((t) => t.json.noSuccess, { apicode, found: shown }),
  });
}

/** A success reply whose `field` has a shape with no clear meaning (a list that is no list): nothing is acted on. */
export function replyFieldError(apicode: string, field: string, found: unknown): DriverError {
  const shown = (JSON.stringify(found) ?? String(found)).slice(0, 40);
  return new DriverError('schema_mismatch', `Zhejiang ${apicode} reply: "${field}" cannot be read (${shown})`, {
    vendor: VENDOR,
    endpoint: apicode,
    details: { reason: 'bad-field', field, found: shown },
    advice: text((t) => t.json.badField, { apicode, field, found: shown }),
  });
}

/** A C_AUTH success whose response holds no usable token (§2.1.3): the connection is closed, the session reconnects. */
export function noTokenError(detail: string): DriverError {
  return new DriverError('schema_mismatch', `Zhejiang C_AUTH reply has no token: ${detail}`, {
    vendor: VENDOR,
    endpoint: 'C_AUTH',
    details: { reason: 'no-token', detail },
    advice: text((t) => t.json.noToken, { detail }),
  });
}

/** D18 strict: a success response whose sign matches no variant. */
export function badResponseSignError(apicode: string): DriverError {
  return new DriverError('bad_credentials', `Zhejiang ${apicode} response sign does not match`, {
    vendor: VENDOR,
    endpoint: apicode,
    details: { reason: 'bad-response-sign' },
    advice: text((t) => t.responseSign.mismatch, { apicode }),
  });
}

/** D18 warn: what is logged when a response sign does not match. */
export function responseSignWarning(apicode: string): LocalizedText {
  return text((t) => t.responseSign.warning, { apicode });
}

/** An apicode the document does not define (the caller's mistake, e.g. a typo on the CLI). */
export function unknownApicodeError(apicode: string, known: readonly string[] = APICODES): DriverError {
  return new DriverError('invalid_params', `Zhejiang: no interface ${apicode}`, {
    vendor: VENDOR,
    endpoint: apicode,
    details: { reason: 'unknown-apicode' },
    advice: text((t) => t.unknownApicode, { apicode, known: known.join(', ') }),
  });
}

/** Field numbers that cannot make a protobuf message (messages.ts). */
export function layoutError(problems: readonly string[]): DriverError {
  return new DriverError('invalid_params', `Zhejiang field numbers: ${problems.join('; ')}`, {
    vendor: VENDOR,
    details: { reason: 'bad-layout', problems },
    advice: text((t) => t.layout.invalid, { problems: problems.join('; ') }),
  });
}

/** A frame no configured layout reads as a known apicode (logged and tolerated, D9). */
export function unknownFrameWarning(): LocalizedText {
  return text((t) => t.layout.unknownFrame);
}
