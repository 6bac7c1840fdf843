import { jsonObjectOption } from '../json-option.ts';
import { BRIDGE_CREDENTIAL_FIELDS, BridgeIdSchema, type Bridge, type BridgeCredentials, type BridgeDevice, type DeviceAccessLevels, type DoorRef } from '../../../shared/contract/bridges.ts';
import { SiteIdSchema } from '../../../shared/contract/sites.ts';
import { call } from '../call.ts';
import { bridgeRunCommands } from './bridge-run.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext, CommandResult } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

/**
 * `bridge add|list|remove`, `bridge device add|list|remove`, `bridge tasks|queue` (issue 16 item 6):
 * the platform bridge's set-up from a terminal, through the same `bridge.*` contract as the page.
 * The credentials may come from the environment (DOORMAN_ZJ_ACCESS_ID, DOORMAN_ZJ_ACCESS_KEY,
 * DOORMAN_ZJ_ACCESS_SECRET) so they stay out of the shell's history; an option wins over the variable.
 */

const CREDENTIAL_SOURCES: Readonly<Record<keyof BridgeCredentials, { option: string; env: string }>> = {
  accessId: { option: 'access-id', env: 'DOORMAN_ZJ_ACCESS_ID' },
  accessKey: { option: 'access-key', env: 'DOORMAN_ZJ_ACCESS_KEY' },
  accessSecret: { option: 'access-secret', env: 'DOORMAN_ZJ_ACCESS_SECRET' },
};

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function required(ctx: CommandContext, name: string): string {
  const value = text(ctx, name);
  if (value === undefined) throw new UsageError('cli.missingArgument', { name: `--${name}` });
  return value;
}

function positiveId(value: string | undefined, name: string): number {
  if (value === undefined) throw new UsageError('cli.missingArgument', { name });
  const parsed = BridgeIdSchema.safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.badNumber', { value, name });
  return parsed.data;
}

function credentials(ctx: CommandContext): BridgeCredentials {
  const out: Partial<Record<keyof BridgeCredentials, string>> = {};
  for (const field of BRIDGE_CREDENTIAL_FIELDS) {
    const { option, env } = CREDENTIAL_SOURCES[field];
    const value = text(ctx, option) ?? ctx.env[env];
    if (value === undefined || value === '') throw new UsageError('cli.missingArgument', { name: `--${option} (or $${env})` });
    out[field] = value;
  }
  return out as BridgeCredentials;
}

function tls(ctx: CommandContext) {
  const mode = ctx.options['tls'];
  if (mode === undefined || mode === 'verify') return { mode: 'verify' as const };
  if (mode === 'accept-any') return { mode: 'accept-any' as const };
  if (mode === 'pinned') return { mode: 'pinned' as const, fingerprint256: required(ctx, 'fingerprint') };
  throw new UsageError('cli.badChoice', { name: '--tls', value: String(mode), choices: 'verify | pinned | accept-any' });
}

/** `--door 3:D1 --door 3:D2`, `--door 3:D1,3:D2`, or the pairs after the last option. */
function doors(ctx: CommandContext, extra: readonly string[]): DoorRef[] {
  const given = ctx.options['door'];
  const texts = [...(Array.isArray(given) ? given : typeof given === 'string' ? [given] : []), ...extra].flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  return texts.map((t) => {
    const pair = /^(\d+):(.+)$/.exec(t);
    if (!pair) throw new UsageError('cli.badChoice', { name: '--door', value: t, choices: '<backend-id>:<door-id>' });
    return { backendId: Number(pair[1]), doorId: pair[2]! };
  });
}

