import { formatDateTime } from '../common/local-time.ts';
import type { PassRecord, SimState } from './state.ts';

/**
 * The plaintext `data` of K30's two callbacks (seed 000 §7; k30.md §7.2, §7.3, §7.4), key order as
 * the document's tables list them.
 *
 * `authstatus` (下发成功记录回调): `{no, deviceno, resultcode, msg}`, every value a string, msg
 * `上报成功` / `上报失败` as its two examples print them.
 *
 * `UploadRecord` is documented twice with different fields (k30.md E19), so the simulator speaks
 * either, by the `recordForm` switch:
 * - `strings` (default; 人员通行后回调记录, the only section with an example, whose values are all
 *   strings): recordNo, peopleNo, peopleName, deviceNo, deviceName, outinType, companyName (the
 *   region's name, E20), recogMode, addTime, exceptionMode, photo;
 * - `integers` (设备识别记录转发第三方): recordNo, departmentNo, departmentName, peopleNo, peopleName,
 *   deviceNo, deviceName, outinType, recogMode and exceptionMode as JSON integers, addTime, photo;
 * - `example`: the `strings` fields in the order of 人员通行后回调记录's example, with its lowercase
 *   `deviceno` (`{"recordNo":…,"deviceno":…,"peopleNo":………}`), for a receiver that must read
 *   names case-insensitively (E19).
 * The simulator's choices where the document is silent: `addTime` `yyyy-MM-dd HH:mm:ss` as
 * record.list writes it (E18); `recogMode` the record's `mode` (11 for a remote open), `-8` for a
 * stranger (the callback's code for 陌生人); `exceptionMode` `1` for a normal pass, `0` otherwise
 * (E36); `photo` the record's pre-signed snapshot link (snapshots.ts; "" for a remote open), the same
 * record.list gives.
 */
export const RECORD_FORMS = ['strings', 'integers', 'example'] as const;
export type RecordForm = (typeof RECORD_FORMS)[number];

export const SYNC_OK_MSG = '上报成功';
export const SYNC_FAIL_MSG = '上报失败';

/** A per-device result of people.sync, as authstatus reports it. */
export interface SyncResult {
  readonly no: string;
  readonly deviceno: string;
  readonly resultcode: '1' | '0';
  readonly msg: string;
}

export function authstatusPayload(result: SyncResult): Record<string, string> {
  return { no: result.no, deviceno: result.deviceno, resultcode: result.resultcode, msg: result.msg };
}

export function uploadRecordPayload(record: PassRecord, state: SimState, form: RecordForm, photo = ''): Record<string, string | number> {
  const device = state.devices.get(record.deviceno);
  const recogMode = record.group === 1 ? -8 : record.mode;
  const exceptionMode = record.exceptionmode === 1 ? 1 : 0;
  const addTime = formatDateTime(new Date(record.at));
  const deviceName = device?.name ?? '';
  if (form === 'integers') {
    return {
      recordNo: record.no,
      departmentNo: record.deptno,
      departmentName: state.departments.get(record.deptno)?.name ?? '',
      peopleNo: record.peopleno,
      peopleName: record.peoplename,
      deviceNo: record.deviceno,
      deviceName,
      outinType: record.outintype,
      recogMode,
      addTime,
      exceptionMode,
      photo,
    };
  }
  const rest = {
    peopleName: record.peoplename,
    deviceName,
    outinType: String(record.outintype),
    companyName: device ? state.regionName(device.regionno) : '',
    recogMode: String(recogMode),
    addTime,
    exceptionMode: String(exceptionMode),
    photo,
  };
  if (form === 'example') return { recordNo: record.no, deviceno: record.deviceno, peopleNo: record.peopleno, ...rest };
  const { peopleName, deviceName: name, ...after } = rest;
  return { recordNo: record.no, peopleNo: record.peopleno, peopleName, deviceNo: record.deviceno, deviceName: name, ...after };
}
