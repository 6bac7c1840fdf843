/**
 * The switches of the Zhejiang codec where the document is silent or contradicts itself
 * (zhejiang.md §7). The defaults are the digest's decisions; each switch is what to try when a real
 * platform refuses (the README's Zhejiang section says which first). D1 (UTF-8, lowercase hex, no
 * separator) and D2 (compact JSON in table order, nulls left out) are not switches: they are the
 * only readings that let the text sent and the text signed be the same bytes.
 */
export interface ZhejiangCodecOptions {
  /** D3: HTTPS `param` as a JSON object (tables, §3.1.4) or as a string holding the JSON (§3.3.4). */
  readonly httpsParamEncoding: 'object' | 'string';
  /** D4: the photo left out of the sign by deleting the key, or by signing it as "". */
  readonly imgSignMode: 'delete' | 'empty-string';
  /** D5: the heartbeat's LAN IP key: `deviceIp` (the word "ip") or `devicelp` as printed (E14). */
  readonly deviceIpKey: 'deviceIp' | 'devicelp';
  /** D5: the task id key in T_UPDATE_TASKS_STATUS task objects: `taskid` (example) or `taskId` (table, E24). */
  readonly taskStatusIdKey: 'taskid' | 'taskId';
  /** D6: C_SIGN_IN `type`/`bitType` as JSON strings (table) or numbers (example, E17). */
  readonly attendanceTypeAs: 'string' | 'number';
}

export const DEFAULT_CODEC_OPTIONS: ZhejiangCodecOptions = {
  httpsParamEncoding: 'object',
  imgSignMode: 'delete',
  deviceIpKey: 'deviceIp',
  taskStatusIdKey: 'taskid',
  attendanceTypeAs: 'string',
};

/** How hard a response's sign is checked (D18): default warn. */
export type ResponseSignCheck = 'off' | 'warn' | 'strict';
export const DEFAULT_RESPONSE_SIGN_CHECK: ResponseSignCheck = 'warn';

/** The values each switch takes, for settings and the CLI. */
export const CODEC_SWITCHES: { readonly [K in keyof ZhejiangCodecOptions]: readonly ZhejiangCodecOptions[K][] } = {
  httpsParamEncoding: ['object', 'string'],
  imgSignMode: ['delete', 'empty-string'],
  deviceIpKey: ['deviceIp', 'devicelp'],
  taskStatusIdKey: ['taskid', 'taskId'],
  attendanceTypeAs: ['string', 'number'],
};

/** The options with `given` over the defaults; an unknown value is refused by name (for settings and the CLI). */
export function codecOptions(given: Partial<Record<keyof ZhejiangCodecOptions, unknown>> = {}): ZhejiangCodecOptions {
  const out: Record<string, unknown> = { ...DEFAULT_CODEC_OPTIONS };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const allowed = (CODEC_SWITCHES as Record<string, readonly unknown[] | undefined>)[name];
    if (!allowed) throw new RangeError(`unknown Zhejiang switch ${name}`);
    if (!allowed.includes(value)) throw new RangeError(`Zhejiang switch ${name} must be one of ${allowed.join(', ')}, not ${String(value)}`);
    out[name] = value;
  }
  return out as unknown as ZhejiangCodecOptions;
}
