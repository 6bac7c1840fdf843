import { handlerTable } from '../../common/handler-table.ts';
import { CATALOG } from '../catalog.ts';
import type { Handler } from '../request.ts';
import { DEPARTMENT_HANDLERS } from './departments.ts';
import { DEVICE_HANDLERS } from './devices.ts';
import { PEOPLE_HANDLERS } from './people.ts';
import { RECORD_HANDLERS } from './records.ts';
import { REGION_HANDLERS } from './regions.ts';
import { VISITOR_HANDLERS } from './visitors.ts';

/** Every endpoint of the catalog has a handler of its own (api.ts refuses a call that has none). */
export const HANDLERS = handlerTable<Handler>('k30', CATALOG, {
  ...PEOPLE_HANDLERS,
  ...DEPARTMENT_HANDLERS,
  ...DEVICE_HANDLERS,
  ...RECORD_HANDLERS,
  ...REGION_HANDLERS,
  ...VISITOR_HANDLERS,
});
