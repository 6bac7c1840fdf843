import { words } from '../common/catalog.ts';
import type { EndpointEntry } from '../common/catalog.ts';

/**
 * Every endpoint of 门禁软件K30开放接口 (seed 000: 27 endpoints; its 3 callbacks go the other way,
 * K30 → the integrator, and have no path here), generated once from
 * ../shared/specs/k30.endpoints.json (its paths, and the people, department and device tables,
 * checked against the seed; no disagreement found), so the simulator and its tests never read
 * outside the repository.
 *
 * Paths exactly as the document prints them, case included (`/openapi/people/getlist` next to
 * `/openapi/Device/GetList`, k30.md E12) — and department.delete at the document's odd
 * `/api/v2/department/Delete` (k30.md E11; the `/openapi/department/Delete` one would expect is
 * not documented). The document never names a method; POST carries the JSON envelope (E13).
 *
 * Row: [id, path, request fields, reply fields, success msg, failure msg] — the msgs as the
 * section's 4.1/4.2 examples print them.
 * - request fields (the plaintext `data` object): `name:kind[maxLength][!]` with kind s (string /
 *   String), i (Int), d (date: text); no length = `max`; `!` = 必填 是.
 *   attendance `startdate`/`effdate` are typed `date` length 11, yet calculate's examples are
 *   19 characters (E16): no length is checked for them.
 * - reply fields (the plaintext `data`): `name:kind` with kind s, i, a (List<>); `data[].x` is a
 *   field of each list item.
 */
export type FieldKind = 's' | 'i' | 'd';
export type ReplyKind = 's' | 'i' | 'a';

export interface CatalogField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Characters; undefined for `max`, and for Int fields (their "11" is a column width, not a rule to check). */
  readonly maxLength: number | undefined;
  readonly required: boolean;
}

export interface ReplyField {
  readonly name: string;
  readonly kind: ReplyKind;
}

export interface CatalogEntry extends EndpointEntry<'POST', 'envelope', 'none' | 'object' | 'paged', CatalogField, ReplyField> {
  readonly okMsg: string;
  readonly failMsg: string;
}

type Row = readonly [string, string, string, string, string, string];

const PAGE = 'pageindex:i11! pagesize:i11!';
const PAGED = 'total:i totalPage:i';

