import { randomUUID } from 'node:crypto';
import { copyDoorConfig, defaultDoorConfig } from './door-config.ts';
import type { DoorConfig } from './door-config.ts';

/**
 * The simulated platform, in memory. Plain records so a seed is plain data and a snapshot is JSON.
 * Field names follow the document's request fields (`postion`, `identifyNum`, …), so a person
 * written by person.batchAdd reads back unchanged.
 */

/** 1 员工 employee, 2 访客 visitor, 3 重点人员 key person (hongtu.md §8.3); groups use the same numbers. */
export type PersonType = 1 | 2 | 3;

export interface PersonRecord {
  uuid: string;
  /** The numeric `personId` pushes carry. */
  id: number;
  name: string;
  type: PersonType;
  sex: number;
  imageUri?: string;
  code?: string;
  identifyNum?: string;
  uniqueIdentify?: string;
  visitFirm?: string;
  visitStartTimeStamp?: number;
  visitEndTimeStamp?: number;
  visitReason?: string;
  visitedUuid?: string;
  visitType?: number;
  email?: string;
  phone?: string;
  cardNum?: string;
  password?: string;
  entryTimeStamp?: number;
  postion?: string;
  birthdayStamp?: number;
  ext?: string;
  /** Pass-group uuids. */
  groupList: string[];
  createdAt: number;
}

export interface ImageRecord {
  uri: string;
  sha256: string;
  size: number;
  format: 'jpeg' | 'png' | 'bmp' | 'other';
  /** `face` from person.uploadImage, `file` from misc.fileUpload. */
  kind: 'face' | 'file';
  uploadedAt: number;
  /** Kept when the simulator keeps image bytes (served at `/pub/<uri>`). */
  bytes?: Buffer;
}

export interface GroupRecord {
  uuid: string;
  name: string;
  type: PersonType;
}

export interface TimeRange {
  from: string;
  to: string;
}

export interface ScheduleRecord {
  uuid: string;
  name: string;
  /** 1 通行 pass, 3 事件 event. */
  type: 1 | 3;
  workDay: { week: number; during: TimeRange[] }[];
  holiday: { date: string; state: boolean; during: TimeRange[] }[];
}

/** One pass authority: the groups that may pass a door device in a schedule (hongtu.md §10 E23). */
export interface AuthorityRecord {
  deviceUuid: string;
  scheduleUuid: string;
  groupUuids: string[];
}

/** 1 智能摄像头, 2 智能面板机, 3 智能服务器 (edge / compute), 4 网络摄像机 (hongtu.md §8.1). */
export type DeviceType = 1 | 2 | 3 | 4;

export interface DeviceRecord {
  uuid: string;
  /** The numeric `deviceId` pushes carry. */
  id: number;
  name: string;
  location: string;
  deviceType: DeviceType;
  deviceModel: number;
  /** 1 人脸识别, 4 人脸抓拍; none for servers. */
  deviceMode?: number;
  ipAddress?: string;
  mac?: string;
  userName?: string;
  userPassword?: string;
  rtspUrl?: string;
  port?: number;
  snCode?: string;
  /** 1 主动上报 (imported panels), 2 页面添加 (device.add). */
  discoveryMethod: 1 | 2;
  online: boolean;
  appVersion: string;
  featureVersion: string;
  /** The edge server this end device is bound to. */
  boundTo?: string;
  /** In the access-control point list (door.add). */
  isDoor: boolean;
  switchIp?: string;
  config: DoorConfig;
  createdAt: number;
}

/** A panel that reported itself and waits for device.importDevice (device.queryReportDevice). */
export interface DiscoveredDevice {
  uuid: string;
  snCode: string;
  deviceType: 2;
  /** What the panel really is (not listed by the API; the installer picks the model on import). */
  deviceModel: number;
  discoveryMethod: 1;
  gmtCreate: number;
  ipAddress?: string;
}

export interface Subscription {
  appKey: string;
  pushUrl: string;
  busiTypes: number[];
}

/** What `device.info` (运维) answers: the platform box itself. */
export interface PlatformInfo {
  name: string;
  type: string;
  version: string;
}

/** The organisation and zone pushes carry (hongtu.md §7.2); the API has no endpoint for them. */
export interface Organisation {
  orgId: number;
  orgUuid: string;
  orgType: number;
  orgFullName: string;
  orgNickName: string;
  orgParentId: number;
  zoneId: number;
  zoneUuid: string;
  zoneName: string;
}

export interface AFaceConfig {
  attendanceRecordCallbackUrl: string;
  identifyRecordCallbackUrl: string;
  temperatureSwitch: number;
  maskAlertSwitch: number;
}

export interface StorageCriteria {
  level: number;
  customConfig?: Record<string, unknown>;
}

export type DeviceSeed = Omit<DeviceRecord, 'id' | 'config' | 'createdAt' | 'appVersion' | 'featureVersion' | 'isDoor'> &
  Partial<Pick<DeviceRecord, 'config' | 'appVersion' | 'featureVersion' | 'isDoor'>>;
export type PersonSeed = Omit<PersonRecord, 'id' | 'createdAt' | 'groupList' | 'sex'> & Partial<Pick<PersonRecord, 'groupList' | 'sex' | 'createdAt'>>;

