import { CATALOG } from '../catalog.ts';
import type { Handler } from '../request.ts';
import { AUTHORITY_HANDLERS } from './authorities.ts';
import { DEVICE_HANDLERS } from './devices.ts';
import { DOOR_HANDLERS } from './doors.ts';
import { GROUP_HANDLERS } from './groups.ts';
import { PERSON_HANDLERS } from './persons.ts';
import { PLATFORM_HANDLERS } from './platform.ts';
import { SCHEDULE_HANDLERS } from './schedules.ts';
import { UPLOAD_HANDLERS } from './uploads.ts';

/** The endpoints with behaviour of their own, by endpoint id; the rest answer generic.ts's documented success. */
export const HANDLERS: ReadonlyMap<string, Handler> = checked(
  Object.entries({
    ...PERSON_HANDLERS,
    ...UPLOAD_HANDLERS,
    ...GROUP_HANDLERS,
    ...SCHEDULE_HANDLERS,
    ...AUTHORITY_HANDLERS,
    ...DEVICE_HANDLERS,
    ...DOOR_HANDLERS,
    ...PLATFORM_HANDLERS,
  }),
);

function checked(entries: Iterable<[string, Handler]>): ReadonlyMap<string, Handler> {
  const known = new Set(CATALOG.map((entry) => entry.id));
  const map = new Map(entries);
  for (const id of map.keys()) if (!known.has(id)) throw new Error(`hongtu simulator: handler for unknown endpoint ${id}`);
  return map;
}
