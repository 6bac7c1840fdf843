import { z } from 'zod';
import { K30CredentialsSchema } from '../../../shared/contract/backends.ts';
import type { IncomingEvent } from '../../../shared/contract/incoming-event.ts';
import { PushRejected } from '../../net/push-rejected.ts';
import { DriverError } from '../driver-error.ts';
import { fieldsByLowerName, int, text } from '../record-fields.ts';
import type { DeviceSyncResult, PushContext, PushDelivery, VendorPush } from '../vendor-descriptor.ts';
import { toAccessEvent } from './mapping.ts';
import { openEnvelope, percentEncode } from './sign.ts';

/**
 * K30's callbacks (seed 000 下发成功记录回调, 人员通行后回调记录, 设备识别记录转发第三方; k30.md §7):
 * K30 posts `{companyno, method, timestamp, data, sign}` to the third-party URL the installer types
 * into the K30 software ("在K30软件中自定义配置转发第三方url"); Doorman registers nothing.
 *
 * Read as the API's replies are (sign.ts `openEnvelope`): `data` decrypted with the company number
 * (AES, E33) — or taken as the plaintext the document's examples print (E9) —, the sign checked
 * over every other field with `data` as that plaintext, `method` included (§2.3), under the
 * receiver's `off | warn | strict`. Refused: another company's number (403: K30 is configured with
 * another backend's, or a stranger is posting), a sign that matches neither reading in `strict`
 * (401), data that does not decrypt or is not JSON (400), a method the document does not name (422).
 *
 * `method` `authstatus` (§7.2): one person pushed to one device — a device sync result.
 * `UploadRecord` (§7.3 and §7.4, documented twice with different fields, E19): a pass record. Names
 * are read case-insensitively (`deviceNo` and the example's `deviceno`), values as strings or
 * integers; the record becomes the event record.list gives for the same record — the same
 * `k30:<record no>` id (mapping.ts) — so the store keeps it once, however it came.
 */

/** The envelope; the document states no content type, so a form-encoded one (all strings) is read too. */
const CallbackEnvelopeSchema = z.looseObject({
  companyno: z.union([z.string(), z.number().transform(String)]),
  method: z.string().min(1).max(32),
  timestamp: z.union([z.string(), z.number().transform(String)]).optional(),
  sign: z.string().max(64).optional(),
  data: z.union([z.string(), z.record(z.string(), z.unknown())]),
});

/**
 * What Doorman answers a callback it took. The document gives no reply (k30.md §7.1, E35): HTTP 200
 * at once, with K30's own reply envelope's success form (`resultcode "1"`), in case the K30 software
 * reads it.
 */
export const K30_CALLBACK_ACK = JSON.stringify({ resultcode: '1', msg: 'success' });

/** The callback methods of §7.1, by their lower-case name. */
const AUTH_STATUS = 'authstatus';
const UPLOAD_RECORD = 'uploadrecord';

/** record.list's `group` for a stranger (陌生人); the callbacks say `recogMode -8` instead. */
const STRANGER_GROUP = '1';
const STRANGER_MODE = -8;

/**
 * `data` as the ciphertext sign.ts reads: base64 percent-encoded. A form decoder has already turned
 * `%2b` into `+` (and a sender that did not encode may leave `+` that a form decoder made a space):
 * plain base64 is encoded back, so the same callback reads the same in JSON or in a form.
 */
