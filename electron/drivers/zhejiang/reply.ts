import type { LocalizedText } from '../driver-error.ts';
import { platformError, unreadableJsonError } from './errors.ts';
import { JsonTextError, readPlatformJson, type JsonQuirk } from './json-text.ts';
import { DEFAULT_RESPONSE_SIGN_CHECK, type ResponseSignCheck } from './options.ts';
import { checkResponseSign, type ResponseSignVerdict } from './sign.ts';

/**
 * An HTTPS reply of the platform read as the document describes it (§3.x.3): `{version, success,
 * error, response, sign}`. The body is read strictly, then leniently (D19: the document's examples
 * have unquoted keys), `success` as {@link successFlag} reads it; the sign is checked over
 * `response` exactly as received (D18); a failure (`success` false) is the platform's typed error
 * (errors.ts). A body that is no JSON, or JSON without a readable `success`, is DriverError
 * `not_json` with advice.
 */
export interface HttpsReply {
  readonly version: string | undefined;
  /** The response object; undefined when the reply has none. */
  readonly response: unknown;
  /** The response's raw text, as signed. */
  readonly responseText: string | undefined;
  readonly sign: ResponseSignVerdict;
  /** The lenient reader's quirks (log them: the platform is not sending strict JSON). */
  readonly quirks: readonly JsonQuirk[];
  /** Set when something is to be logged: the sign did not match (warn). */
  readonly warning?: LocalizedText;
}

interface ReadOptions {
  /** The request's taskid: responses carry none, but their signs name it. */
  readonly taskid?: string | undefined;
  readonly signCheck?: ResponseSignCheck;
}

/**
 * `success` (tabulated Boolean): true or false, or the same meaning as a platform's serializer may
 * write it — "true"/"false" (any case), 1/0, "1"/"0". Anything else (missing, null, other text or
 * numbers) is undefined: the reply cannot be read.
 */
export function successFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : undefined;
}

export function readHttpsReply(body: string, apicode: string, accessSecret: string, options: ReadOptions = {}): HttpsReply {
  let read;
  try {
    read = readPlatformJson(body);
  } catch (error) {
    throw unreadableJsonError(error instanceof JsonTextError ? error : new Error(String(error)), apicode);
  }
  const value = read.value;
  const success = value !== null && typeof value === 'object' && !Array.isArray(value) ? successFlag((value as Record<string, unknown>)['success']) : undefined;
  if (success === undefined) throw unreadableJsonError(new Error('the reply has no boolean "success"'), apicode);
  const record = value as Record<string, unknown>;
  const version = typeof record['version'] === 'string' ? record['version'] : undefined;
  const responseText = read.members.get('response');
  const sign = checkResponseSign(
    apicode,
    { version, success, taskid: options.taskid, response: responseText },
    typeof record['sign'] === 'string' ? record['sign'] : undefined,
    accessSecret,
    options.signCheck ?? DEFAULT_RESPONSE_SIGN_CHECK,
  );
  if (!success) throw platformError(record['error'], apicode);
  return { version, response: record['response'], responseText, sign, quirks: read.quirks, ...(sign.warning ? { warning: sign.warning } : {}) };
}
