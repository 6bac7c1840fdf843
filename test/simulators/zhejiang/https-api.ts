import { apicodeSpec } from '../../../electron/drivers/zhejiang/endpoints.ts';
import { compactJson, readPlatformJson } from '../../../electron/drivers/zhejiang/json-text.ts';
import type { ZhejiangCodecOptions } from '../../../electron/drivers/zhejiang/options.ts';
import { md5Hex, responseSigns, signRequest } from '../../../electron/drivers/zhejiang/sign.ts';
import { TASK_APICODES, type QueuedTask, type TaskBook } from './tasks.ts';
import type { ZhejiangTcpSimulator } from './tcp-server.ts';

/**
 * The HTTPS half's one URL (zhejiang.md §1.8: one address, dispatched on `apicode`; §4.4–4.12),
 * strict: the envelope keys of the document's tables (`version, sn, token, apicode, [taskid],
 * [param], sign`, nothing else, no timeStamp), `param` as a JSON object or a string holding one (D3,
 * both accepted), the token issued over TCP and live (30 idle minutes, tcp-server.ts), the sign by
 * the apicode's request formula over the param text as received (or its D2 re-serialization), and
 * the document's error codes (§5.1):
 *
 *   400_01 no apicode, or one that is not an HTTPS apicode   400_02 body or param not JSON, a key
 *   missing or unknown, a value of the wrong type, a task unknown to this device   400_04 bad sign,
 *   unknown sn, token of another sn   401_01 unknown or expired token   401_02 revoked
 *   500_01 on demand (faults)
 *
 * Replies are `{version, success, error | response, sign}`, signed by the apicode's response
 * formula as written (endpoints.ts), `taskid` the request's (§3.1 rule 6).
 */
export interface HttpsApiContext {
  readonly tcp: ZhejiangTcpSimulator;
  readonly tasks: TaskBook;
  readonly accessSecret: string;
  readonly devices: ReadonlySet<string>;
  readonly codecOptions: ZhejiangCodecOptions;
  /** Workers per page when the request names no `size` (D14, E33). */
  readonly pageSize: number;
  /** E34: the key of the photo URLs in T_SEND_PERSON data (`imgUrls` as tabulated, `imgUrIs` as printed). */
  imgUrlsKey: 'imgUrls' | 'imgUrIs';
  /** The URL a worker's photo is served at (or a URL that answers 404). */
  photoUrl(personId: string, broken: boolean): string;
  readonly faults: HttpsFaults;
  readonly now: () => number;
}

export interface HttpsFaults {
  /** Answer every API call with HTTP 503 (a gateway in trouble). */
  http5xx: boolean;
  /** Answer every API call with the platform's 500_01 系统异常. */
  systemError: boolean;
  /** Sign replies with a wrong sign. */
  wrongSign: boolean;
}

export const VERSION = 'v1.0.0';

const ERRMSG: Readonly<Record<string, string>> = {
  '400_01': 'APICODE 为空',
  '400_02': 'param 解析失败',
  '400_04': 'token 或 sign 验证失败',
  '401_01': 'token 不存在',
  '401_02': '认证密钥已失效',
  '500_01': '系统异常',
};

const HTTPS_APICODES = ['T_GET_TASKS', 'T_UPDATE_TASKS_STATUS', ...TASK_APICODES] as const;
const ENVELOPE_KEYS = new Set(['version', 'sn', 'token', 'apicode', 'taskid', 'param', 'sign']);
/** Which apicodes carry a taskid and a param (the tables; D16: T_UPDATE_DEVICE_VERSION's param optional). */
const WITH_TASKID = new Set<string>(TASK_APICODES);
const PARAM: Readonly<Record<string, 'required' | 'absent' | 'optional'>> = {
  T_GET_TASKS: 'required',
  T_UPDATE_TASKS_STATUS: 'required',
  T_SEND_PERSON: 'required',
  T_UPDATE_DEVICE_PERSON: 'required',
  T_POST_DEVICE_PERSON: 'required',
  T_DEL_DEVICE_PERSON: 'absent',
  T_CLEAR_DEVICE_PERSON: 'absent',
  T_UPDATE_DEVICE_VERSION: 'optional',
};
const MAX_PAGE_SIZE = 1000;

class Refusal extends Error {
  readonly errorcode: string;

  constructor(errorcode: string) {
    super(errorcode);
    this.errorcode = errorcode;
  }
}

type Params = Readonly<Record<string, unknown>>;

interface Request {
  readonly sn: string;
  readonly apicode: string;
  readonly taskid: string | undefined;
  readonly param: Params | undefined;
}

