import { endpointIndex } from '../endpoint-table.ts';
import type { HongtuEndpoint } from './envelope.ts';
import { alarmPersonEndpoints } from './endpoints/alarms-persons.ts';
import { attendanceAdjustEndpoints } from './endpoints/attendance-adjust.ts';
import { configEndpoints } from './endpoints/config.ts';
import { scheduleGroupEndpoints } from './endpoints/schedules-groups.ts';
import { attendanceEndpoints } from './endpoints/attendance.ts';
import { pubsubEndpoints } from './endpoints/pubsub.ts';
import { deviceEndpoints } from './endpoints/devices.ts';
import { passEndpoints } from './endpoints/pass.ts';
import { doorEndpoints } from './endpoints/doors.ts';
import { opsEndpoints } from './endpoints/ops.ts';

/**
 * Every endpoint of "鸿图2000.V1.0.1 OpenAPI接口使用说明文档" (part 二、接口内容介绍, 80 `Path：`
 * lines), in document order, one file per run of modules. The document numbers nothing: `section` is
 * the endpoint's position among those 80, 1-based, and `title` / `group` start with the document's
 * own heading and module. Paths and methods are the printed `Path：` / `Method：` lines, none changed.
 *
 * All are POST with a JSON body except `device.info` (GET, no body) and the two multipart uploads
 * (`person.uploadImage`, `misc.fileUpload`). A JSON endpoint with no fields still sends `{}`: the
 * signature hashes the body, and MD5("{}") is what the document asks for (§2.2). `pageNum`/`pageSize`
 * are optional body fields of the 21 paged endpoints (§1.3). The signature headers are never fields:
 * the client adds them.
 */
export const hongtuEndpoints: readonly HongtuEndpoint[] = [
  ...alarmPersonEndpoints,
  ...attendanceAdjustEndpoints,
  ...configEndpoints,
  ...scheduleGroupEndpoints,
  ...attendanceEndpoints,
  ...pubsubEndpoints,
  ...deviceEndpoints,
  ...passEndpoints,
  ...doorEndpoints,
  ...opsEndpoints,
];

/** An endpoint of the table by its id. */
export const hongtuEndpointById = endpointIndex(hongtuEndpoints);
