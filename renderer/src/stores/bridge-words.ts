import type { BridgeTask, DEVICE_RUN_STATES, BRIDGE_TASK_STATES } from '../../../shared/contract/bridges.ts';

/**
 * How the Bridge page says things (issue 16 item 5): a task's apicode in words, a device's and a
 * task's state as a tone (colour + icon, components/tones.ts) and a catalog key, ages ("12 s ago"),
 * the failed persons/faces of a task. Pure: unit-tested, shared by the page's parts.
 */

/** Tone names as components/tones.ts has them (stores may not import components). */
type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';

export type DeviceRunState = (typeof DEVICE_RUN_STATES)[number];
export type TaskState = (typeof BRIDGE_TASK_STATES)[number];

export const DEVICE_STATE_TONES: Readonly<Record<DeviceRunState, Tone>> = {
  online: 'ok',
  connecting: 'info',
  authenticating: 'info',
  backoff: 'warn',
  revoked: 'bad',
  stopped: 'neutral',
  elsewhere: 'warn',
};

export const TASK_STATE_TONES: Readonly<Record<TaskState, Tone>> = {
  received: 'info',
  fetched: 'info',
  running: 'info',
  syncing: 'info',
  done: 'ok',
  failed: 'bad',
  unsupported: 'warn',
  reported: 'ok',
};

/** The platform's task apicodes the page has words for (zhejiang.md §3.3–§3.8). */
export const TASK_APICODES = ['T_SEND_PERSON', 'T_UPDATE_DEVICE_PERSON', 'T_DEL_DEVICE_PERSON', 'T_CLEAR_DEVICE_PERSON', 'T_UPDATE_DEVICE_VERSION', 'T_POST_DEVICE_PERSON'] as const;

/** The catalog key (and values) naming a task's apicode: known ones in words, others as they came, none yet = not fetched. */
export function apicodeWords(apicode: string | null): { key: string; values?: { apicode: string } } {
  if (apicode === null) return { key: 'bridgePage.tasks.apicode.pending' };
  if ((TASK_APICODES as readonly string[]).includes(apicode)) return { key: `bridgePage.tasks.apicode.${apicode}` };
  return { key: 'bridgePage.tasks.apicode.unknown', values: { apicode } };
}

/**
 * A duration in its largest whole unit: seconds under a minute, minutes under an hour, hours under
 * a day, then days. `ago` for a past instant ("12 s ago"), `age` for a length ("12 s").
 */
export function durationWords(ms: number, kind: 'ago' | 'age'): { key: string; values: { count: number } | { value: number } } {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const unit = seconds < 60 ? (['seconds', seconds] as const) : seconds < 3600 ? (['minutes', Math.floor(seconds / 60)] as const) : seconds < 86_400 ? (['hours', Math.floor(seconds / 3600)] as const) : (['days', Math.floor(seconds / 86_400)] as const);
  const [name, n] = unit;
  if (kind === 'age' && name !== 'days') return { key: `bridgePage.age.${name}`, values: { value: n } };
  return { key: `bridgePage.${kind}.${name}`, values: { count: n } };
}

export interface FailedEntry {
  readonly personId: string;
  readonly code: string;
}

/** A task's failedPersons / failedFaces as the platform shapes them (§5.3: `{personId, errCode}`); anything else shown as text. */
export function failedEntries(list: BridgeTask['failedPersons']): FailedEntry[] {
  return list.map((item) => {
    if (item !== null && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const personId = record['personId'];
      const code = record['errCode'] ?? record['errorcode'] ?? record['code'];
      return { personId: typeof personId === 'string' || typeof personId === 'number' ? String(personId) : '?', code: typeof code === 'string' || typeof code === 'number' ? String(code) : '' };
    }
    return { personId: String(item), code: '' };
  });
}

/**
 * The codec switches' choices, by name (the driver's CODEC_SWITCHES, electron/drivers/…/options.ts:
 * the renderer cannot import the core; a unit test keeps the two the same). A switch the page does
 * not know is typed as text and checked by the core.
 */
export const SWITCH_CHOICES: Readonly<Record<string, readonly string[]>> = {
  httpsParamEncoding: ['object', 'string'],
  imgSignMode: ['delete', 'empty-string'],
  deviceIpKey: ['deviceIp', 'devicelp'],
  taskStatusIdKey: ['taskid', 'taskId'],
  attendanceTypeAs: ['string', 'number'],
};
