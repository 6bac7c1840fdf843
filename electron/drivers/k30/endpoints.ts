import type { K30Endpoint } from './envelope.ts';
import { attendanceEndpoints } from './endpoints/attendance.ts';
import { departmentEndpoints } from './endpoints/departments.ts';
import { deviceEndpoints } from './endpoints/devices.ts';
import { passRecordEndpoints } from './endpoints/pass-records.ts';
import { peopleEndpoints } from './endpoints/people.ts';
import { regionEndpoints } from './endpoints/regions.ts';
import { visitorEndpoints } from './endpoints/visitors.ts';

/**
 * Every endpoint of 门禁软件K30开放接口 (seed 000, part 二、开放接口: 27 `请求链接` URLs), in document
 * order, one file per group heading. The document numbers nothing: `section` is the endpoint's
 * position among the 27, 1-based, and `title` / `group` start with the document's own heading and
 * group. Paths are the printed URL fragments joined, without `http://IP:Port`, case kept
 * (`/openapi/people/getlist` next to `/openapi/Device/GetList`, E12), department.delete at its
 * printed `/api/v2/department/Delete` (E11). The document never names a method: POST, the JSON
 * envelope as the body (E13). Its three callbacks (authstatus, UploadRecord twice) go the other
 * way and are not endpoints.
 *
 * Fields are the plaintext `data` object's (envelope.ts): `required` is the table's 必填 是, and
 * people.sync's "二选一必填" and record.list's "不能跨月" are `rules`. people.list, region.list and
 * region.peopleList carry the document's rate limit (fewer than 60 requests a minute).
 */
export const k30Endpoints: readonly K30Endpoint[] = [
  ...peopleEndpoints,
  ...departmentEndpoints,
  ...attendanceEndpoints,
  ...passRecordEndpoints,
  ...deviceEndpoints,
  ...visitorEndpoints,
  ...regionEndpoints,
];

const byId: ReadonlyMap<string, K30Endpoint> = new Map(k30Endpoints.map((spec) => [spec.id, spec]));

export function k30EndpointById(id: string): K30Endpoint | undefined {
  return byId.get(id);
}
