import { readPlatformJson } from './json-text.ts';
import { personImageUrls } from './params.ts';

/**
 * What the §3 replies carry, read into plain values (https-client.ts). The platform's shapes are
 * loose (E33, E34, E39): each reader takes what is there and leaves out what is not, never throws.
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

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const idText = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined);

function objectOf(value: unknown): Record<string, unknown> | undefined {
  if (isObject(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const read = readPlatformJson(value).value;
    return isObject(read) ? read : undefined;
  } catch {
    return undefined;
  }
}

/** T_GET_TASKS' `response.tasks` (ids as numbers keep their digits only up to 2^53: the platform sends strings). */
export function readTasks(response: unknown): PlatformTask[] {
  const tasks = objectOf(response)?.['tasks'];
  if (!Array.isArray(tasks)) return [];
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
export function readPersonsPage(response: unknown, asked: number): PersonsPage {
  const record = objectOf(response) ?? {};
  const count = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : fallback);
  const currentPage = count(record['currentPage'], asked);
  const totalPage = count(record['totalPage'], currentPage);
  const data = Array.isArray(record['data']) ? record['data'] : [];
  const persons = data.flatMap((item: unknown) => {
    if (!isObject(item)) return [];
    const personId = idText(item['personId']);
    if (personId === undefined) return [];
    return [{ personId, name: typeof item['name'] === 'string' ? item['name'] : '', imgUrls: personImageUrls(item), fields: item }];
  });
  return { currentPage, totalPage, persons };
}

/** T_DEL_DEVICE_PERSON's `response.personIds` (§3.5.3). */
export function readPersonIds(response: unknown): string[] {
  const ids = objectOf(response)?.['personIds'];
  if (typeof ids === 'string') return ids.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (!Array.isArray(ids)) return [];
  return ids.map(idText).filter((id): id is string => id !== undefined);
}

/** D16: `{version, size, downloadUrl}` from a task param or a reply; undefined when incomplete. */
export function readFirmware(value: unknown): FirmwareDescriptor | undefined {
  const record = objectOf(value);
  if (!record) return undefined;
  const { version, size, downloadUrl } = record;
  if (typeof version !== 'string' || version === '' || typeof downloadUrl !== 'string' || downloadUrl === '') return undefined;
  const bytes = typeof size === 'number' ? size : typeof size === 'string' && /^\d+$/.test(size) ? Number(size) : undefined;
  return { version, size: bytes, downloadUrl };
}
