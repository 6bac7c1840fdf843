import { htmlAnswer } from '../common/http-replies.ts';
import type { HttpAnswer } from '../common/http-replies.ts';
import type { CatalogEntry } from './catalog.ts';
import { sealResponse } from '../../../electron/drivers/k30/sign.ts';
import type { ResponseEnvelope } from '../../../electron/drivers/k30/sign.ts';
import { formatTimestamp } from '../../../electron/drivers/k30/timestamp.ts';

export { jsonAnswer, writeAnswer } from '../common/http-replies.ts';
export type { HttpAnswer } from '../common/http-replies.ts';

/**
 * What a handler answers, and how it goes on the wire. Every vendor reply is HTTP 200 with the
 * response envelope `{resultcode, msg, companyno, timestamp, sign, data}` (k30.md §1.3): `data` the
 * encrypted JSON of the payload, or "" when the section documents none; signed over the plaintext
 * (electron/drivers/k30/sign.ts sealResponse).
 *
 * Success `msg` is the section's 4.1 example (`Success`, `获取列表成功`, `查询成功`, …). A failure
 * is the section's 4.2 word followed by what went wrong — `失败: 部门不存在(deptno)`,
 * `获取列表失败: pageindex必须大于0` — the document gives no failure catalogue (§9), and a message
 * that names the field is what an installer can act on.
 */
export interface ApiResult {
  readonly resultcode: '1' | '0';
  readonly msg: string;
  /** The plaintext payload; undefined = `data: ""`. */
  readonly data: unknown;
}

/** A handler's refusal: `detail` is appended to the section's failure msg. */
export class ApiFailure extends Error {
  readonly detail: string;

  constructor(detail: string) {
    super(detail);
    this.name = 'ApiFailure';
    this.detail = detail;
  }
}

export function ok(entry: CatalogEntry, data?: unknown): ApiResult {
  return { resultcode: '1', msg: entry.okMsg, data };
}

export function failure(entry: CatalogEntry, detail: string): ApiResult {
  return { resultcode: '0', msg: `${entry.failMsg}: ${detail}`, data: undefined };
}

/** The signed envelope of a result, as this installation (its company number) writes it. */
export function envelopeOf(result: ApiResult, companyNo: string, now: Date): ResponseEnvelope {
  const json = result.data === undefined ? '' : JSON.stringify(result.data);
  return sealResponse({ resultcode: result.resultcode, msg: result.msg, companyno: companyNo, timestamp: formatTimestamp(now), json }, companyNo);
}

/** A refused envelope (auth.ts): signed with the company number the caller sent, data "". */
export function rejectionOf(msg: string, callerCompanyNo: string, now: Date): ResponseEnvelope {
  return sealResponse({ resultcode: '0', msg, companyno: callerCompanyNo, timestamp: formatTimestamp(now), json: '' }, callerCompanyNo);
}

/**
 * `GET /`: the simulator's invention — the document says nothing of K30's web pages. A small page
 * titled as the software calls itself (the document's title 门禁软件K30), so a scanner that looks
 * at `/` has something to read; also what the `html-page` fault answers instead of the API.
 */
export function homePage(): HttpAnswer {
  const body =
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>门禁软件K30</title></head>' +
    '<body><div id="app"><h1>门禁软件K30</h1><form class="login" method="post" action="/login">' +
    '<input name="username" type="text"><input name="password" type="password">' +
    '<button type="submit">登录</button></form></div></body></html>';
  return htmlAnswer(body);
}

/** An unknown path, or a body too large: a plain HTTP error page, not an envelope (the simulator's choice). */
export function plainError(status: 404 | 413): HttpAnswer {
  const title = status === 404 ? '404 Not Found' : '413 Request Entity Too Large';
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>` };
}
