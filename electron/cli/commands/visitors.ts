import { SiteIdSchema } from '../../../shared/contract/index.ts';
import type { Visitor } from '../../../shared/contract/visitors.ts';
import { PhotoReader } from '../../photos/photo-reader.ts';
import { call } from '../call.ts';
import { InputFileError, UsageError } from '../cli-error.ts';
import type { Command, CommandContext, CommandResult } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

function text(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The site: --site, else the current one. */
async function siteOf(ctx: CommandContext): Promise<number> {
  const given = text(ctx, 'site');
  const id = given === undefined ? (await call(ctx.core(), 'sites.list', {})).currentSiteId : Number(given);
  const parsed = SiteIdSchema.safeParse(id);
  if (!parsed.success) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  return parsed.data;
}

function visitorId(args: readonly string[]): number {
  const id = Number(args[0]);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('cli.missingArgument', { name: '<visitor-id>' });
  return id;
}

function row(ctx: CommandContext, v: Visitor, timeZone: string): string {
  const time = (value: string | null) => (value === null ? ctx.t('visitors.notYet') : siteTime(value, ctx.lang, timeZone));
  return ctx.t('visitors.cli.row', {
    id: v.id,
    name: v.name,
    host: v.hostName ? `${v.hostPin} ${v.hostName}` : v.hostPin,
    from: v.validFrom,
    to: v.validTo,
    state: ctx.t(`visitors.state.${stateOf(v)}`),
    arrived: time(v.arrivedAt),
    left: time(v.leftAt),
  });
}

async function list(ctx: CommandContext): Promise<CommandResult> {
  const siteId = await siteOf(ctx);
  const date = text(ctx, 'date');
  const result = await call(ctx.core(), 'visitors.list', date ? { siteId, date } : { siteId });
  const zone = await siteTimeZoneOf(ctx.core(), siteId);
  const lines = result.visitors.map((v) => row(ctx, v, zone));
  return {
    json: result,
    text: lines.length === 0 ? ctx.t('visitors.cli.none', { site: siteId, date: result.date }) : [ctx.t('visitors.cli.header', { site: siteId, date: result.date }), ...lines].join('\n'),
  };
}

async function add(ctx: CommandContext): Promise<CommandResult> {
  const backends = ctx.options['backend'];
  const backendId = Number(Array.isArray(backends) ? backends[0] : undefined);
  if (!Number.isInteger(backendId) || backendId <= 0) throw new UsageError('cli.missingArgument', { name: '--backend <id>' });
  const name = text(ctx, 'name');
  const host = text(ctx, 'host');
  if (!name) throw new UsageError('cli.missingArgument', { name: '--name' });
  if (!host) throw new UsageError('cli.missingArgument', { name: '--host <pin>' });
  const photoPath = text(ctx, 'photo');
  let jpegBase64: string | undefined;
  if (photoPath) {
    try {
      jpegBase64 = Buffer.from((await new PhotoReader().read(photoPath)).bytes).toString('base64');
    } catch {
      throw new InputFileError('cli.unreadableFile', { path: photoPath }, 'cli.photoHint');
    }
  }
  const optional = (key: string, option: string) => (text(ctx, option) === undefined ? {} : { [key]: text(ctx, option) });
  const visitor = await call(ctx.core(), 'visitors.register', {
    backendId,
    visitor: {
      name,
      hostPin: host,
      ...optional('reason', 'reason'),
      ...optional('idType', 'id-type'),
      ...optional('idNumber', 'id-number'),
      ...optional('phone', 'phone'),
      ...optional('company', 'company'),
      ...optional('validFrom', 'from'),
      ...optional('validTo', 'to'),
    } as { name: string; hostPin: string },
    ...(jpegBase64 ? { face: { jpegBase64 } } : {}),
  });
  const line = ctx.t('visitors.cli.added', { id: visitor.id, name: visitor.name, state: ctx.t(`visitors.state.${stateOf(visitor)}`) });
  if (visitor.state === 'failed') return { json: visitor, text: `${line}\n${ctx.t('visitors.cli.notSent', { id: visitor.id, reason: visitor.error?.message ?? '' })}`, exitCode: 1 };
  return { json: visitor, text: line };
}

/**
 * `visitors list [--site <id>] [--date yyyy-MM-dd]`, `visitors add --backend <id> --name … --host <pin>
 * [--reason …] [--from …] [--to …] [--id-type …] [--id-number …] [--phone …] [--company …] [--photo f.jpg]`,
 * `visitors checkout <id>`, `visitors retry <id>` (issue 15 item 4).
 */
export const visitors: Command = async (ctx, args) => {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(ctx);
  if (sub === 'add') return add(ctx);
  if (sub === 'checkout') {
    const visitor = await call(ctx.core(), 'visitors.checkOut', { id: visitorId(rest) });
    return { json: visitor, text: ctx.t('visitors.cli.checkedOut', { id: visitor.id, name: visitor.name }) };
  }
  if (sub === 'retry') {
    const visitor = await call(ctx.core(), 'visitors.retry', { id: visitorId(rest) });
    return { json: visitor, text: ctx.t('visitors.cli.added', { id: visitor.id, name: visitor.name, state: ctx.t(`visitors.state.${stateOf(visitor)}`) }), exitCode: visitor.state === 'failed' ? 1 : 0 };
  }
  throw new UsageError('cli.missingArgument', { name: 'list | add | checkout | retry' });
};

/** The state as the page words it: a registered visitor booked for a later day is `reserved` (ZKBio). */
function stateOf(visitor: Visitor): string {
  return visitor.state === 'registered' && visitor.reserved ? 'reserved' : visitor.state;
}
