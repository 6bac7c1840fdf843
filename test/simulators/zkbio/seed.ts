import type { TransactionInput } from './events.ts';
import type {
  DeviceRecord,
  DoorRecord,
  GateRecord,
  LevelRecord,
  PersonRecord,
  ReaderRecord,
  SiteSeed,
} from './state.ts';
import { hexId } from './time.ts';

/**
 * A small plausible site: one area, four departments, two access controllers (an inBIO with two
 * doors, a SpeedFace with one), an elevator controller with three floors, a flap-barrier lane, two
 * access levels and three people. Names follow the document's examples (devices named by IP, doors
 * `<ip>-<n>`, readers `<door>-In`/`-Out`).
 */
export function defaultSeed(now: Date): SiteSeed {
  const area = { id: hexId('area:1'), code: '1', name: 'Area 1' };
  const acc1 = device('acc', 'DMS4200960001', '192.168.1.201', 'inBIO260');
  const acc2 = device('acc', 'DMS4200960002', '192.168.1.202', 'SpeedFace-V5L');
  const ele = device('ele', 'DMS4200960010', '192.168.1.210', 'EC10');
  const psg = { ...device('psg', 'DMS4200960020', '192.168.1.220', 'ZK-S1007'), gateType: 2 };
  const doors = [door(acc1, 1), door(acc1, 2), door(acc2, 1)];
  const readers: ReaderRecord[] = doors.flatMap((d) => (d.deviceId === acc2.id ? [reader(d, 0)] : [reader(d, 0), reader(d, 1)]));
  const floors = [1, 2, 3].map((floorNo) => ({
    id: hexId(`floor:${ele.sn}:${floorNo}`),
    floorNo,
    name: `${ele.name}-${floorNo}`,
    deviceId: ele.id,
    releasedUntil: 0,
  }));
  const gate: GateRecord = {
    id: hexId(`gate:${psg.sn}:1`),
    name: `${psg.name}-1`,
    deviceId: psg.id,
    gateState: 1,
    alarm: '0',
    openUntil: 0,
    openType: 0,
  };
  const gateReaders = [
    { id: hexId(`gate-reader:${gate.id}:1`), gateId: gate.id, name: `${gate.name}-入`, readerNo: 1, readerState: 0 as const },
    { id: hexId(`gate-reader:${gate.id}:2`), gateId: gate.id, name: `${gate.name}-出`, readerNo: 2, readerState: 1 as const },
  ];
  const [door1, door2, door3] = doors as [DoorRecord, DoorRecord, DoorRecord];
  const general = level('acc', 'General', [door1.id, door2.id, door3.id]);
  const office = level('acc', 'Office', [door1.id]);
  const floorsLevel = level('ele', 'All Floors', floors.map((floor) => floor.id));
  const entrance = level('psg', 'Site Entrance', [gate.id]);
  const levels = [general, office, floorsLevel, entrance, level('vis', 'Visitor', [door3.id])];
  const persons = [
    person('1001', 'Wei', 'Zhang', '2', 'M', '10001001', [general.id, floorsLevel.id, entrance.id]),
    person('1002', 'Na', 'Li', '2', 'F', '10001002', [general.id, office.id, entrance.id]),
    person('1003', 'Ahmed', 'Khan', '1', 'M', '', [office.id, entrance.id]),
  ];
  const at = now.getTime();
  const transactions: TransactionInput[] = [
    walk(at - 3_600_000, persons[0] as PersonRecord, acc1, door1, readers[0] as ReaderRecord, 'Face'),
    walk(at - 1_800_000, persons[1] as PersonRecord, acc2, door3, readers[4] as ReaderRecord, 'Card'),
  ];
  return {
    areas: [area],
    departments: [
      { code: '1', name: 'General', parentCode: null, sortNo: 1 },
      { code: '2', name: 'Construction', parentCode: '1', sortNo: 2 },
      // The crews of Doorman's import template (resources/people-template.csv), so its demo import syncs.
      { code: '3', name: '土建一班', parentCode: '2', sortNo: 3 },
      { code: '4', name: 'Electrical', parentCode: '2', sortNo: 4 },
    ],
    devices: [acc1, acc2, ele, psg],
    doors,
    readers,
    floors,
    gates: [gate],
    gateReaders,
    levels,
    persons,
    visitors: [],
    bioTemplates: [
      { id: hexId('bio:1001:0'), pin: '1001', validType: 1, bioType: 1, version: '10', template: 'TUFOVUFMX0ZQX1RFTVBMQVRF', templateNo: 0 },
    ],
    transactions,
  };
}