export interface HttpsExchange {
  readonly apicode: string;
  readonly sn: string | undefined;
  readonly taskid: string | undefined;
  readonly errorcode: string | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The reply body text for `apicode`, signed as written (or wrongly, on demand). */
function replyBody(ctx: HttpsApiContext, apicode: string, taskid: string | undefined, outcome: { response?: unknown; errorcode?: string }): string {
  const success = outcome.errorcode === undefined;
  const responseText = outcome.response === undefined ? undefined : compactJson(outcome.response);
  const spec = apicodeSpec(apicode);
  const worked = spec?.responseSign ? responseSigns(apicode, { version: VERSION, success, taskid, response: responseText }, ctx.accessSecret)[0] : undefined;
  const sign = worked?.sign ?? md5Hex(`${VERSION}${String(success)}${ctx.accessSecret}`);
  const parts = [`"version":${JSON.stringify(VERSION)}`, `"success":${String(success)}`];
  if (!success) parts.push(`"error":${JSON.stringify({ errorcode: outcome.errorcode, errmsg: ERRMSG[outcome.errorcode!] ?? '' })}`);
  if (responseText !== undefined) parts.push(`"response":${responseText}`);
  parts.push(`"sign":${JSON.stringify(ctx.faults.wrongSign ? md5Hex(`${sign}wrong`) : sign)}`);
  return `{${parts.join(',')}}`;
}

/** The envelope read and checked up to (not including) the handler; throws Refusal. */
function readRequest(ctx: HttpsApiContext, text: string): Request {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Refusal('400_02');
  }
  if (!isObject(body)) throw new Refusal('400_02');
  const apicode = body['apicode'];
  if (typeof apicode !== 'string' || !(HTTPS_APICODES as readonly string[]).includes(apicode)) throw new Refusal('400_01');
  for (const key of Object.keys(body)) if (!ENVELOPE_KEYS.has(key)) throw new Refusal('400_02');
  const { version, sn, token, taskid, sign } = body;
  if (typeof version !== 'string' || typeof sn !== 'string' || typeof token !== 'string' || typeof sign !== 'string') throw new Refusal('400_02');
  if (WITH_TASKID.has(apicode) ? typeof taskid !== 'string' || taskid === '' : taskid !== undefined) throw new Refusal('400_02');
  const rule = PARAM[apicode];
  const given = body['param'];
  if ((rule === 'required' && given === undefined) || (rule === 'absent' && given !== undefined)) throw new Refusal('400_02');
  // D3: an object, whose text as received is what was signed; or a string holding the JSON.
  let paramText: string | undefined;
  let param: Params | undefined;
  if (typeof given === 'string') {
    paramText = given;
    try {
      param = JSON.parse(given) as Params;
    } catch {
      throw new Refusal('400_02');
    }
    if (!isObject(param)) throw new Refusal('400_02');
  } else if (given !== undefined) {
    if (!isObject(given)) throw new Refusal('400_02');
    param = given;
    paramText = readPlatformJson(text).members.get('param');
  }
  if (ctx.tcp.isRevoked()) throw new Refusal('401_02');
  if (!ctx.devices.has(sn)) throw new Refusal('400_04');
  const tokenProblem = ctx.tcp.checkToken(token, sn);
  if (tokenProblem) throw new Refusal(tokenProblem);
  const fields = { version, sn, token, apicode, taskid: taskid as string | undefined };
  const candidates = new Set([paramText, param === undefined ? undefined : compactJson(param, apicodeSpec(apicode)?.param)]);
  const signs = [...candidates].map((candidate) => signRequest({ ...fields, param: candidate }, ctx.accessSecret, ctx.codecOptions).sign);
  if (!signs.includes(sign.toLowerCase())) throw new Refusal('400_04');
  return { sn, apicode, taskid: taskid as string | undefined, param };
}

function taskOf(ctx: HttpsApiContext, request: Request): QueuedTask {
  const task = request.taskid === undefined ? undefined : ctx.tasks.get(request.taskid);
  if (!task || task.sn !== request.sn || task.apicode !== request.apicode) throw new Refusal('400_02');
  return task;
}

/** D14: `{currentPage, totalPage}` (or the example's `{currentPage, size}`, E33), pages from 1. */
function page(ctx: HttpsApiContext, request: Request): unknown {
  const task = taskOf(ctx, request);
  const param = request.param ?? {};
  const currentPage = param['currentPage'];
  const size = param['size'];
  if (!isCount(currentPage) || currentPage < 1) throw new Refusal('400_02');
  if (param['totalPage'] !== undefined && !isCount(param['totalPage'])) throw new Refusal('400_02');
  if (size !== undefined && (!isCount(size) || size < 1 || size > MAX_PAGE_SIZE)) throw new Refusal('400_02');
  const pageSize = (size as number | undefined) ?? ctx.pageSize;
  const totalPage = Math.max(1, Math.ceil(task.workers.length / pageSize));
  const data = task.workers.slice((currentPage - 1) * pageSize, currentPage * pageSize).map((worker) => ({
    personId: worker.personId,
    name: worker.name,
    [ctx.imgUrlsKey]: worker.photo === 'none' ? [] : [ctx.photoUrl(worker.personId, worker.photo === 'broken')],
  }));
  return { data, currentPage, totalPage };
}