/** `--level 3:R1 --level 3:R2` or `--level 3:R1,3:R2`: the access levels per backend (none given: undefined). */
function levels(ctx: CommandContext): DeviceAccessLevels[] | undefined {
  const given = ctx.options['level'];
  if (given === undefined) return undefined;
  const texts = (Array.isArray(given) ? given : typeof given === 'string' ? [given] : []).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const byBackend = new Map<number, string[]>();
  for (const t of texts) {
    const pair = /^(\d+):(.+)$/.exec(t);
    if (!pair) throw new UsageError('cli.badChoice', { name: '--level', value: t, choices: '<backend-id>:<level-id>' });
    byBackend.set(Number(pair[1]), [...(byBackend.get(Number(pair[1])) ?? []), pair[2]!]);
  }
  return [...byBackend].map(([backendId, accessLevelIds]) => ({ backendId, accessLevelIds }));
}

/** The levels its workers get per backend, and a warning for each backend where they would get none. */
function levelLines(ctx: CommandContext, device: BridgeDevice): { summary: string; warnings: string[] } {
  const summary = device.levels
    .map((l) => ctx.t('bridgeWork.backendLevels', { backend: l.backendName ?? `#${l.backendId}`, ids: l.accessLevelIds.length > 0 ? l.accessLevelIds.join(', ') : '—', from: ctx.t(l.from === 'set' ? 'bridgeWork.fromSet' : 'bridgeWork.fromDoors') }))
    .join('; ');
  const warnings = device.levels
    .filter((l) => l.accessLevelIds.length === 0)
    .map((l) => ctx.t('bridgeWork.noLevel', { backend: l.backendName ?? `#${l.backendId}`, backendId: l.backendId, bridge: device.bridgeId, device: device.id }));
  return { summary: ctx.t('bridgeWork.levels', { levels: summary === '' ? '—' : summary }), warnings };
}

function bridgeLine(ctx: CommandContext, b: Bridge): string {
  return ctx.t('bridge.cli.row', {
    id: b.id,
    name: b.name,
    site: b.siteId,
    tcp: `${b.tcpHost.includes(':') ? `[${b.tcpHost}]` : b.tcpHost}:${b.tcpPort}`,
    url: b.httpsUrl,
    tls: b.tls,
    enabled: ctx.t(b.enabled ? 'bridge.cli.enabled' : 'bridge.cli.disabled'),
    credentials: b.credentialFields.length > 0 ? b.credentialFields.join(', ') : ctx.t('bridge.cli.noCredentials'),
  });
}

function doorList(ctx: CommandContext, device: BridgeDevice): string {
  if (device.doors.length === 0) return ctx.t('bridge.cli.noDoors');
  return device.doors.map((d) => ctx.t('bridge.cli.doorRef', { backend: d.backendId, door: d.doorId, name: d.doorName ?? '?' })).join(', ');
}

const add: Command = async (ctx) => {
  const siteText = required(ctx, 'site');
  const siteId = SiteIdSchema.safeParse(/^\d+$/.test(siteText) ? Number(siteText) : Number.NaN);
  if (!siteId.success) throw new UsageError('cli.badNumber', { value: siteText, name: '--site' });
  const name = text(ctx, 'name');
  const settings = settingsChange(ctx);
  const bridge = await call(ctx.core(), 'bridge.add', {
    siteId: siteId.data,
    tcp: required(ctx, 'tcp'),
    httpsUrl: required(ctx, 'url'),
    tls: tls(ctx),
    credentials: credentials(ctx),
    ...(name !== undefined ? { name } : {}),
    ...(settings !== undefined ? { settings: settings as never } : {}),
  });
  if (bridge.plainHttp) ctx.say(ctx.t('bridge.cli.plainHttp', { url: bridge.httpsUrl }));
  return { json: bridge, text: String(bridge.id) };
};

/** `--settings <json>`: a change of settings (switches, layout, fieldNumbers, responseSignCheck, heartbeatSeconds…). */
function settingsChange(ctx: CommandContext): Record<string, unknown> | undefined {
  const raw = text(ctx, 'settings');
  if (raw === undefined) return undefined;
  return jsonObjectOption(raw, '--settings');
}

