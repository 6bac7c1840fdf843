import { DEFAULT_CODEC_OPTIONS, type ZhejiangCodecOptions } from './options.ts';
import { looseList } from './loose-values.ts';
import { signRequest, type RequestFields } from './sign.ts';

/**
 * The params and HTTPS bodies as the switches of options.ts shape them: D5 (which spelling of a key
 * is sent — never both, that would change the signed text), D6 (JSON value types), D3 (HTTPS param
 * as an object or as a string). Keys in the document's order and nulls left out are D2, applied by
 * the serializer (json-text.ts) when the param is signed and sent.
 */

/** §2.1.4 / D20: C_AUTH's param (not tabulated; the example's two keys). */
export function authParam(deviceVersion: string, extendSn = ''): Record<string, unknown> {
  return { deviceVersion, extendSn };
}

/** §2.2.2: C_HEARTBEAT's param, the LAN IP under the key of D5. */
export function heartbeatParam(deviceVersion: string, deviceIp: string, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): Record<string, unknown> {
  return { deviceVersion, [options.deviceIpKey]: deviceIp };
}

/** One attendance record (§2.3.2); the optional objects are passed through in the table's shape. */
export interface AttendanceRecord {
  readonly personId: string;
  /** 1 face, 2 IC card, 4 health code, 8 ID card, 16 QR code, 32 iris, 64 mobile. */
  readonly type: number;
  readonly bitType?: number | undefined;
  /** base64 of the captured face; left out when the backend gives none. */
  readonly img?: string | undefined;
  /** Epoch milliseconds (E18). */
  readonly recordTime: number;
  /** °C; sent with one decimal (D6). */
  readonly temperature?: number | undefined;
  readonly qrCodeInfo?: Readonly<Record<string, unknown>> | undefined;
  readonly healthInfo?: Readonly<Record<string, unknown>> | undefined;
  readonly irisInfo?: string | undefined;
  readonly coordinate?: { readonly longitude: number; readonly latitude: number } | undefined;
}

/** C_SIGN_IN's param (D6: type and bitType as strings by default, recordTime an integer, temperature one decimal). */
export function signInParam(record: AttendanceRecord, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): Record<string, unknown> {
  const code = (value: number | undefined) => (value === undefined ? undefined : options.attendanceTypeAs === 'string' ? String(value) : value);
  return {
    personId: record.personId,
    type: code(record.type),
    bitType: code(record.bitType),
    qrCodeInfo: record.qrCodeInfo,
    img: record.img,
    healthInfo: record.healthInfo,
    recordTime: Math.trunc(record.recordTime),
    temperature: record.temperature === undefined ? undefined : Math.round(record.temperature * 10) / 10,
    irisInfo: record.irisInfo,
    coordinate: record.coordinate,
  };
}

export interface TaskResult {
  readonly taskid: string;
  /** 1 done, 2 failed, 3 unsupported (§3.2.2). */
  readonly status: 1 | 2 | 3;
  readonly failedPersons?: readonly { readonly personId: string; readonly errCode: string }[] | undefined;
  readonly failedFaces?: readonly { readonly personId: string; readonly errCode: string }[] | undefined;
}

/** T_UPDATE_TASKS_STATUS's param, the task id under the key of D5. */
export function taskStatusParam(tasks: readonly TaskResult[], personCount: number, faceCount: number, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): Record<string, unknown> {
  return {
    task: tasks.map(({ taskid, ...rest }) => ({ [options.taskStatusIdKey]: taskid, ...rest })),
    personCount,
    faceCount,
  };
}

/** A person's photo URLs: `imgUrls` as tabulated, `imgUrIs` as the examples print it (E34, D5). */
export function personImageUrls(person: Readonly<Record<string, unknown>>): string[] {
  const urlsOf = (value: unknown): string[] => {
    const list = looseList(value);
    if (list) return list.filter((url): url is string => typeof url === 'string' && url.trim() !== '').map((url) => url.trim());
    return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
  };
  const urls = urlsOf(person['imgUrls']);
  return urls.length > 0 ? urls : urlsOf(person['imgUrIs']);
}

/**
 * The HTTPS request body (D3, D21): `{version, sn, token, apicode, taskid, param, sign}`, keys in
 * the tables' order, the D2 param text spliced in verbatim (object mode) or as a JSON string
 * (string mode); the sign covers the unescaped text either way. Returns the exact body text.
 */
export function httpsRequestBody(fields: RequestFields, accessSecret: string, options: ZhejiangCodecOptions = DEFAULT_CODEC_OPTIONS): string {
  const signed = signRequest(fields, accessSecret, options);
  const parts: string[] = [];
  const add = (key: string, json: string | undefined) => {
    if (json !== undefined) parts.push(`${JSON.stringify(key)}:${json}`);
  };
  const str = (value: string | null | undefined) => (value === null || value === undefined ? undefined : JSON.stringify(value));
  add('version', str(fields.version));
  add('sn', str(fields.sn));
  add('token', str(fields.token));
  add('apicode', str(fields.apicode));
  add('taskid', str(fields.taskid));
  const sent = signed.paramText;
  add('param', sent === undefined ? undefined : options.httpsParamEncoding === 'string' ? JSON.stringify(sent) : sent);
  add('sign', JSON.stringify(signed.sign));
  return `{${parts.join(',')}}`;
}
