import { replyFieldError } from './errors.ts';
import { isPlainObject as isObject, looseCount, looseId as idText, looseList, looseObject as objectOf } from './loose-values.ts';
import { personImageUrls } from './params.ts';

/**
 * What the §3 replies carry, read into plain values (https-client.ts). The platform's shapes are
 * loose (E33, E34, E39): each reader takes what is there (through the one lenient reader,
 * loose-values.ts: lists as null or JSON strings, counts as digit strings) and leaves out broken
 * entries. A list with no clear meaning (an object, a number, a string holding no JSON list) is
 * refused with DriverError `schema_mismatch` (errors.ts): read as empty, a task would be reported
 * done having done nothing.
 */

/** One task of T_GET_TASKS (§3.1.3): its apicode and param (served as a string holding JSON). */
export interface PlatformTask {
  readonly taskid: string;
  readonly apicode: string;
  /** The task's param read (leniently); undefined when there is none or it is unreadable. */
  readonly param: Readonly<Record<string, unknown>> | undefined;
  /** The param's text as received, for the log when it could not be read. */
  readonly paramText: string | undefined;
}

/** One worker of T_SEND_PERSON / T_UPDATE_DEVICE_PERSON (§3.3.3), the photo URLs under either key (E34). */
export interface PlatformPerson {
  readonly personId: string;
  readonly name: string;
  readonly imgUrls: readonly string[];
  /** Every field as received (phone, idcardNo, …). */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface PersonsPage {
  readonly currentPage: number;
  readonly totalPage: number;
  readonly persons: readonly PlatformPerson[];
}

/** D16: the firmware a T_UPDATE_DEVICE_VERSION task describes, in its param or the reply. */
export interface FirmwareDescriptor {
  readonly version: string;
  readonly size: number | undefined;
  readonly downloadUrl: string;
}

/** The response as an object: none (null, missing, empty) is `{}`, anything else unreadable is refused. */
function responseOf(response: unknown, apicode: string): Record<string, unknown> {
  if (response === null || response === undefined || response === '') return {};
  const record = objectOf(response);
  if (!record) throw replyFieldError(apicode, 'response', response);
  return record;
}

/** A list member of the response (null or missing: empty); anything else unreadable is refused. */
function listOf(record: Record<string, unknown>, field: string, apicode: string): unknown[] {
  const list = looseList(record[field]);
  if (!list) throw replyFieldError(apicode, field, record[field]);
  return list;
}

/** T_GET_TASKS' `response.tasks` (ids as numbers keep their digits only up to 2^53: the platform sends strings). */
export function readTasks(response: unknown, apicode = 'T_GET_TASKS'): PlatformTask[] {
  const tasks = listOf(responseOf(response, apicode), 'tasks', apicode);
  return tasks.flatMap((task: unknown) => {
    if (!isObject(task)) return [];
    const taskid = idText(task['taskid'] ?? task['taskId']);
    const apicode = task['apicode'];
    if (taskid === undefined || typeof apicode !== 'string') return [];
    const raw = task['param'];
    return [{ taskid, apicode, param: objectOf(raw), paramText: typeof raw === 'string' ? raw : raw === undefined ? undefined : JSON.stringify(raw) }];
  });
}

/** A page of workers (D14); a page number missing from the reply is the one asked for. */
export function readPersonsPage(response: unknown, asked: number, apicode = 'T_SEND_PERSON'): PersonsPage {
  const record = responseOf(response, apicode);
  const currentPage = looseCount(record['currentPage'], 1) ?? asked;
  const totalPage = looseCount(record['totalPage'], 1) ?? currentPage;
  const data = listOf(record, 'data', apicode);
  const persons = data.flatMap((item: unknown) => {
    if (!isObject(item)) return [];
    const personId = idText(item['personId']);
    if (personId === undefined) return [];
    return [{ personId, name: typeof item['name'] === 'string' ? item['name'] : '', imgUrls: personImageUrls(item), fields: item }];
  });
  return { currentPage, totalPage, persons };
}

/** T_DEL_DEVICE_PERSON's `response.personIds` (§3.5.3). */
export function readPersonIds(response: unknown, apicode = 'T_DEL_DEVICE_PERSON'): string[] {
  const ids = responseOf(response, apicode)['personIds'];
  const list = looseList(ids);
  if (list === undefined && typeof ids === 'string') return ids.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (list === undefined && typeof ids === 'number') return [String(ids)];
  if (list === undefined) throw replyFieldError(apicode, 'personIds', ids);
  return list.map(idText).filter((id): id is string => id !== undefined);
}

/** D16: `{version, size, downloadUrl}` from a task param or a reply; undefined when incomplete. */
export function readFirmware(value: unknown): FirmwareDescriptor | undefined {
  const record = objectOf(value);
  if (!record) return undefined;
  const { version, size, downloadUrl } = record;
  if (typeof version !== 'string' || version === '' || typeof downloadUrl !== 'string' || downloadUrl === '') return undefined;
  const bytes = looseCount(size);
  return { version, size: bytes, downloadUrl };
}
