import { ApiFailure, INVALID_PARAMETER } from '../codes.ts';
import { alarmListItem } from '../device-alarms.ts';
import { ok } from '../reply.ts';
import type { ApiRequest, Handler } from '../request.ts';
import { page } from '../request.ts';
import { parseTimeBound } from '../time.ts';

/**
 * device_alarm/list (hongtu.md §6 deviceAlarm.list): newest alarm first; deviceName contains, the
 * others equal, deviceUuids any of; startAlarmTime inclusive, endAlarmTime exclusive, each
 * "yyyy-MM-dd HH:mm:ss" or epoch ms (100003 when neither, 121040 when the start is after the end),
 * as pass_record/list.
 */
const deviceAlarmList: Handler = (req, ctx) => {
  const start = timeBound(req, 'startAlarmTime');
  const end = timeBound(req, 'endAlarmTime');
  if (start !== undefined && end !== undefined && start > end) throw new ApiFailure(121040);
  const deviceUuids = req.strings('deviceUuids');
  const deviceName = req.str('deviceName');
  const alarmType = req.int('alarmType');
  const alarmStatus = req.int('alarmStatus');
  const items = ctx.deviceAlarms
    .newestFirst()
    .filter(
      (record) =>
        (deviceUuids === undefined || deviceUuids.length === 0 || deviceUuids.includes(record.deviceUuid)) &&
        (deviceName === undefined || record.deviceName.includes(deviceName)) &&
        (alarmType === undefined || record.alarmType === alarmType) &&
        (alarmStatus === undefined || record.alarmStatus === alarmStatus) &&
        (start === undefined || record.alarmTime >= start) &&
        (end === undefined || record.alarmTime < end),
    );
  const view = page(items, req);
  return ok({ ...view, list: (view['list'] as typeof items).map((record) => alarmListItem(record, ctx.deviceAlarms)) });
};

function timeBound(req: ApiRequest, name: string): number | undefined {
  const value = req.body[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = parseTimeBound(value);
  if (parsed === undefined) throw new ApiFailure(INVALID_PARAMETER, `${name}格式错误`);
  return parsed;
}

export const DEVICE_ALARM_HANDLERS: Readonly<Record<string, Handler>> = {
  'deviceAlarm.list': deviceAlarmList,
};
