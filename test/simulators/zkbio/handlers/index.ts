import { handlerTable } from '../../common/handler-table.ts';
import { CATALOG } from '../catalog.ts';
import type { Handler } from '../request.ts';
import { BIO_TEMPLATE_HANDLERS } from './biotemplates.ts';
import { DEVICE_HANDLERS } from './devices.ts';
import { DOOR_HANDLERS } from './doors.ts';
import { GATE_HANDLERS } from './gates.ts';
import { LEVEL_HANDLERS } from './levels.ts';
import { ORG_HANDLERS } from './org.ts';
import { PERSON_HANDLERS } from './persons.ts';
import { TRANSACTION_HANDLERS } from './transactions.ts';
import { VISITOR_HANDLERS } from './visitors.ts';

/** The endpoints with behaviour of their own, by endpoint id; the rest answer generic.ts's documented success. */
export const HANDLERS: ReadonlyMap<string, Handler> = handlerTable('zkbio', CATALOG, {
  ...DOOR_HANDLERS,
  ...DEVICE_HANDLERS,
  ...GATE_HANDLERS,
  ...LEVEL_HANDLERS,
  ...ORG_HANDLERS,
  ...PERSON_HANDLERS,
  ...TRANSACTION_HANDLERS,
  ...VISITOR_HANDLERS,
  ...BIO_TEMPLATE_HANDLERS,
});
