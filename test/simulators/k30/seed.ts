import { formatDateTime } from '../common/local-time.ts';
import type { DeviceRecord, PersonRecord, SiteSeed } from './state.ts';

/**
 * The demo site: the default region (区域 "默认区域", as every device example names it) and a gate
 * region under it; a department bound to the gate's devices, with one worker already enrolled and pushed there; three
 * face terminals (in K30 a device is the door): the gate's entry and exit, online, and a site-office
 * door that is offline. Numbers in the document's forms (16-digit person / department / region
 * numbers, device numbers like `220114020314C`); addresses in 192.0.2.0/24 (documentation range:
 * data only, never dialled). Fixed, so tests and the demo can name things.
 */
export const SEED_IDS = {
  defaultRegion: '1700000000000001',
  gateRegion: '1700000000000002',
  department: '1700000000000101',
  gateIn: '240601080001A',
  gateOut: '240601080002B',
  office: '240601080003C',
  zhangSan: '1700000000000201',
} as const;

/** The document's verified example company number (visitor.create, k30.md §2.5 V2): a 16-byte AES-128 key. */
export const DEFAULT_COMPANY_NO = '1762766749844335';

/** people.create's default `effdate`: "不填则默认50年" — the same time of day, 50 years on. */
export function fiftyYearsOn(now: Date): Date {
  const end = new Date(now.getTime());
  end.setFullYear(end.getFullYear() + 50);
  return end;
}

function device(no: string, name: string, ip: string, area: string, regionno: string, outintype: 0 | 1, online: boolean): DeviceRecord {
  return { no, name, ip, area, regionno, outintype, isenableattend: 1, online, holdMode: 0 };
}

export function defaultSeed(now: Date): SiteSeed {
  const zhangSan: PersonRecord = {
    no: SEED_IDS.zhangSan,
    name: '张三',
    deptno: SEED_IDS.department,
    jobnumber: 'A0001',
    phone: '13800000001',
    sex: '1',
    idcard: '',
    iccard: '1000000001',
    startdate: formatDateTime(now),
    effdate: formatDateTime(fiftyYearsOn(now)),
    entrydate: formatDateTime(now),
    pwd: '',
    carno: '',
    nation: '',
    native: '',
    residence: '',
    remark: '',
    devices: [SEED_IDS.gateIn, SEED_IDS.gateOut],
  };
  return {
    regions: [
      { no: SEED_IDS.defaultRegion, name: '默认区域', parentno: '', isdefault: 1, linkage: '0', manual: '0' },
      { no: SEED_IDS.gateRegion, name: '工地大门', parentno: SEED_IDS.defaultRegion, isdefault: 0, linkage: '0', manual: '0' },
    ],
    departments: [{ no: SEED_IDS.department, name: '项目部', linkername: '', linkerphone: '', parentno: '', remark: '', devices: [SEED_IDS.gateIn, SEED_IDS.gateOut] }],
    devices: [
      device(SEED_IDS.gateIn, '大门入口', '192.0.2.41', '大门', SEED_IDS.gateRegion, 1, true),
      device(SEED_IDS.gateOut, '大门出口', '192.0.2.42', '大门', SEED_IDS.gateRegion, 0, true),
      device(SEED_IDS.office, '办公室门', '192.0.2.43', '项目部2楼', SEED_IDS.defaultRegion, 1, false),
    ],
    people: [zhangSan],
  };
}

/** A fresh installation: only the default region every K30 has. */
export function emptySeed(): SiteSeed {
  return {
    regions: [{ no: SEED_IDS.defaultRegion, name: '默认区域', parentno: '', isdefault: 1, linkage: '0', manual: '0' }],
    departments: [],
    devices: [],
    people: [],
  };
}
