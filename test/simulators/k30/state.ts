/**
 * The simulated K30 installation, in memory: plain records, so a seed is plain data and a snapshot
 * is JSON. Field names are the document's request names (lowercase: `jobnumber`, `idcard`), which
 * the handlers turn into each reply's own spelling (people.list's `jobNumber`, `idCard`, …).
 */

/**
 * A stored image: what the simulator checked, and the bytes when it keeps them, served at `/<path>`
 * — `Files/arkcloudweb/<yyyyMMdd>/<number>.jpeg`, the form of the document's region.peopleList
 * example (`http://192.168.2.135:8050/Files/arkcloudweb/20260323/1774234284021396.jpeg`).
 */
export interface PhotoRecord {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly width: number;
  readonly height: number;
  readonly bytes?: Buffer;
}

export interface RegionRecord {
  no: string;
  name: string;
  /** "" = under the default (root) region. */
  parentno: string;
  isdefault: 0 | 1;
  /** 消防联动 0 disabled (default), 1 enabled. */
  linkage: '0' | '1';
  /** 报警解除 0 automatic (default), 1 manual. */
  manual: '0' | '1';
}

export interface DepartmentRecord {
  no: string;
  name: string;
  linkername: string;
  linkerphone: string;
  parentno: string;
  remark: string;
  /**
   * 部门绑定设备: the devices people.sync pushes to when given only `deptno` (its note (2)). Bound in
   * K30's own UI — the API has no call for it — so only a seed (or /__sim/) sets them.
   */
  devices: string[];
}

/** 0 未知, 1 男, 2 女 (people.create `sex`). */
export type SexCode = '0' | '1' | '2';

export interface PersonRecord {
  no: string;
  name: string;
  deptno: string;
  jobnumber: string;
  phone: string;
  sex: SexCode;
  idcard: string;
  iccard: string;
  /** `yyyy-MM-dd HH:mm:ss`. */
  startdate: string;
  effdate: string;
  entrydate: string;
  photo?: PhotoRecord | undefined;
  idcardphoto?: PhotoRecord | undefined;
  pwd: string;
  carno: string;
  nation: string;
  native: string;
  residence: string;
  remark: string;
  /** Devices the person was pushed to (people.sync). */
  devices: string[];
}

export interface DeviceRecord {
  /** 设备编号, e.g. `220114020314C` (the document's example form). */
  no: string;
  name: string;
  ip: string;
  area: string;
  regionno: string;
  outintype: 0 | 1;
  isenableattend: 0 | 1;
  online: boolean;
  /** device.setLongOpen: 0 normal (the seed's state; the API has no way back, E37), 1 常开, 2 常关. */
  holdMode: 0 | 1 | 2;
}

export interface VisitorRecord {
  no: string;
  name: string;
  phone: string;
  staffno: string;
  reason: string;
  begintime: string;
  endtime: string;
  idcard: string;
  carno: string;
  /** A photo sent as base64 … */
  photo?: PhotoRecord | undefined;
  /** … or as a URL the devices fetch themselves. */
  photoUrl?: string | undefined;
  devices: string[];
}

/** A pass record as record.list returns it (every value a string there), with epoch ms for filtering. */
export interface PassRecord {
  no: string;
  deviceno: string;
  peopleno: string;
  peoplename: string;
  jobnumber: string;
  deptno: string;
  iccard: string;
  /** 0 白名单, 1 陌生人, 10 访客. */
  group: number;
  /** 0 智能识别 … 11 远程开门 (record.list `mode`). */
  mode: number;
  outintype: 0 | 1;
  /** 1 normal, anything else denied. */
  exceptionmode: number;
  at: number;
}

export interface SiteSeed {
  readonly regions: readonly RegionRecord[];
  readonly departments: readonly DepartmentRecord[];
  readonly devices: readonly DeviceRecord[];
  readonly people: readonly PersonRecord[];
  readonly records?: readonly PassRecord[];
}

export class SimState {
  readonly companyNo: string;
  readonly regions = new Map<string, RegionRecord>();
  readonly departments = new Map<string, DepartmentRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly people = new Map<string, PersonRecord>();
  readonly visitors = new Map<string, VisitorRecord>();
  /** Stored photos by path. */
  readonly photos = new Map<string, PhotoRecord>();
  /** Oldest first. */
  readonly records: PassRecord[] = [];
  /** How many times people.create / people.update wrote each jobnumber (a test counts repeated writes). */
  readonly personWrites = new Map<string, number>();
  /** A test's verdict: people.create / people.update refuse the photo of this jobnumber with this message (as a face-quality check would). */
  readonly photoRefusals = new Map<string, string>();
  /** A test's verdict: people.delete refuses the person with this jobnumber with this message (as a locked record would). */
  readonly deleteRefusals = new Map<string, string>();
  private lastNo = 0;

  constructor(companyNo: string, seed: SiteSeed) {
    this.companyNo = companyNo;
    for (const region of seed.regions) this.regions.set(region.no, { ...region });
    for (const department of seed.departments) this.departments.set(department.no, { ...department, devices: [...department.devices] });
    for (const device of seed.devices) this.devices.set(device.no, { ...device });
    for (const person of seed.people) {
      this.people.set(person.no, { ...person, devices: [...person.devices] });
      for (const photo of [person.photo, person.idcardphoto]) if (photo) this.photos.set(photo.path, photo);
    }
    for (const record of seed.records ?? []) this.records.push({ ...record });
  }

  /**
   * A new 16-digit number like the document's (`1744965266261879`, `1763630523605347`: epoch ms and
   * three more digits), increasing, never reused.
   */
  nextNo(nowMs: number): string {
    this.lastNo = Math.max(this.lastNo + 1, nowMs * 1000);
    return String(this.lastNo);
  }

  /** A people.create / people.update went through for this jobnumber. */
  wrotePerson(jobnumber: string): void {
    this.personWrites.set(jobnumber, (this.personWrites.get(jobnumber) ?? 0) + 1);
  }

  defaultRegion(): RegionRecord | undefined {
    return [...this.regions.values()].find((region) => region.isdefault === 1);
  }

  regionName(no: string): string {
    return this.regions.get(no)?.name ?? '';
  }

  snapshot(): Record<string, unknown> {
    const strip = (photo: PhotoRecord | undefined) => (photo ? { path: photo.path, sha256: photo.sha256, size: photo.size, width: photo.width, height: photo.height } : undefined);
    return {
      companyNo: this.companyNo,
      regions: [...this.regions.values()],
      departments: [...this.departments.values()],
      devices: [...this.devices.values()],
      people: [...this.people.values()].map((person) => ({ ...person, photo: strip(person.photo), idcardphoto: strip(person.idcardphoto) })),
      visitors: [...this.visitors.values()].map((visitor) => ({ ...visitor, photo: strip(visitor.photo) })),
      records: this.records,
    };
  }
}