/** Only what is given changes; a credential comes from its option or its variable, the others are kept. */
const update: Command = async (ctx, args) => {
  const id = positiveId(args[0], '<bridge-id>');
  const secrets: Partial<BridgeCredentials> = {};
  for (const field of BRIDGE_CREDENTIAL_FIELDS) {
    const { option, env } = CREDENTIAL_SOURCES[field];
    const value = text(ctx, option) ?? ctx.env[env];
    if (value !== undefined && value !== '') secrets[field] = value;
  }
  const name = text(ctx, 'name');
  const tcp = text(ctx, 'tcp');
  const url = text(ctx, 'url');
  const settings = settingsChange(ctx);
  const bridge = await call(ctx.core(), 'bridge.update', {
    id,
    ...(name !== undefined ? { name } : {}),
    ...(tcp !== undefined ? { tcp } : {}),
    ...(url !== undefined ? { httpsUrl: url } : {}),
    ...(ctx.options['tls'] !== undefined ? { tls: tls(ctx) } : {}),
    ...(Object.keys(secrets).length > 0 ? { credentials: secrets } : {}),
    ...(settings !== undefined ? { settings: settings as never } : {}),
  });
  if (bridge.plainHttp && url !== undefined) ctx.say(ctx.t('bridge.cli.plainHttp', { url: bridge.httpsUrl }));
  return { json: bridge, text: [bridgeLine(ctx, bridge), JSON.stringify(bridge.settings, null, 2)].join('\n') };
};

const list: Command = async (ctx) => {
  const site = text(ctx, 'site');
  const { bridges } = await call(ctx.core(), 'bridge.list', site !== undefined ? { siteId: Number(site) } : {});
  return { json: { bridges }, text: bridges.length > 0 ? bridges.map((b) => bridgeLine(ctx, b)).join('\n') : ctx.t('bridge.cli.none') };
};

const remove: Command = async (ctx, args) => {
  const result = await call(ctx.core(), 'bridge.remove', { id: positiveId(args[0], '<bridge-id>') });
  return { json: result, text: ctx.t('bridge.cli.removed', { id: result.id }) };
};

const device: Command = async (ctx, args) => {
  const [sub, bridgeText, ...rest] = args;
  const bridgeId = positiveId(bridgeText, '<bridge-id>');
  if (sub === 'add') {
    const accessLevels = levels(ctx);
    const added = await call(ctx.core(), 'bridge.devices.add', { bridgeId, sn: required(ctx, 'sn'), doors: doors(ctx, rest), ...(accessLevels ? { accessLevels } : {}) });
    const { summary, warnings } = levelLines(ctx, added);
    for (const warning of warnings) ctx.say(warning);
    return { json: added, text: `${ctx.t('bridge.cli.deviceAdded', { sn: added.sn, id: added.id, bridge: bridgeId, doors: doorList(ctx, added) })}\n${summary}` };
  }
  if (sub === 'update') {
    const deviceId = positiveId(rest[0], '<device-id>');
    const given = ctx.options['door'] !== undefined || rest.length > 1 ? doors(ctx, rest.slice(1)) : undefined;
    const accessLevels = levels(ctx);
    const updated = await call(ctx.core(), 'bridge.devices.update', { bridgeId, deviceId, ...(given ? { doors: given } : {}), ...(accessLevels ? { accessLevels } : {}) });
    const { summary, warnings } = levelLines(ctx, updated);
    for (const warning of warnings) ctx.say(warning);
    return { json: updated, text: ctx.t('bridgeWork.deviceUpdated', { sn: updated.sn, id: updated.id, bridge: bridgeId, doors: doorList(ctx, updated), levels: summary }) };
  }
  if (sub === 'list') {
    const { devices } = await call(ctx.core(), 'bridge.devices.list', { bridgeId });
    const lines = devices.flatMap((d) => {
      const { summary, warnings } = levelLines(ctx, d);
      return [`${ctx.t('bridge.cli.deviceRow', { id: d.id, sn: d.sn, doors: doorList(ctx, d) })}  ${summary}`, ...warnings.map((w) => `  ${w}`)];
    });
    return { json: { devices }, text: lines.length > 0 ? lines.join('\n') : ctx.t('bridge.cli.devicesNone', { bridge: bridgeId }) };
  }
  if (sub === 'remove') {
    const result = await call(ctx.core(), 'bridge.devices.remove', { bridgeId, deviceId: positiveId(rest[0], '<device-id>') });
    return { json: result, text: ctx.t('bridge.cli.deviceRemoved', { id: result.deviceId, bridge: bridgeId }) };
  }
  throw new UsageError('cli.missingArgument', { name: 'device add | update | list | remove' });
};