// prettier-ignore
const ROWS: readonly Row[] = [
  ['people.create', '/openapi/people/Create', 'name:s50! deptno:s50! jobnumber:s50! phone:s50 sex:s10 idcard:s50 iccard:s50 startdate:s50 effdate:s50 photo:s idcardphoto:s pwd:s6 carno:s50 entrydate:s50 nation:s50 native:s50 residence:s50', 'no:s', 'Success', '失败'],
  ['people.update', '/openapi/people/Update', 'no:s50! name:s50! deptno:s50! jobnumber:s50! phone:s50 sex:s10 idcard:s50 iccard:s50 startdate:s50 effdate:s50 photo:s idcardphoto:s pwd:s6 carno:s50 entrydate:s50 nation:s50 native:s50 residence:s50', '', 'Success', '失败'],
  ['people.delete', '/openapi/people/Delete', 'no:s50!', '', 'Success', '失败'],
  ['people.list', '/openapi/people/getlist', `${PAGE} deptno:s32 no:s32 name:s32 phone:s32 idcard:s32 iccard:s32`, `${PAGED} data[].no:s data[].jobNumber:s data[].name:s data[].sex:s data[].phone:s data[].idCard:s data[].icCard:s data[].type:s data[].photo:s data[].idCardPhoto:s data[].remark:s data[].startDate:s data[].effDate:s data[].native:s data[].nation:s data[].residence:s data[].deptNo:s data[].deptName:s`, '获取列表成功', '获取列表失败'],
  ['people.sync', '/openapi/people/syncwhitelist', 'no:s50! device_nos:s512 deptno:s100', '', 'Success', '失败'],
  ['department.create', '/openapi/department/Create', 'name:s50! linkername:s50 linkerphone:s50 parentno:s50 remark:s100', 'no:s', 'Success', '失败'],
  ['department.update', '/openapi/department/Update', 'no:s50! name:s50! linkername:s50 linkerphone:s50 parentno:s50 remark:s100', '', 'Success', '失败'],
  ['department.delete', '/api/v2/department/Delete', 'no:s50!', '', 'Success', '失败'],
  ['department.list', '/openapi/department/getlist', `${PAGE} no:s32 name:s32`, `${PAGED} data[].no:s data[].name:s data[].linkerphone:s data[].linkername:s data[].parentno:s data[].remark:s data[].companyno:s`, '获取列表成功', '获取列表失败'],
  ['attendance.calculate', '/openapi/attendance/attcalculate', 'staffnos:s2560 deptnos:s2560 startdate:d! effdate:d!', '', '考勤计算成功', 'Exception'],
  ['attendance.dailyReport', '/openapi/attendance/getdayrptlist', `${PAGE} deptno:s32 no:s32 name:s32 jobnumber:s32 startdate:d! effdate:d!`, `${PAGED} data[].peopleno:s data[].jobNumber:s data[].name:s data[].deptname:s data[].attdate:s data[].timePeriodName:s data[].shiftTimeData:s data[].cardValidData:s data[].cardValidCount:s data[].shouldTotal:s data[].actualTotal:s data[].validTotal:s data[].lateCountTotal:s data[].lateData:s data[].lateTotal:s data[].earlyCountTotal:s data[].earlyData:s data[].earlyTotal:s data[].overtimeUsualTotal:s data[].overtimeRestTotal:s data[].overtimeHolidayTotal:s data[].overtimeTotal:s data[].absentTotal:s data[].absentLeaveTotal:s data[].marryLeaveTotal:s data[].maternityLeaveTotal:s data[].sickLeaveTotal:s data[].yearLeaveTotal:s data[].funeralLeaveTotal:s data[].paternityLeaveTotal:s data[].breastfeedingLeaveTotal:s data[].businessTotal:s data[].goOutTotal:s`, '获取列表成功', '获取列表失败'],
  ['attendance.monthlyReport', '/openapi/attendance/getmonthrptlist', `${PAGE} deptno:s32 no:s32 name:s32 jobnumber:s32 startdate:d! effdate:d!`, `${PAGED} data[].peopleno:s data[].jobNumber:s data[].name:s data[].deptname:s data[].shouldDays:s data[].actualDays:s data[].validDays:s data[].monthAttDataList:a data[].monthAttDataList[].date:s data[].monthAttDataList[].content:s`, '获取列表成功', '获取列表失败'],
  ['attendance.abnormalReport', '/openapi/attendance/getabnormalrptlist', `${PAGE} startdate:d! effdate:d! deptno:s32 no:s32 name:s32 jobnumber:s32`, `${PAGED} data[].peopleno:s data[].jobNumber:s data[].name:s data[].deptname:s data[].attdate:s data[].timePeriodName:s data[].shiftTimeData:s data[].cardValidData:s data[].cardInvalidData:s data[].lateTotal:s data[].earlyTotal:s data[].absentTotal:s data[].absentLeaveTotal:s data[].marryLeaveTotal:s data[].maternityLeaveTotal:s data[].sickLeaveTotal:s data[].yearLeaveTotal:s data[].funeralLeaveTotal:s data[].paternityLeaveTotal:s data[].breastfeedingLeaveTotal:s data[].businessTotal:s data[].goOutTotal:s`, '获取列表成功', '获取列表失败'],
  ['record.list', '/openapi/record/getlist', `${PAGE} startdate:s32! effdate:s32! deptno:s32 peopleno:s32 peoplename:s32 deviceno:s32 group:i11 mode:i11`, `${PAGED} data[].no:s data[].deviceno:s data[].peopleno:s data[].peoplename:s data[].jobnumber:s data[].photo:s data[].iccard:s data[].group:s data[].mode:s data[].addtime:s data[].outintype:s data[].exceptionmode:s`, '获取列表成功', '获取列表失败'],
  ['device.list', '/openapi/Device/GetList', `${PAGE} deviceno:s32 devicename:s32 ip:s32`, `${PAGED} data[].no:s data[].name:s data[].ip:s data[].area:s data[].regionname:s data[].outintype:i data[].isenableattend:i data[].onlinestatus:i`, '查询成功', '获取列表失败'],
  ['device.status', '/openapi/Device/GetDeviceStatus', 'deviceno:s32!', 'no:s name:s ip:s area:s regionname:s outintype:i isenableattend:i onlinestatus:i', 'Success', '失败'],
  ['device.update', '/openapi/Device/Update', 'no:s50! ip:s50! name:s50! area:s100 regionname:s100 outintype:i10 isenableattend:i10', '', 'Success', '失败'],
  ['device.openDoor', '/openapi/Device/OpenDoor', 'deviceno:s32!', '', '开门成功', '操作失败'],
  ['device.setLongOpen', '/openapi/Device/SetLongOpenByDevice', 'deviceno:s32! mode:i11!', '', '设置成功', '操作失败'],
  ['visitor.create', '/openapi/visitor/Create', 'name:s50! phone:s50! photo:s staffno:s50! reason:s50 begintime:s50! endtime:s50! idcard:s50! carno:s50', 'no:s', '新增访客成功', '失败'],
  ['visitor.sync', '/openapi/visitor/SyncVisitor', 'no:s50! devicenos:s!', '', '下发成功', '下发失败'],
  ['visitor.delete', '/openapi/visitor/Delete', 'no:s50!', '', '删除成功', '删除失败'],
  ['region.create', '/openapi/region/Create', 'name:s50! parentno:s50 linkage:s10 manual:s10', 'no:s', 'Success', '失败'],
  ['region.update', '/openapi/region/Update', 'no:s50! name:s50! parentno:s50 linkage:s10 manual:s10', '', 'Success', '失败'],
  ['region.delete', '/openapi/region/Delete', 'no:s50!', '', 'Success', '失败'],
  ['region.list', '/openapi/region/getlist', `${PAGE} no:s32 name:s32 parentno:s32`, `${PAGED} data[].no:s data[].name:s data[].companyno:s data[].parentno:s data[].isdefault:i data[].linkage:s data[].manual:s`, '获取列表成功', '获取列表失败'],
  // rolename is typed int but its example is "" (k30.md E22): the simulator writes the example's "".
  ['region.peopleList', '/openapi/region/getpeoplelist', `${PAGE} no:s32! name:s32 phone:s32 idcard:s32 iccard:s32 startdate:s32 effdate:s32`, `${PAGED} data[].no:s data[].name:s data[].jobnumber:s data[].deptno:s data[].deptname:s data[].rolename:s data[].phone:s data[].idcard:s data[].iccard:s data[].sex:s data[].photo:s data[].deviceno:s data[].entertime:s`, '获取列表成功', '获取列表失败'],
];

