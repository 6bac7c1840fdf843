import { z } from 'zod';
import {
  BRIDGE_CREDENTIAL_FIELDS,
  BRIDGE_SECRET_MAX,
  FIELD_NUMBER_MAX,
  HEARTBEAT_SECONDS,
  MAX_FRAME_BYTES,
  PlatformUrlSchema,
  parseTcpAddress,
  type Bridge,
  type BridgeCredentials,
  type BridgeSettingsChange,
} from '../../../shared/contract/bridges.ts';
import type { MethodInput } from '../../../shared/contract/index.ts';
import { TlsOptionsSchema, type TlsOptions } from '../../../shared/contract/tls-options.ts';

/**
 * The Bridge page's forms as typed (issue 16 item 5) and their checks: what the contract will take,
 * or each field's problem as a catalog key with its values. Pure, so the page and the unit tests
 * share it; the core checks everything again.
 */

export type TlsMode = TlsOptions['mode'];

export interface BridgeForm {
  readonly name: string;
  readonly tcp: string;
  readonly url: string;
  readonly tls: TlsMode;
  readonly fingerprint: string;
  /** Empty: keep the stored one (editing) — credentials are write-only. */
  readonly accessId: string;
  readonly accessKey: string;
  readonly accessSecret: string;
  readonly enabled: boolean;
}

/** A problem as a catalog key (`bridgePage.validation.*`) and its placeholders. */
export interface FormIssue {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}
export type FormIssues<F extends string> = Partial<Record<F, FormIssue>>;

export const EMPTY_BRIDGE_FORM: BridgeForm = { name: '', tcp: '', url: '', tls: 'verify', fingerprint: '', accessId: '', accessKey: '', accessSecret: '', enabled: true };

/** The form showing a stored bridge: its addresses and switch, never its credentials (not readable). */
export function formOf(bridge: Bridge): BridgeForm {
  const host = bridge.tcpHost.includes(':') ? `[${bridge.tcpHost}]` : bridge.tcpHost;
  return { name: bridge.name, tcp: `${host}:${bridge.tcpPort}`, url: bridge.httpsUrl, tls: bridge.tls, fingerprint: '', accessId: '', accessKey: '', accessSecret: '', enabled: bridge.enabled };
}

/** The URL given is plain http:// (the page warns; the core flags it `plainHttp`). */
export function isPlainHttp(url: string): boolean {
  return /^\s*http:\/\//i.test(url);
}

export type BridgeAddInput = MethodInput<'bridge.add'>;
export type BridgeUpdateInput = MethodInput<'bridge.update'>;

/**
 * Checks the settings form: to add (`existing` null: every credential needed) or to change a stored
 * bridge (an empty credential keeps the stored one; a pinned check with no fingerprint typed keeps
 * the stored fingerprint).
 */
export function checkBridgeForm(
  form: BridgeForm,
  siteId: number,
  existing: Bridge | null,
): { add: BridgeAddInput | null; update: BridgeUpdateInput | null; issues: FormIssues<keyof BridgeForm> } {
  const issues: FormIssues<keyof BridgeForm> = {};
  const name = form.name.trim();
  if (name.length > 100) issues.name = { key: 'bridgePage.validation.name' };
  if (parseTcpAddress(form.tcp) === null) issues.tcp = { key: 'bridgePage.validation.tcp' };
  const url = form.url.trim();
  if (!PlatformUrlSchema.safeParse(url).success) issues.url = { key: 'bridgePage.validation.url' };

  let tls: TlsOptions | undefined;
  if (form.tls === 'pinned') {
    const fingerprint = form.fingerprint.trim();
    if (fingerprint === '' && existing?.tls === 'pinned') tls = undefined;
    else {
      const parsed = TlsOptionsSchema.safeParse({ mode: 'pinned', fingerprint256: fingerprint });
      if (parsed.success) tls = parsed.data;
      else issues.fingerprint = { key: 'bridgePage.validation.fingerprint' };
    }
  } else tls = { mode: form.tls };

  const credentials: Partial<BridgeCredentials> = {};
  for (const field of BRIDGE_CREDENTIAL_FIELDS) {
    const value = form[field].trim();
    const needed = existing === null || !existing.credentialFields.includes(field);
    if (value === '' ? needed : value.length > BRIDGE_SECRET_MAX) issues[field] = { key: 'bridgePage.validation.credential', values: { field, max: BRIDGE_SECRET_MAX } };
    else if (value !== '') credentials[field] = value;
  }

  if (Object.keys(issues).length > 0) return { add: null, update: null, issues };
  if (existing === null) {
    const add: BridgeAddInput = {
      siteId,
      ...(name !== '' ? { name } : {}),
      tcp: form.tcp.trim(),
      httpsUrl: url,
      tls: tls ?? { mode: 'verify' },
      credentials: credentials as BridgeCredentials,
      enabled: form.enabled,
    };
    return { add, update: null, issues };
  }
  const update: BridgeUpdateInput = {
    id: existing.id,
    ...(name !== '' && name !== existing.name ? { name } : {}),
    tcp: form.tcp.trim(),
    httpsUrl: url,
    ...(tls ? { tls } : {}),
    ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
    enabled: form.enabled,
  };
  return { add: null, update, issues };
}

