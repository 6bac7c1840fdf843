import { SUCCESS, messageFor } from './codes.ts';
import { htmlAnswer } from '../common/http-replies.ts';
import type { HttpAnswer } from '../common/http-replies.ts';

export { jsonAnswer, springError, wrongMethodAnswer, writeAnswer } from '../common/http-replies.ts';
export type { HttpAnswer } from '../common/http-replies.ts';

/**
 * What a handler answers. Vendor replies are always HTTP 200 with the envelope
 * `{code, data, msg}` (hongtu.md §1.2): code 0 and msg "成功" on success, a §9 code and its text
 * otherwise, `data: null` on failure. Everything that is not a vendor reply (unknown path 404,
 * wrong method 405, unreadable media type 415, body too large 413) answers as the Spring Boot
 * application the platform is, with Spring's default error body (common/http-replies.ts, shared
 * with the ZKBio simulator, which is a Spring application too).
 */
export interface ApiResult {
  readonly code: number;
  readonly msg: string;
  readonly data: unknown;
}

export function ok(data: unknown = null): ApiResult {
  return { code: SUCCESS, msg: messageFor(SUCCESS), data };
}

/** The bare-string `data` of writes (§10 E10: the document shows "OK" for four of them; judge by code). */
export const OK_TEXT = 'OK';

export function okText(): ApiResult {
  return ok(OK_TEXT);
}

export function failure(code: number, detail?: string): ApiResult {
  return { code, msg: messageFor(code, detail), data: null };
}

export function envelope(result: ApiResult): Record<string, unknown> {
  return { code: result.code, data: result.data, msg: result.msg };
}

/** What a reverse proxy or an expired web session of the 鸿图 console shows instead of the API: HTTP 200, HTML. */
export function consolePage(): HttpAnswer {
  const body =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>鸿图2000</title></head>' +
    '<body><div id="app"><form class="login" method="post" action="/v1/login">' +
    '<input name="username" type="text"><input name="password" type="password">' +
    '<button type="submit">登录</button></form></div></body></html>';
  return htmlAnswer(body);
}
