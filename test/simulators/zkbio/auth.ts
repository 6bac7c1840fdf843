import { jsonAnswer } from './reply.ts';
import type { HttpAnswer } from './reply.ts';

/**
 * `access_token` (zkbio.md §1.2): every request carries it as a query parameter, POST and DELETE
 * included. The document never says what a server answers when it is missing or wrong (§8.9).
 *
 * The simulator's choice, in this one place: HTTP 401 with a JSON body in the vendor's envelope
 * and a negative code the appendix does not use, so that a client sees a failure whether it looks
 * at the status or at `code` (the document's rule "code < 0 means failure"):
 *
 *     HTTP/1.1 401
 *     Content-Type: application/json;charset=UTF-8
 *     {"code":-401,"message":"Invalid access_token","data":null}
 *
 * The same answer for a missing, empty or wrong token, and for the document's typo `acc_token`
 * (2.19.1/2.19.2) — the server only knows `access_token`. A client should treat HTTP 401 or 403
 * (whatever the body) as "bad token".
 */
export const TOKEN_REJECTION = {
  status: 401,
  body: { code: -401, message: 'Invalid access_token', data: null },
} as const;

export function tokenRejection(): HttpAnswer {
  return jsonAnswer(TOKEN_REJECTION.body, TOKEN_REJECTION.status);
}

export function hasValidToken(query: URLSearchParams, token: string): boolean {
  const given = query.get('access_token');
  return given !== null && given.length > 0 && given === token;
}