function wireData(data: string): string {
  if (data.includes('%') || /^\s*[[{]/.test(data)) return data;
  const base64 = data.replaceAll(' ', '+');
  return /^[A-Za-z0-9+/=]+$/.test(base64) ? percentEncode(base64) : data;
}

/** A pass record as record.list would list it (records.ts PassRecordSchema), then as its event. */
function passEvent(data: Record<string, unknown>, context: PushContext): IncomingEvent {
  const recordNo = text(data['recordno']);
  if (recordNo === null) throw new PushRejected(400, 'UploadRecord without recordNo');
  const addTime = text(data['addtime']);
  if (addTime === null) throw new PushRejected(400, `UploadRecord ${recordNo.slice(0, 50)} without addTime`);
  const peopleNo = text(data['peopleno']);
  const recogMode = int(data['recogmode']);
  const stranger = recogMode === STRANGER_MODE;
  const listed = {
    no: recordNo,
    deviceno: text(data['deviceno']),
    peopleno: peopleNo,
    peoplename: text(data['peoplename']),
    jobnumber: peopleNo === null ? null : context.pinOf(peopleNo),
    group: stranger ? STRANGER_GROUP : null,
    mode: stranger ? null : text(data['recogmode']),
    addtime: addTime,
    outintype: text(data['outintype']),
    exceptionmode: text(data['exceptionmode']),
    photo: text(data['photo']),
  };
  return { event: toAccessEvent(listed), raw: data };
}

/** The envelope's `timestamp` when it is the documented `yyyyMMddHHmmssfff` (it then sorts by time), else null. */
const SORTABLE_TIMESTAMP = /^\d{17}$/;

function syncResult(data: Record<string, unknown>, timestamp: string | undefined): DeviceSyncResult {
  const personNo = text(data['no']);
  const deviceNo = text(data['deviceno']);
  if (personNo === null || deviceNo === null) throw new PushRejected(400, 'authstatus without no or deviceno');
  const reportedAt = timestamp !== undefined && SORTABLE_TIMESTAMP.test(timestamp) ? timestamp : null;
  return { personNo, deviceNo, ok: int(data['resultcode']) === 1, message: text(data['msg']) ?? '', reportedAt };
}

/** One callback, read for the backend of `context`; PushRejected with its status when refused. */
export function readK30Callback(payload: unknown, context: PushContext): PushDelivery {
  const parsed = CallbackEnvelopeSchema.safeParse(payload);
  if (!parsed.success) {
    throw new PushRejected(400, `not a K30 callback: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const envelope = parsed.data;
  const { companyNo } = K30CredentialsSchema.parse(context.credentials);
  if (envelope.companyno !== companyNo) {
    throw new PushRejected(403, `callback for company number "${envelope.companyno.slice(0, 32)}", not this backend's: set the K30 software's forwarding URL for this backend only`);
  }
  const data = typeof envelope.data === 'string' ? wireData(envelope.data) : envelope.data;
  let opened: ReturnType<typeof openEnvelope>;
  try {
    opened = openEnvelope({ ...envelope, data }, companyNo, { signCheck: context.signCheck, endpoint: envelope.method });
  } catch (error) {
    if (error instanceof DriverError) throw new PushRejected(error.details?.['reason'] === 'bad-sign' ? 401 : 400, error.message);
    throw error;
  }
  const warnings = opened.sign.warning ? [`${envelope.method} callback: the sign does not match the company number (taken: sign check "warn")`] : [];
  const body = fieldsByLowerName(opened.json === '' ? {} : JSON.parse(opened.json));
  switch (envelope.method.toLowerCase()) {
    case AUTH_STATUS:
      return { events: [], deviceResults: [syncResult(body, envelope.timestamp)], warnings };
    case UPLOAD_RECORD:
      return { events: [passEvent(body, context)], deviceResults: [], warnings };
    default:
      throw new PushRejected(422, `callback method "${envelope.method}" is neither authstatus nor UploadRecord`);
  }
}

/** K30's push as the receiver reads it: the URL is typed into the K30 software; JSON or form bodies. */
export const k30Push: VendorPush = {
  registration: {
    kind: 'manual',
    where: {
      en: 'the K30 software’s third-party forwarding URL setting (在K30软件中配置转发第三方URL)',
      'zh-CN': 'K30 软件中的转发第三方 URL 设置（在K30软件中配置转发第三方URL）',
    },
  },
  bodies: ['json', 'form'],
  read: readK30Callback,
  acknowledgement: K30_CALLBACK_ACK,
};