function getTasks(ctx: HttpsApiContext, request: Request): unknown {
  const ids = request.param?.['taskids'];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new Refusal('400_02');
  const tasks = (ids as string[])
    .map((id) => ctx.tasks.get(id))
    .filter((task): task is QueuedTask => task !== undefined && task.sn === request.sn)
    .map((task) => ({ taskid: task.taskid, apicode: task.apicode, ...(task.param ? { param: JSON.stringify(task.param) } : {}) }));
  return { tasks };
}

function updateStatus(ctx: HttpsApiContext, request: Request): undefined {
  const param = request.param ?? {};
  const list = param['task'];
  const { personCount, faceCount } = param;
  if (!Array.isArray(list) || list.length === 0 || !isCount(personCount) || !isCount(faceCount)) throw new Refusal('400_02');
  const done: string[] = [];
  for (const item of list) {
    if (!isObject(item)) throw new Refusal('400_02');
    // D5: `taskid` (the example) or `taskId` (the table, E24); never both.
    const taskid = item['taskid'] ?? item['taskId'];
    if (typeof taskid !== 'string' || ('taskid' in item && 'taskId' in item)) throw new Refusal('400_02');
    const status = item['status'];
    if (status !== 1 && status !== 2 && status !== 3) throw new Refusal('400_02');
    const failedPersons = item['failedPersons'] ?? [];
    const failedFaces = item['failedFaces'] ?? [];
    const failures = [failedPersons, failedFaces];
    if (failures.some((f) => !Array.isArray(f) || f.some((x: unknown) => !isObject(x) || typeof x['personId'] !== 'string'))) throw new Refusal('400_02');
    ctx.tasks.record({ sn: request.sn, taskid, status, personCount, faceCount, failedPersons: failedPersons as unknown[], failedFaces: failedFaces as unknown[], receivedAt: ctx.now() });
    done.push(taskid);
  }
  ctx.tcp.completeTasks(request.sn, done);
  return undefined;
}

function postPersons(ctx: HttpsApiContext, request: Request): undefined {
  const task = taskOf(ctx, request);
  const param = request.param ?? {};
  const { currentPage, totalPage, data } = param;
  if (!isCount(currentPage) || currentPage < 1 || !isCount(totalPage) || !Array.isArray(data)) throw new Refusal('400_02');
  const persons = data.map((item: unknown) => {
    if (!isObject(item) || typeof item['personId'] !== 'string' || typeof item['name'] !== 'string' || typeof item['img'] !== 'string') throw new Refusal('400_02');
    const hasImg = item['hasImg'];
    if (hasImg !== undefined && hasImg !== 0 && hasImg !== 1) throw new Refusal('400_02');
    return { personId: item['personId'], name: item['name'], imgBytes: Buffer.byteLength(item['img'], 'base64'), ...(hasImg !== undefined ? { hasImg } : {}) };
  });
  ctx.tasks.uploads.push({ sn: request.sn, taskid: task.taskid, currentPage, totalPage, persons, receivedAt: ctx.now() });
  return undefined;
}

const HANDLERS: Readonly<Record<string, (ctx: HttpsApiContext, request: Request) => unknown>> = {
  T_GET_TASKS: getTasks,
  T_UPDATE_TASKS_STATUS: updateStatus,
  T_SEND_PERSON: page,
  T_UPDATE_DEVICE_PERSON: page,
  T_DEL_DEVICE_PERSON: (ctx, request) => ({ personIds: taskOf(ctx, request).personIds }),
  T_CLEAR_DEVICE_PERSON: (ctx, request) => void taskOf(ctx, request),
  // D16: the firmware is described by the task's param (T_GET_TASKS); the reply carries nothing.
  T_UPDATE_DEVICE_VERSION: (ctx, request) => void taskOf(ctx, request),
  T_POST_DEVICE_PERSON: postPersons,
};

/** Answers one API body: the reply text and what was asked, for the exchange log. */
export function answerApi(ctx: HttpsApiContext, text: string): { body: string; exchange: HttpsExchange } {
  let request: Request | undefined;
  let apicode = '';
  let taskid: string | undefined;
  try {
    try {
      const peek = JSON.parse(text) as unknown;
      if (isObject(peek)) {
        if (typeof peek['apicode'] === 'string') apicode = peek['apicode'];
        if (typeof peek['taskid'] === 'string') taskid = peek['taskid'];
      }
    } catch {
      // readRequest answers it
    }
    request = readRequest(ctx, text);
    if (ctx.faults.systemError) throw new Refusal('500_01');
    const response = HANDLERS[request.apicode]!(ctx, request);
    return { body: replyBody(ctx, request.apicode, request.taskid, { response }), exchange: { apicode, sn: request.sn, taskid, errorcode: undefined } };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { body: replyBody(ctx, apicode, taskid, { errorcode: error.errorcode }), exchange: { apicode, sn: request?.sn, taskid, errorcode: error.errorcode } };
  }
}
