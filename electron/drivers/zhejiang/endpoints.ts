import type { KeyOrder } from './json-text.ts';

/**
 * The Zhejiang platform's interfaces, one row per apicode (seed 002 §2, §3; zhejiang.md §1.8, §3.2,
 * §4; zhejiang.endpoints.json): the transport, the components of the request and response signs in
 * the document's order, and the key order of the param (D2: the order of the document's table).
 *
 * Sign components are field names; `+` in the document is plain concatenation (D1). The document's
 * typos are normalised (`tasked` and `taskId` → the request's `taskid`, `access Secret` →
 * accessSecret, E32, E36). Where the document writes `response` in a response sign although the
 * response defines no such field (§3.2.3, §3.8.3, E28), the component is KEPT, as the document
 * writes it: it is null there, so it is skipped (§1.5), which gives the digest's normalised formula
 * — and a platform that does send one is checked as its document says. (The digest's table drops
 * the component; the document wins.)
 */
export const TCP_APICODES = ['C_AUTH', 'C_HEARTBEAT', 'C_SIGN_IN'] as const;
export type TcpApicode = (typeof TCP_APICODES)[number];
export const HTTPS_APICODES = [
  'T_GET_TASKS',
  'T_UPDATE_TASKS_STATUS',
  'T_SEND_PERSON',
  'T_UPDATE_DEVICE_PERSON',
  'T_DEL_DEVICE_PERSON',
  'T_CLEAR_DEVICE_PERSON',
  'T_UPDATE_DEVICE_VERSION',
  'T_POST_DEVICE_PERSON',
] as const;
export type HttpsApicode = (typeof HTTPS_APICODES)[number];
export type Apicode = TcpApicode | HttpsApicode;
export const APICODES: readonly Apicode[] = [...TCP_APICODES, ...HTTPS_APICODES];

/** What a sign is built from; `accessSecret` is always last and never sent (D1, E9). */
export type SignComponent = 'version' | 'sn' | 'token' | 'taskid' | 'apicode' | 'accessId' | 'accessKey' | 'timeStamp' | 'param' | 'success' | 'response' | 'accessSecret';

export interface ApicodeSpec {
  readonly apicode: Apicode;
  /** Section of the document. */
  readonly section: string;
  readonly title: string;
  readonly transport: 'tcp' | 'https';
  /** The request sign's components, as §x.y.2 writes them. */
  readonly requestSign: readonly SignComponent[];
  /** The response sign's components (§x.y.3); null: the response carries no sign (every TCP reply). */
  readonly responseSign: readonly SignComponent[] | null;
  /** §3.5.3 and §3.7.3 leave `response` out of their formula (E37): D18 also tries it with. */
  readonly responseSignVariant?: readonly SignComponent[];
  /** The param's keys in the document's table order; undefined: the request has no param. */
  readonly param?: KeyOrder;
  /** Where the photo is that the sign leaves out (D4): `img` of param, or of each element of param.data. */
  readonly unsignedImage?: 'img' | 'data[].img';
}

const TCP_TOKEN_SIGN: readonly SignComponent[] = ['version', 'sn', 'token', 'apicode', 'timeStamp', 'param', 'accessSecret'];
const TASK_REQUEST_SIGN: readonly SignComponent[] = ['version', 'sn', 'token', 'taskid', 'apicode', 'param', 'accessSecret'];
const PAGE: KeyOrder = { keys: ['currentPage', 'totalPage'] };

/** §2.3.2 C_SIGN_IN param and its objects, in table order. */
export const SIGN_IN_PARAM: KeyOrder = {
  keys: ['personId', 'type', 'bitType', 'qrCodeInfo', 'img', 'healthInfo', 'recordTime', 'temperature', 'irisInfo', 'coordinate'],
  nested: {
    qrCodeInfo: { keys: ['type', 'codeColor', 'codeValue', 'cityCode'] },
    healthInfo: { keys: ['healthCode', 'NADCode', 'NADMsg', 'travelCode', 'travelMsg', 'vaccineStatus', 'vaccineMsg'] },
    coordinate: { keys: ['longitude', 'latitude'] },
  },
};

