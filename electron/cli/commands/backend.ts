import { jsonObjectOption } from '../json-option.ts';
import { isVendor, type ConnectionTest, type Inventory, type InventoryPart } from '../../../shared/contract/backends.ts';
import { createTranslator } from '../../../shared/i18n/index.ts';
import { localizeError } from '../../../shared/i18n/errors.ts';
import { BackendIdSchema, SiteIdSchema } from '../../../shared/contract/index.ts';
import { driverVendors } from '../../backends/vendors.ts';
import { descriptorOf } from '../../drivers/registry.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { backendTimeZoneOf, siteTime } from '../site-time.ts';
import { tableLine } from '../terminal-text.ts';

function id(value: string | undefined, name = '<backend-id>'): number {
  if (value === undefined) throw new UsageError('cli.missingArgument', { name });
  const parsed = BackendIdSchema.safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.badNumber', { value, name });
  return parsed.data;
}

function option(ctx: CommandContext, name: string): string {
  const value = ctx.options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError('cli.missingArgument', { name: `--${name}` });
  return value;
}

function tlsChoice(ctx: CommandContext) {
  const mode = ctx.options['tls'];
  if (mode === undefined || mode === 'verify') return { mode: 'verify' as const };
  if (mode === 'accept-any') return { mode: 'accept-any' as const };
  if (mode === 'pinned') return { mode: 'pinned' as const, fingerprint256: option(ctx, 'fingerprint') };
  throw new UsageError('cli.badChoice', { name: '--tls', value: String(mode), choices: 'verify | pinned | accept-any' });
}

/** The credentials options the vendor's descriptor names (`--token`; `--app-key`, `--secret`). */
function credentials(ctx: CommandContext, vendor: string): Record<string, string> {
  const driver = isVendor(vendor) ? descriptorOf(vendor)?.driver : undefined;
  if (!driver) throw new UsageError('cli.noDriver', { vendor, available: driverVendors().join(', ') });
  return Object.fromEntries(Object.entries(driver.cliOptions).map(([name, field]) => [field, option(ctx, name)]));
}

const add: Command = async (ctx) => {
  const vendor = option(ctx, 'vendor');
  const secrets = credentials(ctx, vendor);
  const siteId = SiteIdSchema.safeParse(Number(option(ctx, 'site')));
  if (!siteId.success) throw new UsageError('cli.badNumber', { value: String(ctx.options['site']), name: '--site' });
  const name = ctx.options['name'];
  const backend = await call(ctx.core(), 'backends.add', {
    siteId: siteId.data,
    vendor,
    baseUrl: option(ctx, 'url'),
    tls: tlsChoice(ctx),
    credentials: secrets,
    ...(typeof name === 'string' ? { name } : {}),
  } as Parameters<typeof call<'backends.add'>>[2]);
  return { json: backend, text: String(backend.id) };
};

const list: Command = async (ctx) => {
  const site = ctx.options['site'];
  const { backends } = await call(ctx.core(), 'backends.list', typeof site === 'string' ? { siteId: Number(site) } : {});
  const lines = backends.map((b) => tableLine([b.id, b.vendor, b.name, b.baseUrl, `site ${b.siteId}`, b.lastTest ? `${b.lastTest.verdict} ${b.lastTest.at}` : '-']));
  return { json: { backends }, text: lines.length > 0 ? lines.join('\n') : ctx.t('cli.noBackends') };
};

function describeTest(ctx: CommandContext, test: ConnectionTest): string {
  const lines = [`${ctx.t(`verdicts.${test.verdict}`)} (${test.latencyMs} ms)`, test.message];
  if (test.advice) lines.push(ctx.lang === 'zh-CN' ? test.advice['zh-CN'] : test.advice.en);
  for (const [key, value] of Object.entries(test.facts)) lines.push(`  ${key}: ${String(value)}`);
  if (test.clockSkewMs !== null) lines.push(`  clockSkewMs: ${test.clockSkewMs}`);
  return lines.join('\n');
}

const test: Command = async (ctx, args) => {
  const result = await call(ctx.core(), 'backends.test', { id: id(args[0]) });
  return { json: result, text: describeTest(ctx, result), exitCode: result.verdict === 'ok' ? 0 : 1 };
};

function describeInventory(ctx: CommandContext, inventory: Inventory | null, timeZone: string): string {
  if (!inventory) return '-';
  const i18n = createTranslator(ctx.lang);
  // A part the refresh could not read says why, under its (stored) rows' heading.
  const section = (part: InventoryPart, title: string, rows: (string | null | undefined)[][]) => {
    const error = inventory.partErrors?.[part];
    const failed = error ? [`  ! ${ctx.t('cli.inventoryPartFailed', { error: localizeError(i18n, error) })}`] : [];
    return [`${title} (${rows.length})`, ...failed, ...rows.map((r) => `  ${tableLine(r)}`)].join('\n');
  };
  return [
    `refreshed ${siteTime(inventory.refreshedAt, ctx.lang, timeZone)}`,
    section('devices', 'devices', inventory.devices.map((d) => [d.id, d.name, d.serial, d.model, d.kind])),
    section('doors', 'doors', inventory.doors.map((d) => [d.id, d.name, d.deviceId])),
    section('readers', 'readers', inventory.readers.map((r) => [r.id, r.name, r.direction])),
    section('accessLevels', 'access levels', inventory.accessLevels.map((l) => [l.id, l.name])),
    section('departments', 'departments', inventory.departments.map((d) => [d.id, d.name])),
  ].join('\n');
}

const inventory: Command = async (ctx, args) => {
  const backendId = id(args[0]);
  const result = await call(ctx.core(), 'backends.inventory', { id: backendId, refresh: ctx.options['cached'] !== true });
  // Exit 1 when a part could not be read (the rest was read and stored), as `backend test` does unless ok.
  const partial = result?.partErrors !== undefined && Object.keys(result.partErrors).length > 0;
  return { json: result, text: describeInventory(ctx, result, await backendTimeZoneOf(ctx.core(), backendId)), ...(partial ? { exitCode: 1 } : {}) };
};

const remove: Command = async (ctx, args) => {
  const result = await call(ctx.core(), 'backends.remove', { id: id(args[0]) });
  return { json: result, text: String(result.id) };
};

const subcommands: Readonly<Record<string, Command>> = { add, list, test, inventory, remove };

export const backend: Command = (ctx, args) => {
  const [sub = 'list', ...rest] = args;
  const command = subcommands[sub];
  if (!command) throw new UsageError('cli.unknownCommand', { command: `backend ${sub}` });
  return command(ctx, rest);
};

/** `call <backend-id> <endpoint-id> [--params <json>] [--force]`: any endpoint, fields by name. */
export const callEndpoint: Command = async (ctx, args) => {
  const backendId = id(args[0]);
  const endpoint = args[1];
  if (!endpoint) throw new UsageError('cli.missingArgument', { name: '<endpoint-id>' });
  let params: unknown = {};
  const raw = ctx.options['params'];
  if (typeof raw === 'string') params = jsonObjectOption(raw, '--params');
  const result = await call(ctx.core(), 'backends.call', {
    id: backendId,
    endpoint,
    params: params as Record<string, unknown>,
    force: ctx.options['force'] === true,
  });
  return { json: result.data, text: JSON.stringify(result.data, null, 2) };
};