export interface SiteSeed {
  readonly platform: PlatformInfo;
  readonly organisation: Organisation;
  readonly devices: readonly DeviceSeed[];
  readonly discovered: readonly DiscoveredDevice[];
  readonly groups: readonly GroupRecord[];
  readonly schedules: readonly ScheduleRecord[];
  readonly persons: readonly PersonSeed[];
  readonly authorities: readonly AuthorityRecord[];
  readonly subscriptions: readonly Subscription[];
}

export const DEFAULT_AFACE_CONFIG: AFaceConfig = { attendanceRecordCallbackUrl: '', identifyRecordCallbackUrl: '', temperatureSwitch: 0, maskAlertSwitch: 0 };
/** `storageCriteria.setDefault` answers level 3 (hongtu.md §8.6). */
export const DEFAULT_STORAGE_LEVEL = 3;

/** A new uuid as the platform writes them: 32 lowercase hex. Random, so records never repeat across runs. */
export function newUuid(): string {
  return randomUUID().replace(/-/g, '');
}

export class SimState {
  readonly platform: PlatformInfo;
  readonly organisation: Organisation;
  readonly persons = new Map<string, PersonRecord>();
  readonly images = new Map<string, ImageRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly schedules = new Map<string, ScheduleRecord>();
  readonly authorities: AuthorityRecord[] = [];
  readonly devices = new Map<string, DeviceRecord>();
  readonly discovered = new Map<string, DiscoveredDevice>();
  readonly subscriptions = new Map<string, Subscription>();
  /** Image sha256 → the face code uploadImage answers for it (test hook). */
  readonly faceVerdicts = new Map<string, number>();
  aFaceConfig: AFaceConfig = { ...DEFAULT_AFACE_CONFIG };
  storageCriteria: StorageCriteria = { level: DEFAULT_STORAGE_LEVEL };
  private nextPersonId = 1;
  private nextDeviceId = 1;

  constructor(seed: SiteSeed, now: number) {
    this.platform = { ...seed.platform };
    this.organisation = { ...seed.organisation };
    for (const group of seed.groups) this.groups.set(group.uuid, structuredClone(group));
    for (const schedule of seed.schedules) this.schedules.set(schedule.uuid, structuredClone(schedule));
    for (const device of seed.devices) this.addDevice(device, now);
    for (const found of seed.discovered) this.discovered.set(found.uuid, { ...found });
    for (const person of seed.persons) this.addPerson(person, now);
    for (const authority of seed.authorities) this.authorities.push(structuredClone(authority));
    for (const subscription of seed.subscriptions) this.subscriptions.set(subscription.appKey, structuredClone(subscription));
  }

  addPerson(seed: PersonSeed, now: number): PersonRecord {
    const person: PersonRecord = { sex: 0, groupList: [], createdAt: now, ...structuredClone(seed), id: this.nextPersonId };
    this.nextPersonId += 1;
    this.persons.set(person.uuid, person);
    return person;
  }

  addDevice(seed: DeviceSeed, now: number): DeviceRecord {
    const device: DeviceRecord = {
      appVersion: seed.deviceType === 3 ? 'B3R_V2.3.1' : 'V1.6.2',
      featureVersion: '8.5.0',
      isDoor: false,
      ...structuredClone(seed),
      config: seed.config ? copyDoorConfig(seed.config) : defaultDoorConfig(),
      id: this.nextDeviceId,
      createdAt: now,
    };
    this.nextDeviceId += 1;
    this.devices.set(device.uuid, device);
    return device;
  }

  personByCode(code: string): PersonRecord | undefined {
    for (const person of this.persons.values()) if (person.code === code) return person;
    return undefined;
  }

  deviceBySn(snCode: string): DeviceRecord | undefined {
    for (const device of this.devices.values()) if (device.snCode === snCode) return device;
    return undefined;
  }

  /** End devices bound to an edge server. */
  boundTo(serverUuid: string): DeviceRecord[] {
    return [...this.devices.values()].filter((device) => device.boundTo === serverUuid);
  }

  doorDevices(): DeviceRecord[] {
    return [...this.devices.values()].filter((device) => device.isDoor);
  }

  authority(deviceUuid: string, scheduleUuid: string): AuthorityRecord | undefined {
    return this.authorities.find((entry) => entry.deviceUuid === deviceUuid && entry.scheduleUuid === scheduleUuid);
  }

  removeAuthorities(match: (authority: AuthorityRecord) => boolean): void {
    this.authorities.splice(0, this.authorities.length, ...this.authorities.filter((authority) => !match(authority)));
  }

  membersOf(groupUuid: string): PersonRecord[] {
    return [...this.persons.values()].filter((person) => person.groupList.includes(groupUuid));
  }

  /** Everything as JSON (images as size + sha256). */
  snapshot(): Record<string, unknown> {
    return {
      platform: this.platform,
      persons: [...this.persons.values()],
      images: [...this.images.values()].map(({ bytes: _bytes, ...image }) => image),
      groups: [...this.groups.values()],
      schedules: [...this.schedules.values()],
      authorities: this.authorities,
      devices: [...this.devices.values()],
      discovered: [...this.discovered.values()],
      subscriptions: [...this.subscriptions.values()],
      aFaceConfig: this.aFaceConfig,
      storageCriteria: this.storageCriteria,
    };
  }
}
