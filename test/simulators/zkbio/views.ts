import type { TransactionRecord } from './events.ts';
import type { DeviceRecord, DoorRecord, GateRecord, PersonRecord, SimState } from './state.ts';

/** How state records look on the wire, field for field as the document's examples (zkbio.md §5). */

/** Device (§5.6). The document's examples write `state` in v1 records and `status` in v2 lists,
 *  attendance, FaceKiosk and entrance-control records (§8.7 item 38); the simulator does the same. */
export function deviceView(device: DeviceRecord, key: 'state' | 'status'): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: device.id,
    sn: device.sn,
    name: device.name,
    type: device.type,
    [key]: device.enabled ? '1' : '0',
    module: device.module,
  };
  if (device.gateType !== undefined) view['gateType'] = device.gateType;
  return view;
}

/** DoorState `connect` (§6.2): 0 offline, 1 online, 2 disabled — written as text like device state. */
export function connectOf(device: DeviceRecord | undefined): string {
  if (!device) return '0';
  if (!device.enabled) return '2';
  return device.online ? '1' : '0';
}

export function doorStateView(state: SimState, door: DoorRecord, now: number): Record<string, unknown> {
  const connect = connectOf(state.deviceById(door.deviceId));
  const reachable = connect === '1';
  return {
    id: door.id,
    name: door.name,
    deviceId: door.deviceId,
    connect,
    sensor: reachable ? door.sensor : 'unknown',
    alarm: reachable ? door.alarm : 'unknown',
    relay: reachable ? (door.relayOpenUntil > now ? 'open' : 'off') : 'unknown',
  };
}

/** GateState (§5.12, §6.4); relay 0 off, 1 exit open, 2 entry open. */
export function gateStateView(state: SimState, gate: GateRecord, now: number): Record<string, unknown> {
  const connect = connectOf(state.deviceById(gate.deviceId));
  const open = gate.openUntil > now;
  return {
    id: gate.id,
    name: gate.name,
    deviceId: gate.deviceId,
    connect,
    gateState: connect === '1' ? gate.gateState : 0,
    alarm: connect === '1' ? gate.alarm : 'None',
    relay: connect !== '1' ? 'None' : open ? (gate.openType === 2 ? '1' : '2') : '0',
  };
}

export function personBasicView(state: SimState, person: PersonRecord): Record<string, unknown> {
  return {
    pin: person.pin,
    deptCode: person.deptCode,
    deptName: state.deptName(person.deptCode),
    name: person.name,
    lastName: person.lastName,
    gender: person.gender,
    cardNo: person.cardNo,
  };
}

export function photoPath(person: PersonRecord): string {
  return person.photo ? `/upload/pers/user/cropface/${person.pin}/${person.pin}.${person.photo.format === 'png' ? 'png' : 'jpg'}` : '';
}

/** 2.14.5: basic + the comparison photo. */
export function personPhotoView(state: SimState, person: PersonRecord): Record<string, unknown> {
  return { ...personBasicView(state, person), vislightPhoto: person.photo?.base64 ?? '', vislightPhotoPath: photoPath(person) };
}

/** 2.14.12 PersonFull, nulls where the example has them. */
export function personFullView(state: SimState, person: PersonRecord): Record<string, unknown> {
  const accessLevels = person.accLevelIds.filter((id) => state.level('acc', id));
  return {
    id: person.id,
    ...personBasicView(state, person),
    birthday: person.birthday,
    supplyCards: person.supplyCards,
    personPhoto: '',
    selfPwd: 'e10adc3949ba59abbe56e057f20f883e',
    isSendMail: person.isSendMail,
    mobilePhone: person.mobilePhone,
    personPwd: person.personPwd,
    carPlate: person.carPlate,
    email: person.email,
    ssn: person.ssn,
    accLevelIds: accessLevels.join(','),
    accStartTime: person.accStartTime,
    accEndTime: person.accEndTime,
    certType: person.certType,
    certNumber: person.certNumber,
    photoPath: '',
    hireDate: person.hireDate,
    isDisabled: person.isDisabled,
    vislightPhoto: person.photo?.base64 ?? '',
    vislightPhotoPath: photoPath(person),
  };
}

/** TransactionV1 (§5.9). */
export function transactionV1(t: TransactionRecord): Record<string, unknown> {
  return {
    id: t.id,
    eventTime: t.eventTime,
    pin: t.pin,
    name: t.name,
    lastName: t.lastName,
    deptName: t.deptName,
    areaName: t.areaName,
    cardNo: t.cardNo,
    devSn: t.devSn,
    verifyModeName: t.verifyModeName,
    eventName: t.eventName,
    eventPointName: t.eventPointName,
    readerName: t.readerName,
    devName: t.devName,
    logId: t.logId,
  };
}

export function transactionV1Zone(t: TransactionRecord): Record<string, unknown> {
  return { ...transactionV1(t), accZone: t.accZone };
}

export function transactionV2(t: TransactionRecord): Record<string, unknown> {
  return { ...transactionV1Zone(t), eventNo: t.eventNo, eventLevel: t.eventLevel, doorName: t.doorName, capturePhotoBase64: t.capturePhotoBase64 };
}

export function transactionV3(t: TransactionRecord): Record<string, unknown> {
  return { ...transactionV2(t), readerState: t.readerState, doorNumber: t.doorNumber };
}

/** 2.19.6 MonitorEvent: no id, no doorName/eventNo; `devName` as `ip(sn)` like the example. */
export function monitorView(t: TransactionRecord): Record<string, unknown> {
  return {
    eventTime: t.eventTime,
    pin: t.pin,
    areaName: t.areaName,
    cardNo: t.cardNo,
    devSn: t.devSn,
    verifyModeName: t.verifyModeName,
    eventName: t.eventName,
    eventPointName: t.eventPointName,
    readerName: t.readerName,
    devName: `${t.devName}(${t.devSn})`,
  };
}

/** 2.35 PsgTransaction: V1 + eventNo, gateType. */
export function psgTransactionView(t: TransactionRecord, monitor = false): Record<string, unknown> {
  return { ...transactionV1(t), id: monitor ? null : t.id, eventNo: t.eventNo, gateType: t.gateType ?? 0 };
}

/** 2.19.13 door transaction (ret-envelope list); `eventLevel` is text in the example. */
export function doorTransactionView(t: TransactionRecord): Record<string, unknown> {
  return {
    id: t.id,
    eventNo: t.eventNo,
    eventName: t.eventName,
    eventTime: t.eventTime,
    doorName: t.doorName,
    personPin: t.pin,
    personName: t.name,
    areaName: t.areaName,
    personLastName: t.lastName,
    eventLevel: String(t.eventLevel),
  };
}

/** 2.19.15 detail. */
export function doorTransactionDetailView(t: TransactionRecord): Record<string, unknown> {
  const { eventLevel: _level, ...rest } = doorTransactionView(t);
  return { ...rest, devName: t.devName, cardNo: t.cardNo, readerName: t.readerName, verifyModeName: t.verifyModeName };
}
