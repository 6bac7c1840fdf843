import { SiteIdSchema } from '../../../shared/contract/sites.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime } from '../site-time.ts';

function siteId(value: string | undefined): number {
  if (value === undefined) throw new UsageError('cli.missingArgument', { name: '<id>' });
  const parsed = SiteIdSchema.safeParse(/^\d+$/.test(value) ? Number(value) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.badNumber', { value, name: '<id>' });
  return parsed.data;
}

function name(args: readonly string[]): string {
  // Unquoted names with spaces arrive as several words: take them all.
  if (args.length === 0) throw new UsageError('cli.missingArgument', { name: '<name>' });
  return args.join(' ');
}

const list: Command = async (ctx) => {
  const state = await call(ctx.core(), 'sites.list', {});
  // Created, as every time of a site, in the site's own zone (shown beside it).
  const lines = state.sites.map((s) => `${s.id === state.currentSiteId ? '*' : ' '} ${s.id}\t${s.name}\t${s.address || '-'}\t${s.timeZone}\t${siteTime(s.createdAt, ctx.lang, s.timeZone)}`);
  return { json: state, text: lines.length > 0 ? lines.join('\n') : ctx.t('cli.noSites') };
};

const add: Command = async (ctx, args) => {
  const zone = ctx.options['time-zone'];
  const site = await call(ctx.core(), 'sites.create', { name: name(args), ...(typeof zone === 'string' ? { timeZone: zone } : {}) });
  return { json: site, text: ctx.t('cli.siteAdded', { id: site.id, name: site.name }) };
};

const rename: Command = async (ctx, args) => {
  const id = siteId(args[0]);
  const site = await call(ctx.core(), 'sites.rename', { id, name: name(args.slice(1)) });
  return { json: site, text: ctx.t('cli.siteRenamed', { id: site.id, name: site.name }) };
};

const address: Command = async (ctx, args) => {
  const id = siteId(args[0]);
  // Unquoted addresses with spaces arrive as several words; "" (or nothing) clears it.
  const site = await call(ctx.core(), 'sites.setAddress', { id, address: args.slice(1).join(' ') });
  return { json: site, text: site.address ? ctx.t('siteAddress.cliSaved', { id: site.id, address: site.address }) : ctx.t('siteAddress.cliCleared', { id: site.id }) };
};

const timezone: Command = async (ctx, args) => {
  const id = siteId(args[0]);
  const zone = args[1];
  if (zone === undefined) throw new UsageError('cli.missingArgument', { name: '<zone>' });
  const site = await call(ctx.core(), 'sites.setTimeZone', { id, timeZone: zone });
  return { json: site, text: ctx.t('siteTimeZone.cliSaved', { id: site.id, zone: site.timeZone }) };
};

const remove: Command = async (ctx, args) => {
  const result = await call(ctx.core(), 'sites.remove', { id: siteId(args[0]) });
  return { json: result, text: ctx.t('cli.siteRemoved', { id: result.id }) };
};

const select: Command = async (ctx, args) => {
  const id = args[0] === 'none' ? null : siteId(args[0]);
  const result = await call(ctx.core(), 'sites.select', { id });
  return { json: result, text: String(result.currentSiteId ?? '-') };
};

const subcommands: Readonly<Record<string, Command>> = { list, add, rename, address, timezone, remove, select };

export const sites: Command = (ctx: CommandContext, args) => {
  const [sub = 'list', ...rest] = args;
  const command = subcommands[sub];
  if (!command) throw new UsageError('cli.unknownCommand', { command: `sites ${sub}` });
  return command(ctx, rest);
};