/** A site with nothing in it but the root department every CVSecurity install has. */
export function emptySeed(): SiteSeed {
  return {
    areas: [{ id: hexId('area:1'), code: '1', name: 'Area 1' }],
    departments: [{ code: '1', name: 'General', parentCode: null, sortNo: 1 }],
    devices: [],
    doors: [],
    readers: [],
    floors: [],
    gates: [],
    gateReaders: [],
    levels: [],
    persons: [],
    visitors: [],
    bioTemplates: [],
    transactions: [],
  };
}

function device(module: DeviceRecord['module'], sn: string, ip: string, type: string): DeviceRecord {
  return { id: hexId(`device:${sn}`), sn, name: ip, ip, type, module, enabled: true, online: true, areaCode: '1' };
}

function door(owner: DeviceRecord, doorNo: number): DoorRecord {
  return {
    id: hexId(`door:${owner.sn}:${doorNo}`),
    name: `${owner.name}-${doorNo}`,
    deviceId: owner.id,
    doorNo,
    sensor: 'off',
    alarm: 'none',
    relayOpenUntil: 0,
  };
}

function reader(d: DoorRecord, readerState: 0 | 1): ReaderRecord {
  const name = `${d.name}-${readerState === 0 ? 'In' : 'Out'}`;
  return { id: hexId(`reader:${d.id}:${readerState}`), doorId: d.id, name, readerNo: 2 * d.doorNo - 1 + readerState, readerState };
}

export function level(kind: LevelRecord['kind'], name: string, pointIds: string[] = [], timeSegName = '24-Hour Accessible', areaName = 'Area 1'): LevelRecord {
  return { id: hexId(`level:${kind}:${name}`), name, kind, timeSegName, areaName, pointIds, syncedAt: 0 };
}

export function blankPerson(pin: string): PersonRecord {
  return {
    id: hexId(`person:${pin}`),
    pin,
    name: '',
    lastName: '',
    deptCode: '1',
    gender: '',
    cardNo: '',
    supplyCards: '',
    accLevelIds: [],
    accStartTime: null,
    accEndTime: null,
    birthday: null,
    hireDate: null,
    certType: '',
    certNumber: '',
    email: '',
    mobilePhone: '',
    ssn: null,
    isDisabled: false,
    isSendMail: false,
    personPwd: '',
    carPlate: null,
    photo: null,
    leaveDate: null,
  };
}

function person(pin: string, name: string, lastName: string, deptCode: string, gender: string, cardNo: string, levels: string[]): PersonRecord {
  return { ...blankPerson(pin), name, lastName, deptCode, gender, cardNo, accLevelIds: levels };
}

function walk(at: number, who: PersonRecord, dev: DeviceRecord, d: DoorRecord, r: ReaderRecord, verifyModeName: string): TransactionInput {
  return {
    stream: 'acc',
    at,
    pin: who.pin,
    name: who.name,
    lastName: who.lastName,
    deptName: who.deptCode === '2' ? 'Construction' : 'General',
    areaName: 'Area 1',
    cardNo: verifyModeName === 'Card' ? who.cardNo : '',
    devSn: dev.sn,
    devName: dev.name,
    verifyModeName,
    eventName: 'Normal Verify Open',
    eventPointName: d.name,
    readerName: r.name,
    accZone: null,
    eventNo: 0,
    eventLevel: 0,
    doorName: d.name,
    doorNumber: d.doorNo,
    readerState: r.readerState,
    capturePhotoBase64: '',
    gateType: null,
  };
}
