import { handlerTable } from '../../common/handler-table.ts';
import { CATALOG } from '../catalog.ts';
import type { Handler } from '../request.ts';
import { AUTHORITY_HANDLERS } from './authorities.ts';
import { DEVICE_ALARM_HANDLERS } from './device-alarms.ts';
import { DEVICE_HANDLERS } from './devices.ts';
import { DOOR_HANDLERS } from './doors.ts';
import { GROUP_HANDLERS } from './groups.ts';
import { PERSON_HANDLERS } from './persons.ts';
import { PLATFORM_HANDLERS } from './platform.ts';
import { SCHEDULE_HANDLERS } from './schedules.ts';
import { UPLOAD_HANDLERS } from './uploads.ts';

/** The endpoints with behaviour of their own, by endpoint id; the rest answer generic.ts's documented success. */
export const HANDLERS: ReadonlyMap<string, Handler> = handlerTable('hongtu', CATALOG, {
  ...PERSON_HANDLERS,
  ...UPLOAD_HANDLERS,
  ...GROUP_HANDLERS,
  ...SCHEDULE_HANDLERS,
  ...AUTHORITY_HANDLERS,
  ...DEVICE_HANDLERS,
  ...DOOR_HANDLERS,
  ...PLATFORM_HANDLERS,
  ...DEVICE_ALARM_HANDLERS,
});
