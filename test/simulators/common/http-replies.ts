import type { ServerResponse } from 'node:http';

/**
 * The HTTP answers that are not vendor replies, and how a server writes any answer. Both vendor
 * platforms are Spring Boot applications behind an nginx: an unknown path is 404 and a known path
 * with the wrong method is 405 (with `Allow`), an unreadable media type 415, a body too large 413,
 * in Spring Boot's default error body — JSON `{timestamp, status, error, path}`, or the "Whitelabel
 * Error Page" when the client prefers text/html.
 */
export const JSON_TYPE = 'application/json;charset=UTF-8';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function jsonAnswer(body: unknown, status = 200): HttpAnswer {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) };
}

/** An HTTP 200 HTML page, such as what a reverse proxy or an expired web session shows instead of the API. */
export function htmlAnswer(body: string): HttpAnswer {
  return { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body };
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

/** A known path asked with another method: OPTIONS lists the methods, anything else is Spring's 405. */
export function wrongMethodAnswer(method: string, allow: readonly string[], path: string, now: Date, accept: string | undefined): HttpAnswer {
  if (method === 'OPTIONS') return { status: 200, headers: { allow: [...allow, 'OPTIONS'].join(', ') }, body: '' };
  return springError(405, path, now, accept, { allow: allow.join(', ') });
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
