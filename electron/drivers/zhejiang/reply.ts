import type { LocalizedText } from '../driver-error.ts';
import { platformError, replyWithoutSuccessError, unreadableJsonError } from './errors.ts';
import { isPlainObject, looseBoolean } from './loose-values.ts';
import { JsonTextError, readPlatformJson, type JsonQuirk } from './json-text.ts';
import { DEFAULT_RESPONSE_SIGN_CHECK, type ResponseSignCheck } from './options.ts';
import { checkResponseSign, type ResponseSignVerdict } from './sign.ts';

/**
 * An HTTPS reply of the platform read as the document describes it (§3.x.3): `{version, success,
 * error, response, sign}`. The body is read strictly, then leniently (D19: the document's examples
 * have unquoted keys); the sign is checked over `response` exactly as received (D18); a failure
 * (`success` false, or "false"/0: loose-values.ts) is the platform's typed error (errors.ts). A body that is no JSON, or JSON
 * without a boolean `success`, is DriverError `not_json` / `schema_mismatch` with advice.
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

export function readHttpsReply(body: string, apicode: string, accessSecret: string, options: ReadOptions = {}): HttpsReply {
  let read;
  try {
    read = readPlatformJson(body);
  } catch (error) {
    throw unreadableJsonError(error instanceof JsonTextError ? error : new Error(String(error)), apicode);
  }
  const record = isPlainObject(read.value) ? read.value : undefined;
  // "success": true, "true" or 1 means the same; a reply whose success cannot be told is refused.
  const success = record ? looseBoolean(record['success']) : undefined;
  if (record === undefined || success === undefined) throw replyWithoutSuccessError(record ? record['success'] : read.value, apicode);
  // A version sent as a number (`version: 1.0`) keeps its text as received: the sign covers that text.
  const version = typeof record['version'] === 'string' ? record['version'] : typeof record['version'] === 'number' ? read.members.get('version') : undefined;
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
