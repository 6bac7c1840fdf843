import type { TransactionInput, TransactionRecord } from './events.ts';

/** The simulated site, in memory. Plain records so a seed is plain data and a snapshot is JSON. */

export interface AreaRecord {
  id: string;
  code: string;
  name: string;
}

export interface DepartmentRecord {
  code: string;
  name: string;
  parentCode: string | null;
  sortNo: number;
}

/** zkbio.md §6.3: acc access, att attendance, ele elevator, ins FaceKiosk, psg entrance control. */
export type DeviceModule = 'acc' | 'att' | 'ele' | 'ins' | 'psg';

export interface DeviceRecord {
  id: string;
  sn: string;
  /** The document's examples name devices by their IP. */
  name: string;
  ip: string;
  type: string;
  module: DeviceModule;
  /** `state`/`status` 1 enabled, 0 disabled (§5.6). */
  enabled: boolean;
  /** Not in device records; shows as DoorState `connect` and as -103 on remote control. */
  online: boolean;
  areaCode: string;
  /** Entrance-control devices only (§6.3). */
  gateType?: number;
}

export interface DoorRecord {
  id: string;
  name: string;
  deviceId: string;
  doorNo: number;
  /** §6.2 sensor: unknown, no sensor, off, open. */
  sensor: string;
  /** §6.2 alarm text. */
  alarm: string;
  /** Epoch ms until which the relay is open after a remote open; 0 when closed. */
  relayOpenUntil: number;
}

export interface ReaderRecord {
  id: string;
  doorId: string;
  name: string;
  readerNo: number;
  /** 0 in, 1 out. */
  readerState: 0 | 1;
}

export interface FloorRecord {
  id: string;
  floorNo: number;
  name: string;
  deviceId: string;
  releasedUntil: number;
}

export interface GateRecord {
  id: string;
  name: string;
  deviceId: string;
  /** §6.4 gateState: 0 offline, 1 online, 2 disabled, 3 lockdown. */
  gateState: number;
  /** §6.4 alarm code as text ("0" none … "7", "None" unknown). */
  alarm: string;
  /** Epoch ms until which the gate is open after a remote open. */
  openUntil: number;
  openType: number;
}

export interface GateReaderRecord {
  id: string;
  gateId: string;
  name: string;
  readerNo: number;
  readerState: 0 | 1;
}

/** Access (2.1), elevator (2.3), entrance-control (2.33) and visitor (2.17) levels. */
export type LevelKind = 'acc' | 'ele' | 'psg' | 'vis';

export interface LevelRecord {
  id: string;
  name: string;
  kind: LevelKind;
  timeSegName: string;
  areaName: string;
  /** Doors (acc and vis), floors (ele) or gates (psg) of the level; who holds it is `PersonRecord.accLevelIds`. */
  pointIds: string[];
  /** Epoch ms of the last syncLevel/syncPerson, for tests; 0 never. */
  syncedAt: number;
}

export interface PhotoRecord {
  size: number;
  sha256: string;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Kept only when the simulator keeps photo bytes (option keepPhotos). */
  base64?: string;
}

export interface PersonRecord {
  id: string;
  pin: string;
  name: string;
  lastName: string;
  deptCode: string;
  gender: string;
  cardNo: string;
  supplyCards: string;
  /** Every level the person holds, of any kind (the reply's `accLevelIds` shows the access ones). */
  accLevelIds: string[];
  accStartTime: string | null;
  accEndTime: string | null;
  birthday: string | null;
  hireDate: string | null;
  certType: string;
  certNumber: string;
  email: string;
  mobilePhone: string;
  ssn: string | null;
  isDisabled: boolean;
  isSendMail: boolean;
  personPwd: string;
  carPlate: string | null;
  photo: PhotoRecord | null;
  /** Set by 2.14.9 person/leave; cleared by 2.14.13 reinstated. */
  leaveDate: string | null;
}

export interface VisitorRecord {
  id: string;
  pin: string;
  name: string;
  lastName: string;
  certType: string;
  certNumber: string;
  company: string;
  carPlate: string;
  phone: string;
  email: string;
  /** Free text as in 2.18.6's example (e.g. "checked in", "checked out", "reserved"). */
  status: string;
  enabled: boolean;
  nationality: string;
  gender: string;
  hostPin: string;
  visitReason: string;
  startTime: string;
  endTime: string;
  levelIds: string[];
}

export interface BioTemplateRecord {
  id: string;
  pin: string;
  validType: number;
  bioType: number;
  version: string;
  template: string;
  templateNo: number;
}

export interface SiteSeed {
  areas: AreaRecord[];
  departments: DepartmentRecord[];
  devices: DeviceRecord[];
  doors: DoorRecord[];
  readers: ReaderRecord[];
  floors: FloorRecord[];
  gates: GateRecord[];
  gateReaders: GateReaderRecord[];
  levels: LevelRecord[];
  persons: PersonRecord[];
  visitors: VisitorRecord[];
  bioTemplates: BioTemplateRecord[];
  /** Past events, recorded as of their own times. */
  transactions: TransactionInput[];
  /** Time zones (time segments) besides the built-in one and those the levels use. */
  timeSegments?: string[];
}

