import { z } from 'zod';
import type { DeviceRecord, SimState } from './state.ts';

/**
 * Device alarms (hongtu.md §6 deviceAlarm.list, 一脸通设备告警事件): what `simulator.emitDeviceAlarm`
 * and `POST /__sim/device-alarms` add. Each is one historical record: `alarmStatus` 1 报警 when it
 * went off, 0 报警恢复 when it cleared; `alarmStatusNow` is the device's current state for that
 * alarm type (the newest record's status).
 */
export const DEVICE_ALARM_TYPES = [500000, 500100, 500102, 500104, 500108, 500500] as const;

export const DeviceAlarmSchema = z.strictObject({
  /** The device; the first access-control point (else the first end device) when omitted. */
  deviceUuid: z.string().optional(),
  /** 500000 storage > 90%, 500100 tamper, 500102 password cracking, 500104 door open timeout, 500108 temperature module, 500500 fire. */
  alarmType: z.union(DEVICE_ALARM_TYPES.map((type) => z.literal(type))),
  /** 1 报警 (default), 0 报警恢复. */
  alarmStatus: z.union([z.literal(0), z.literal(1)]).optional(),
  /** Epoch ms; the simulator's clock when omitted. */
  at: z.number().int().optional(),
});
export type DeviceAlarmInput = z.infer<typeof DeviceAlarmSchema>;

export interface DeviceAlarmRecord {
  readonly deviceUuid: string;
  readonly deviceName: string;
  readonly deviceLocation: string;
  readonly deviceType: number;
  readonly deviceModel: number;
  /** The device's status when the alarm was sent: 3 online, 4 offline. */
  readonly deviceStatus: number;
  readonly alarmType: number;
  readonly alarmStatus: 0 | 1;
  readonly alarmTime: number;
  readonly gmtCreate: number;
}

/** The platform's device alarm history, in the order the alarms were sent. */
export class DeviceAlarmLog {
  private readonly records: DeviceAlarmRecord[] = [];

  append(state: SimState, input: DeviceAlarmInput, now: number): DeviceAlarmRecord {
    const device = pickAlarmDevice(state, input.deviceUuid);
    const record: DeviceAlarmRecord = {
      deviceUuid: device.uuid,
      deviceName: device.name,
      deviceLocation: device.location,
      deviceType: device.deviceType,
      deviceModel: device.deviceModel,
      deviceStatus: device.online ? 3 : 4,
      alarmType: input.alarmType,
      alarmStatus: input.alarmStatus ?? 1,
      alarmTime: input.at ?? now,
      gmtCreate: now,
    };
    this.records.push(record);
    return record;
  }

  all(): readonly DeviceAlarmRecord[] {
    return this.records;
  }

  /** Newest alarm time first (the platform's list order). */
  newestFirst(): DeviceAlarmRecord[] {
    return [...this.records].sort((a, b) => b.alarmTime - a.alarmTime);
  }

  /** The current status of a device's alarm type: the newest record's alarmStatus. */
  statusNow(deviceUuid: string, alarmType: number): 0 | 1 {
    let newest: DeviceAlarmRecord | undefined;
    for (const record of this.records) if (record.deviceUuid === deviceUuid && record.alarmType === alarmType && (!newest || record.alarmTime >= newest.alarmTime)) newest = record;
    return newest?.alarmStatus ?? 0;
  }
}

/** One `device_alarm/list` item, with the document's field names; the times as epoch-ms text. */
export function alarmListItem(record: DeviceAlarmRecord, log: DeviceAlarmLog): Record<string, unknown> {
  return {
    deviceUuid: record.deviceUuid,
    deviceName: record.deviceName,
    deviceLocation: record.deviceLocation,
    deviceType: record.deviceType,
    deviceModel: record.deviceModel,
    deviceStatus: record.deviceStatus,
    alarmStatus: record.alarmStatus,
    alarmType: record.alarmType,
    alarmTime: String(record.alarmTime),
    gmtCreate: String(record.gmtCreate),
    gmtModified: String(record.gmtCreate),
    alarmStatusNow: log.statusNow(record.deviceUuid, record.alarmType),
  };
}

function pickAlarmDevice(state: SimState, uuid: string | undefined): DeviceRecord {
  if (uuid !== undefined) {
    const device = state.devices.get(uuid);
    if (!device) throw new Error(`no device ${uuid}`);
    if (device.deviceType === 3) throw new Error(`device ${uuid} is a server; device alarms come from end devices`);
    return device;
  }
  const device = state.doorDevices()[0] ?? [...state.devices.values()].find((candidate) => candidate.deviceType !== 3);
  if (!device) throw new Error('no end device in the site');
  return device;
}