const FIELD = /^([A-Za-z_]+):([sid])(\d*)(!?)$/;

function parseField(token: string): CatalogField {
  const match = FIELD.exec(token);
  if (!match) throw new Error(`k30 catalog: bad field ${token}`);
  const [, name = '', kind = 's', length = '', bang = ''] = match;
  return { name, kind: kind as FieldKind, maxLength: kind === 'i' || length === '' ? undefined : Number(length), required: bang === '!' };
}

function parseReplyField(token: string): ReplyField {
  const at = token.lastIndexOf(':');
  return { name: token.slice(0, at), kind: token.slice(at + 1) as ReplyKind };
}

export const CATALOG: readonly CatalogEntry[] = ROWS.map(([id, path, fields, replyFields, okMsg, failMsg]) => {
  const reply = replyFields.startsWith(PAGED) ? 'paged' : replyFields === '' ? 'none' : 'object';
  return { id, method: 'POST', path, body: 'envelope', reply, fields: words(fields).map(parseField), replyFields: words(replyFields).map(parseReplyField), okMsg, failMsg };
});

const BY_ID = new Map(CATALOG.map((entry) => [entry.id, entry]));

export function catalogEntry(id: string): CatalogEntry {
  const entry = BY_ID.get(id);
  if (!entry) throw new Error(`unknown K30 endpoint id ${id}`);
  return entry;
}
