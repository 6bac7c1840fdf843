import { htmlAnswer } from '../common/http-replies.ts';
import type { HttpAnswer } from '../common/http-replies.ts';
import type { CatalogEntry } from './catalog.ts';
import { messageFor } from './codes.ts';

export { jsonAnswer, springError, wrongMethodAnswer, writeAnswer } from '../common/http-replies.ts';
export type { HttpAnswer } from '../common/http-replies.ts';

/**
 * What a handler answers.
 *
 * Vendor replies are always HTTP 200 (the document gives no status codes): the general envelope
 * `{code, message, data}` (§1.2; success `code: 0, message: "success"`), or for 2.19.13–2.19.15 the
 * ret-envelope `{ret, msg, data, i18nArgs, success}`.
 *
 * Everything that is not a vendor reply answers as the Spring Boot application CVSecurity 6 is
 * (404, 405 with `Allow`, 413, 415 in Spring Boot's default error body; common/http-replies.ts).
 */
export type ApiResult =
  | { readonly kind: 'envelope'; readonly code: number; readonly message: string; readonly data: unknown }
  | { readonly kind: 'ret'; readonly body: Readonly<Record<string, unknown>> };

export function ok(data: unknown = null, message = 'success'): ApiResult {
  return { kind: 'envelope', code: 0, message, data };
}

/** 2.19.13–2.19.15 success, as their examples write it. */
export function retOk(data: unknown, extra: Readonly<Record<string, unknown>> = {}): ApiResult {
  return { kind: 'ret', body: { ret: 'ok', msg: 'operation succeed', data, i18nArgs: null, ...extra, success: true } };
}

/** A failure in the endpoint's own envelope, the appendix's message verbatim. */
export function failure(entry: CatalogEntry, code: number): ApiResult {
  if (entry.reply === 'ret-envelope') {
    return { kind: 'ret', body: { ret: 'fail', msg: messageFor(code), data: null, i18nArgs: null } };
  }
  return { kind: 'envelope', code, message: messageFor(code), data: null };
}

export function resultBody(result: ApiResult): Record<string, unknown> {
  return result.kind === 'ret' ? { ...result.body } : { code: result.code, message: result.message, data: result.data };
}

/** What a reverse proxy or an expired web session shows instead of the API: HTTP 200, HTML. */
export function loginPage(): HttpAnswer {
  const body =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>ZKBio CVSecurity</title></head>' +
    '<body><form id="loginForm" method="post" action="/login.do">' +
    '<input name="username" type="text"><input name="password" type="password">' +
    '<button type="submit">Login</button></form></body></html>';
  return htmlAnswer(body);
}