/** The Advanced section as typed. */
export interface AdvancedForm {
  readonly layout: 'A' | 'B';
  readonly switches: Readonly<Record<string, string>>;
  /** JSON text: `{"C_AUTH": {"sign": 9}}`; empty for none. */
  readonly requests: string;
  readonly responses: string;
  readonly responseSignCheck: 'off' | 'warn' | 'strict';
  readonly heartbeatSeconds: string;
  readonly maxFrameBytes: string;
  readonly deviceVersion: string;
}

export function advancedFormOf(bridge: Bridge): AdvancedForm {
  const { settings } = bridge;
  const json = (value: object) => (Object.keys(value).length === 0 ? '' : JSON.stringify(value));
  return {
    layout: settings.layout,
    switches: { ...settings.switches },
    requests: json(settings.fieldNumbers.requests),
    responses: json(settings.fieldNumbers.responses),
    responseSignCheck: settings.responseSignCheck,
    heartbeatSeconds: String(settings.heartbeatSeconds),
    maxFrameBytes: String(settings.maxFrameBytes),
    deviceVersion: settings.deviceVersion,
  };
}

const OverridesSchema = z.record(z.string().regex(/^[A-Z_]{1,40}$/), z.record(z.string().regex(/^[A-Za-z_]{1,40}$/), z.number().int().min(1).max(FIELD_NUMBER_MAX)));

function parseOverrides(text: string): z.infer<typeof OverridesSchema> | null {
  if (text.trim() === '') return {};
  try {
    const parsed = OverridesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function wholeIn(text: string, bounds: { readonly min: number; readonly max: number }): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= bounds.min && value <= bounds.max ? value : null;
}

/** Checks the Advanced section: the settings change, or each field's problem with the contract's bounds. */
export function checkAdvancedForm(form: AdvancedForm): { change: BridgeSettingsChange | null; issues: FormIssues<keyof AdvancedForm> } {
  const issues: FormIssues<keyof AdvancedForm> = {};
  const requests = parseOverrides(form.requests);
  const responses = parseOverrides(form.responses);
  if (requests === null) issues.requests = { key: 'bridgePage.validation.fieldNumbers', values: { max: FIELD_NUMBER_MAX } };
  if (responses === null) issues.responses = { key: 'bridgePage.validation.fieldNumbers', values: { max: FIELD_NUMBER_MAX } };
  const heartbeatSeconds = wholeIn(form.heartbeatSeconds, HEARTBEAT_SECONDS);
  if (heartbeatSeconds === null) issues.heartbeatSeconds = { key: 'bridgePage.validation.whole', values: { min: HEARTBEAT_SECONDS.min, max: HEARTBEAT_SECONDS.max } };
  const maxFrameBytes = wholeIn(form.maxFrameBytes, MAX_FRAME_BYTES);
  if (maxFrameBytes === null) issues.maxFrameBytes = { key: 'bridgePage.validation.whole', values: { min: MAX_FRAME_BYTES.min, max: MAX_FRAME_BYTES.max } };
  if (form.deviceVersion.length > 64) issues.deviceVersion = { key: 'bridgePage.validation.tooLong', values: { max: 64 } };
  if (requests === null || responses === null || heartbeatSeconds === null || maxFrameBytes === null || issues.deviceVersion) return { change: null, issues };
  return {
    change: {
      layout: form.layout,
      switches: { ...form.switches },
      fieldNumbers: { requests, responses },
      responseSignCheck: form.responseSignCheck,
      heartbeatSeconds,
      maxFrameBytes,
      deviceVersion: form.deviceVersion,
    },
    issues,
  };
}