async function zoneOf(ctx: CommandContext, bridgeId: number): Promise<string> {
  const bridge = await call(ctx.core(), 'bridge.get', { id: bridgeId });
  return siteTimeZoneOf(ctx.core(), bridge.siteId);
}

const tasks: Command = async (ctx, args) => {
  const bridgeId = positiveId(args[0], '<bridge-id>');
  const zone = await zoneOf(ctx, bridgeId);
  const { tasks: history } = await call(ctx.core(), 'bridge.tasks', { bridgeId });
  const failed = (key: 'bridgeWork.failedPerson' | 'bridgeWork.failedFace', list: readonly unknown[]) =>
    (list as { personId?: string; errCode?: string; reason?: string }[]).map((w) => ctx.t(key, { personId: w.personId ?? '?', errCode: w.errCode ?? '?', reason: w.reason ? ` — ${w.reason}` : '' }));
  const lines = history.flatMap((t) => [
    ctx.t('bridge.cli.taskRow', {
      time: siteTime(t.receivedAt, ctx.lang, zone),
      sn: t.sn,
      taskid: t.taskid,
      apicode: t.apicode ?? '-',
      state: ctx.t(`bridgeWork.state.${t.state}`),
      page: t.currentPage !== null && t.totalPage !== null ? `  ${t.currentPage}/${t.totalPage}` : '',
      error: t.error ? `  ${t.error}` : '',
    }),
    ...failed('bridgeWork.failedPerson', t.failedPersons),
    ...failed('bridgeWork.failedFace', t.failedFaces),
  ]);
  return { json: { tasks: history }, text: lines.length > 0 ? lines.join('\n') : ctx.t('bridge.cli.tasksNone', { bridge: bridgeId }) };
};

const queue: Command = async (ctx, args): Promise<CommandResult> => {
  const bridgeId = positiveId(args[0], '<bridge-id>');
  const zone = await zoneOf(ctx, bridgeId);
  const q = await call(ctx.core(), 'bridge.queue', { bridgeId });
  const at = (ms: number) => siteTime(new Date(ms).toISOString(), ctx.lang, zone);
  const lines = [
    ctx.t('bridge.cli.queueSummary', { bridge: bridgeId, depth: q.depth, oldest: q.oldestRecordTime === null ? '' : ctx.t('bridge.cli.queueOldest', { time: at(q.oldestRecordTime) }) }),
    ...q.devices.map((d) => ctx.t('bridge.cli.queueDevice', { sn: d.sn, depth: d.depth })),
  ];
  if (q.failed.length > 0) {
    lines.push(ctx.t('bridge.cli.queueFailedHeader'));
    for (const s of q.failed) lines.push(ctx.t('bridge.cli.queueFailedRow', { time: at(s.recordTime), sn: s.sn, person: s.personId, attempts: s.attempts, error: s.lastError ?? '' }));
  }
  return { json: q, text: lines.join('\n') };
};

const subcommands: Readonly<Record<string, Command>> = { add, update, list, remove, device, tasks, queue, ...bridgeRunCommands };

export const bridge: Command = (ctx, args) => {
  const [sub = 'list', ...rest] = args;
  const command = subcommands[sub];
  if (!command) throw new UsageError('cli.unknownCommand', { command: `bridge ${sub}` });
  return command(ctx, rest);
};
