import type { ServerResponse } from 'node:http';
import type { CatalogEntry } from './catalog.ts';
import { messageFor } from './codes.ts';

/**
 * What a handler answers, and how the server writes it.
 *
 * Vendor replies are always HTTP 200 (the document gives no status codes): the general envelope
 * `{code, message, data}` (§1.2; success `code: 0, message: "success"`), or for 2.19.13–2.19.15 the
 * ret-envelope `{ret, msg, data, i18nArgs, success}`.
 *
 * Everything that is not a vendor reply answers as the Spring Boot application CVSecurity 6 is:
 * an unknown path is 404 and a known path with the wrong method is 405 (with `Allow`), in Spring
 * Boot's default error body — JSON `{timestamp, status, error, path}`, or the "Whitelabel Error
 * Page" when the client prefers text/html.
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

export const JSON_TYPE = 'application/json;charset=UTF-8';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function jsonAnswer(body: unknown, status = 200): HttpAnswer {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) };
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

export function reason(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** Spring Boot's default error answer (BasicErrorController). */
export function springError(status: number, path: string, now: Date, accept: string | undefined, extra: Record<string, string> = {}): HttpAnswer {
  if (accept?.includes('text/html')) {
    const body =
      '<html><body><h1>Whitelabel Error Page</h1>' +
      '<p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p>' +
      `<div id='created'>${now.toString()}</div>` +
      `<div>There was an unexpected error (type=${reason(status)}, status=${status}).</div></body></html>`;
    return { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...extra }, body };
  }
  const body = { timestamp: now.toISOString().replace('Z', '+00:00'), status, error: reason(status), path };
  return { status, headers: { 'content-type': JSON_TYPE, ...extra }, body: JSON.stringify(body) };
}

/** What a reverse proxy or an expired web session shows instead of the API: HTTP 200, HTML. */
export function loginPage(): HttpAnswer {
  const body =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>ZKBio CVSecurity</title></head>' +
    '<body><form id="loginForm" method="post" action="/login.do">' +
    '<input name="username" type="text"><input name="password" type="password">' +
    '<button type="submit">Login</button></form></body></html>';
  return { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body };
}

/** A gateway error page (nginx style) for injected 5xx answers other than 500. */
export function proxyErrorPage(status: number, path: string, now: Date): HttpAnswer {
  if (status === 500) return springError(500, path, now, undefined);
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Temporarily Unavailable' : status === 504 ? 'Gateway Time-out' : 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'content-type': 'text/html' }, body };
}

export function writeAnswer(res: ServerResponse, answer: HttpAnswer, headOnly = false): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) });
  res.end(headOnly ? undefined : answer.body);
}
