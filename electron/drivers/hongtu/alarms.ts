import type { LocalizedText } from '../driver-error.ts';
import { fields, int } from '../record-fields.ts';
import type { AlarmMatch, AlarmTable } from '../vendor-descriptor.ts';

/**
 * Megvii Hongtu 2000's alarms (hongtu.md §8.4, seed 001). Two sources:
 * - the device alarm list (deviceAlarm.list, 一脸通设备告警事件): `alarmType` 500000 存储空间占用超过
 *   90% 报警, 500100 防拆报警, 500102 密码破解报警, 500104 门禁开放超时报警, 500500 消防报警, 500108
 *   测温模块失效; `alarmStatus` 0 报警恢复 (cleared, not an alarm) / 1 报警;
 * - a pass record (§7.1 pass_record/list, §7.2 the push): `recognitionType` 4 陌生人 (stranger),
 *   3 重点人员（黑名单）(a blocklisted person: `other-alarm`).
 */
const DEVICE_ALARMS: Readonly<Record<number, { alarmClass: AlarmMatch['alarmClass']; reason: LocalizedText }>> = {
  500000: { alarmClass: 'other-alarm', reason: { en: 'Device storage over 90% full', 'zh-CN': '存储空间占用超过 90% 报警' } },
  500100: { alarmClass: 'tamper', reason: { en: 'Tamper alarm', 'zh-CN': '防拆报警' } },
  500102: { alarmClass: 'other-alarm', reason: { en: 'Password cracking alarm', 'zh-CN': '密码破解报警' } },
  500104: { alarmClass: 'held-open', reason: { en: 'Door open timeout', 'zh-CN': '门禁开放超时报警' } },
  500500: { alarmClass: 'fire', reason: { en: 'Fire alarm', 'zh-CN': '消防报警' } },
  500108: { alarmClass: 'other-alarm', reason: { en: 'Temperature module failure', 'zh-CN': '测温模块失效' } },
};

const STRANGER = 4;
const BLOCKLISTED = 3;
const ALARM_CLEARED = 0;

function deviceAlarm(alarmType: number): { alarmClass: AlarmMatch['alarmClass']; reason: LocalizedText } {
  return DEVICE_ALARMS[alarmType] ?? { alarmClass: 'other-alarm', reason: { en: `Device alarm ${alarmType}`, 'zh-CN': `设备报警 ${alarmType}` } };
}

/** The words of a device alarm type (500100 防拆报警 …), also for one the document does not list. */
export function deviceAlarmReason(alarmType: number): LocalizedText {
  return deviceAlarm(alarmType).reason;
}

export const hongtuAlarms: AlarmTable = ({ raw }) => {
  const f = fields(raw);
  const alarmType = int(f['alarmType']);
  if (alarmType !== null) {
    if (int(f['alarmStatus']) === ALARM_CLEARED) return null;
    return deviceAlarm(alarmType);
  }
  const recognition = int(f['recognitionType']);
  if (recognition === STRANGER) return { alarmClass: 'stranger', reason: { en: 'Stranger', 'zh-CN': '陌生人' } };
  if (recognition === BLOCKLISTED) return { alarmClass: 'other-alarm', reason: { en: 'Person of interest (blocklist)', 'zh-CN': '重点人员（黑名单）' } };
  return null;
};
