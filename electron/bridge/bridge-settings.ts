import { HEARTBEAT_SECONDS, MAX_FRAME_BYTES, type BridgeSettings, type BridgeSettingsChange } from '../../shared/contract/bridges.ts';
import { ApiError } from '../../shared/contract/errors.ts';
import { TCP_APICODES, type TcpApicode } from '../drivers/zhejiang/endpoints.ts';
import { REQUEST_FIELDS, RESPONSE_FIELDS, TCP_LAYOUTS, layoutProblems, type TcpLayout } from '../drivers/zhejiang/messages.ts';
import { codecOptions, DEFAULT_RESPONSE_SIGN_CHECK, type ResponseSignCheck, type ZhejiangCodecOptions } from '../drivers/zhejiang/options.ts';

/**
 * A bridge's settings: the defaults, a change merged over them, and what a device session runs
 * with. The switches, layouts and field numbers are the codec's (electron/drivers/<platform>/
 * options.ts, messages.ts); this file only stores them and refuses what the codec cannot use,
 * naming each problem.
 */

/** What the device sessions use: the codec's own types. */
export interface BridgeRuntimeSettings {
  readonly codec: ZhejiangCodecOptions;
  readonly layout: TcpLayout;
  readonly responseSignCheck: ResponseSignCheck;
  readonly heartbeatMs: number;
  readonly maxFrameBytes: number;
  /** C_AUTH param `deviceVersion` (D20). */
  readonly deviceVersion: string;
}

/** The contract's sign-check values are the codec's (a compile error here if they drift apart). */
const signCheck = (value: BridgeSettings['responseSignCheck']): ResponseSignCheck => value;

export const DEFAULT_DEVICE_VERSION = 'v1.0.0';

export function defaultSettings(): BridgeSettings {
  return {
    switches: { ...codecOptions() },
    layout: 'A',
    fieldNumbers: { requests: {}, responses: {} },
    responseSignCheck: DEFAULT_RESPONSE_SIGN_CHECK,
    heartbeatSeconds: HEARTBEAT_SECONDS.default,
    maxFrameBytes: MAX_FRAME_BYTES.default,
    deviceVersion: DEFAULT_DEVICE_VERSION,
  };
}

type Overrides = BridgeSettings['fieldNumbers']['requests'];

function mergeOverrides(base: Overrides, change: Overrides | undefined): Overrides {
  const out: Record<string, Record<string, number>> = {};
  for (const [apicode, fields] of Object.entries(base)) out[apicode] = { ...fields };
  for (const [apicode, fields] of Object.entries(change ?? {})) out[apicode] = { ...out[apicode], ...fields };
  return out;
}

/** The layout with the overrides over it; unknown apicodes and fields are problems. */
function layoutOf(settings: BridgeSettings, problems: string[]): TcpLayout {
  const base = TCP_LAYOUTS[settings.layout];
  const apply = (side: 'requests' | 'responses', known: readonly string[]) => {
    const overrides = settings.fieldNumbers[side];
    for (const apicode of Object.keys(overrides)) if (!(TCP_APICODES as readonly string[]).includes(apicode)) problems.push(`${side}.${apicode}: not a TCP apicode (${TCP_APICODES.join(', ')})`);
    return Object.fromEntries(
      TCP_APICODES.map((apicode: TcpApicode) => {
        const fields = overrides[apicode] ?? {};
        for (const field of Object.keys(fields)) if (!known.includes(field)) problems.push(`${side}.${apicode}.${field}: not a field (${known.join(', ')})`);
        return [apicode, { ...base[side][apicode], ...fields }];
      }),
    ) as Record<TcpApicode, Record<string, number>>;
  };
  return { requests: apply('requests', REQUEST_FIELDS), responses: apply('responses', RESPONSE_FIELDS) };
}

/** The settings as sessions run them, or every problem found. */
export function checkSettings(settings: BridgeSettings): { runtime: BridgeRuntimeSettings | null; problems: string[] } {
  const problems: string[] = [];
  let codec: ZhejiangCodecOptions | null = null;
  try {
    codec = codecOptions(settings.switches as Partial<Record<keyof ZhejiangCodecOptions, unknown>>);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const layout = layoutOf(settings, problems);
  problems.push(...layoutProblems(layout));
  if (problems.length > 0 || !codec) return { runtime: null, problems };
  return {
    problems,
    runtime: {
      codec,
      layout,
      responseSignCheck: signCheck(settings.responseSignCheck),
      heartbeatMs: settings.heartbeatSeconds * 1000,
      maxFrameBytes: settings.maxFrameBytes,
      deviceVersion: settings.deviceVersion,
    },
  };
}

export function settingsError(problems: readonly string[]): ApiError {
  return new ApiError('bridge_settings_invalid', `The bridge's settings cannot be used: ${problems.join('; ')}`, { problems: problems.join('; ') });
}

/** `change` over `current`; throws `bridge_settings_invalid` naming every problem. */
export function mergeSettings(current: BridgeSettings, change: BridgeSettingsChange | undefined): BridgeSettings {
  const merged: BridgeSettings = {
    switches: { ...current.switches, ...change?.switches },
    layout: change?.layout ?? current.layout,
    fieldNumbers: {
      requests: mergeOverrides(current.fieldNumbers.requests, change?.fieldNumbers?.requests),
      responses: mergeOverrides(current.fieldNumbers.responses, change?.fieldNumbers?.responses),
    },
    responseSignCheck: change?.responseSignCheck ?? current.responseSignCheck,
    heartbeatSeconds: change?.heartbeatSeconds ?? current.heartbeatSeconds,
    maxFrameBytes: change?.maxFrameBytes ?? current.maxFrameBytes,
    deviceVersion: change?.deviceVersion ?? current.deviceVersion,
  };
  const { problems } = checkSettings(merged);
  if (problems.length > 0) throw settingsError(problems);
  return merged;
}

/** Stored settings text → settings (a field missing from an older row takes its default). */
export function readSettings(text: string): BridgeSettings {
  const stored = JSON.parse(text) as Partial<BridgeSettings>;
  const defaults = defaultSettings();
  return { ...defaults, ...stored, switches: { ...defaults.switches, ...stored.switches } };
}