const SPECS: readonly ApicodeSpec[] = [
  {
    apicode: 'C_AUTH',
    section: '2.1',
    title: '认证接口',
    transport: 'tcp',
    requestSign: ['version', 'sn', 'apicode', 'accessId', 'accessKey', 'timeStamp', 'param', 'accessSecret'],
    responseSign: null,
    // Not tabulated; the only example shows deviceVersion and extendSn (E8, D20).
    param: { keys: ['deviceVersion', 'extendSn'] },
  },
  { apicode: 'C_HEARTBEAT', section: '2.2', title: '心跳接口', transport: 'tcp', requestSign: TCP_TOKEN_SIGN, responseSign: null, param: { keys: ['deviceVersion', 'deviceIp', 'devicelp'] } },
  { apicode: 'C_SIGN_IN', section: '2.3', title: '上报考勤数据', transport: 'tcp', requestSign: TCP_TOKEN_SIGN, responseSign: null, param: SIGN_IN_PARAM, unsignedImage: 'img' },
  {
    apicode: 'T_GET_TASKS',
    section: '3.1',
    title: '拉取任务数据',
    transport: 'https',
    requestSign: ['version', 'sn', 'token', 'apicode', 'param', 'accessSecret'],
    responseSign: ['version', 'success', 'response', 'accessSecret'],
    param: { keys: ['taskids'] },
  },
  {
    apicode: 'T_UPDATE_TASKS_STATUS',
    section: '3.2',
    title: '提交任务状态变更',
    transport: 'https',
    requestSign: ['version', 'sn', 'token', 'apicode', 'param', 'accessSecret'],
    responseSign: ['version', 'success', 'response', 'accessSecret'],
    param: {
      keys: ['task', 'personCount', 'faceCount'],
      nested: {
        task: {
          keys: ['taskid', 'taskId', 'status', 'failedPersons', 'failedFaces'],
          nested: { failedPersons: { keys: ['personId', 'errCode'] }, failedFaces: { keys: ['personId', 'errCode'] } },
        },
      },
    },
  },
  { apicode: 'T_SEND_PERSON', section: '3.3', title: '获取人员数据到考勤设备', transport: 'https', requestSign: TASK_REQUEST_SIGN, responseSign: ['version', 'success', 'taskid', 'response', 'accessSecret'], param: PAGE },
  { apicode: 'T_UPDATE_DEVICE_PERSON', section: '3.4', title: '更新设备人员信息', transport: 'https', requestSign: TASK_REQUEST_SIGN, responseSign: ['version', 'success', 'taskid', 'response', 'accessSecret'], param: PAGE },
  {
    apicode: 'T_DEL_DEVICE_PERSON',
    section: '3.5',
    title: '删除设备人员信息',
    transport: 'https',
    // The formula names param although the table has none (E35): absent, so skipped.
    requestSign: TASK_REQUEST_SIGN,
    responseSign: ['version', 'success', 'taskid', 'accessSecret'],
    responseSignVariant: ['version', 'success', 'taskid', 'response', 'accessSecret'],
  },
  {
    apicode: 'T_CLEAR_DEVICE_PERSON',
    section: '3.6',
    title: '清空设备人员信息',
    transport: 'https',
    requestSign: ['version', 'sn', 'token', 'taskid', 'apicode', 'accessSecret'],
    responseSign: ['version', 'success', 'taskid', 'accessSecret'],
  },
  {
    apicode: 'T_UPDATE_DEVICE_VERSION',
    section: '3.7',
    title: '更新设备版本',
    transport: 'https',
    // D16: sent without param (as the §3.7.4 example), so param is skipped in the sign.
    requestSign: TASK_REQUEST_SIGN,
    responseSign: ['version', 'success', 'taskid', 'accessSecret'],
    responseSignVariant: ['version', 'success', 'taskid', 'response', 'accessSecret'],
    param: { keys: ['version', 'size', 'downloadUrl'] },
  },
  {
    apicode: 'T_POST_DEVICE_PERSON',
    section: '3.8',
    title: '上报考勤设备人员信息',
    transport: 'https',
    requestSign: TASK_REQUEST_SIGN,
    responseSign: ['version', 'success', 'taskid', 'response', 'accessSecret'],
    param: { keys: ['currentPage', 'totalPage', 'data'], nested: { data: { keys: ['personId', 'name', 'img', 'hasImg', 'phone', 'idcardNo'] } } },
    unsignedImage: 'data[].img',
  },
];

const BY_APICODE = new Map<string, ApicodeSpec>(SPECS.map((spec) => [spec.apicode, spec]));

export function isApicode(value: string): value is Apicode {
  return BY_APICODE.has(value);
}

/** The row of an apicode; undefined for one the document does not define. */
export function apicodeSpec(apicode: string): ApicodeSpec | undefined {
  return BY_APICODE.get(apicode);
}

export function allApicodeSpecs(): readonly ApicodeSpec[] {
  return SPECS;
}