/** The time zone every CVSecurity install has (the ZKBio wizard's default). */
export const BUILT_IN_TIME_SEGMENT = '24-Hour Accessible';

export class SimState {
  readonly areas: AreaRecord[];
  readonly departments: Map<string, DepartmentRecord>;
  readonly devices: DeviceRecord[];
  readonly doors: DoorRecord[];
  readonly readers: ReaderRecord[];
  readonly floors: FloorRecord[];
  readonly gates: GateRecord[];
  readonly gateReaders: GateReaderRecord[];
  readonly levels: LevelRecord[];
  /** By pin, in insertion order (lists page in that order). */
  readonly persons: Map<string, PersonRecord>;
  readonly visitors: VisitorRecord[];
  readonly bioTemplates: BioTemplateRecord[];
  /** sha256 of a photo → the face code `detectFace` answers for it (e.g. -5002 no face). */
  readonly faceVerdicts: Map<string, number>;
  /**
   * Time zone names a level can take (2.1.10 `timeSegName`, "the selected time zone name"). The
   * document has no call that lists or adds them: they are made in ZKBio's web page.
   */
  readonly timeSegments: Set<string>;

  constructor(seed: SiteSeed) {
    const copy = structuredClone(seed);
    this.areas = copy.areas;
    this.departments = new Map(copy.departments.map((dept) => [dept.code, dept]));
    this.devices = copy.devices;
    this.doors = copy.doors;
    this.readers = copy.readers;
    this.floors = copy.floors;
    this.gates = copy.gates;
    this.gateReaders = copy.gateReaders;
    this.levels = copy.levels;
    this.persons = new Map(copy.persons.map((person) => [person.pin, person]));
    this.visitors = copy.visitors;
    this.bioTemplates = copy.bioTemplates;
    this.faceVerdicts = new Map();
    this.timeSegments = new Set([BUILT_IN_TIME_SEGMENT, ...copy.levels.map((level) => level.timeSegName), ...(copy.timeSegments ?? [])]);
  }

  deviceById(id: string): DeviceRecord | undefined {
    return this.devices.find((device) => device.id === id);
  }

  deviceBySn(sn: string, module?: DeviceModule): DeviceRecord | undefined {
    return this.devices.find((device) => device.sn === sn && (module === undefined || device.module === module));
  }

  devicesOf(module: DeviceModule): DeviceRecord[] {
    return this.devices.filter((device) => device.module === module);
  }

  doorById(id: string): DoorRecord | undefined {
    return this.doors.find((door) => door.id === id);
  }

  doorByName(name: string): DoorRecord | undefined {
    return this.doors.find((door) => door.name === name);
  }

  areaOf(device: DeviceRecord): AreaRecord | undefined {
    return this.areas.find((area) => area.code === device.areaCode);
  }

  levelsOf(kind: LevelKind): LevelRecord[] {
    return this.levels.filter((level) => level.kind === kind);
  }

  level(kind: LevelKind, id: string): LevelRecord | undefined {
    return this.levels.find((level) => level.kind === kind && level.id === id);
  }

  levelByName(kind: LevelKind, name: string): LevelRecord | undefined {
    return this.levels.find((level) => level.kind === kind && level.name === name);
  }

  /** A person who has not left (2.14.9 moves people out of the personnel list). */
  person(pin: string): PersonRecord | undefined {
    const person = this.persons.get(pin);
    return person && person.leaveDate === null ? person : undefined;
  }

  activePersons(): PersonRecord[] {
    return [...this.persons.values()].filter((person) => person.leaveDate === null);
  }

  holders(levelId: string): PersonRecord[] {
    return this.activePersons().filter((person) => person.accLevelIds.includes(levelId));
  }

  deptName(code: string): string {
    return this.departments.get(code)?.name ?? '';
  }

  /** Whose card a number is (main or supplementary), to answer -23. */
  cardOwner(cardNo: string): string | undefined {
    for (const person of this.persons.values()) {
      if (person.cardNo === cardNo || person.supplyCards.split(',').includes(cardNo)) return person.pin;
    }
    return undefined;
  }

  /** The JSON the debug route shows: every record, photos as size and hash only. */
  snapshot(transactions: readonly TransactionRecord[]): Record<string, unknown> {
    return {
      areas: this.areas,
      departments: [...this.departments.values()],
      devices: this.devices,
      doors: this.doors,
      readers: this.readers,
      floors: this.floors,
      gates: this.gates,
      gateReaders: this.gateReaders,
      levels: this.levels,
      persons: [...this.persons.values()].map((person) => ({
        ...person,
        photo: person.photo ? { ...person.photo, base64: undefined } : null,
      })),
      visitors: this.visitors,
      bioTemplates: this.bioTemplates,
      transactions,
      faceVerdicts: Object.fromEntries(this.faceVerdicts),
    };
  }
}
