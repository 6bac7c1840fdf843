import { SiteIdSchema } from '../../../shared/contract/index.ts';
import { DOOR_SET_MODES, type DoorAction } from '../../../shared/contract/doors.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext, CommandResult } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

async function siteOf(ctx: CommandContext): Promise<number> {
  const given = ctx.options['site'];
  const id = typeof given === 'string' && given !== '' ? Number(given) : (await call(ctx.core(), 'sites.list', {})).currentSiteId;
  const parsed = SiteIdSchema.safeParse(id);
  if (!parsed.success) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  return parsed.data;
}

function doorRef(args: readonly string[]): { backendId: number; doorId: string } {
  const backendId = Number(args[0]);
  if (!Number.isInteger(backendId) || backendId <= 0) throw new UsageError('cli.missingArgument', { name: '<backend-id>' });
  const doorId = args[1];
  if (!doorId) throw new UsageError('cli.missingArgument', { name: '<door-id>' });
  return { backendId, doorId };
}

async function list(ctx: CommandContext): Promise<CommandResult> {
  const site = await siteOf(ctx);
  const { doors } = await call(ctx.core(), 'doors.list', { siteId: site });
  if (doors.length === 0) return { json: { doors }, text: ctx.t('doors.cli.none', { site }) };
  const rows = doors.map((d) =>
    ctx.t('doors.cli.row', { backend: d.backendId, door: d.doorId, name: d.name, state: ctx.t(`doors.state.${d.state}`), actions: d.actions.map((a) => ctx.t(`doors.action.${a}`)).join(', ') }),
  );
  return { json: { doors }, text: [ctx.t('doors.cli.header', { site }), ...rows].join('\n') };
}

function done(ctx: CommandContext, action: DoorAction): CommandResult {
  return { json: action, text: ctx.t('doors.cli.done', { action: ctx.t(`doors.action.${action.action}`), door: action.doorName ?? action.doorId, backend: action.backendId, id: action.id }) };
}

async function log(ctx: CommandContext): Promise<CommandResult> {
  const site = await siteOf(ctx);
  const { actions } = await call(ctx.core(), 'doors.actions', { siteId: site });
  if (actions.length === 0) return { json: { actions }, text: ctx.t('doors.cli.logNone', { site }) };
  const zone = await siteTimeZoneOf(ctx.core(), site);
  const rows = actions.map((a) => {
    const result = a.result === 'failed' ? `${ctx.t('doors.result.failed')} (${a.errorCode ?? ''}: ${a.errorMessage ?? ''})` : ctx.t(`doors.result.${a.result}`);
    return ctx.t('doors.cli.logRow', {
      time: siteTime(a.startedAt, ctx.lang, zone),
      station: a.station,
      guard: a.guard ?? ctx.t('doors.noGuard'),
      backend: a.backendId,
      door: a.doorName ?? a.doorId,
      action: ctx.t(`doors.action.${a.action}`),
      result,
    });
  });
  return { json: { actions }, text: [ctx.t('doors.cli.logHeader', { site }), ...rows].join('\n') };
}

/**
 * `doors list [--site <id>]`, `doors open <backend-id> <door-id> [--seconds 5]`, `doors close <backend-id> <door-id>`,
 * `doors mode <backend-id> <door-id> normally-open|normally-closed|normal`, `doors log [--site <id>]` (issue 15 item 2).
 */
export const doors: Command = async (ctx, args) => {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(ctx);
  if (sub === 'log') return log(ctx);
  if (sub === 'open') {
    const given = ctx.options['seconds'];
    const seconds = typeof given === 'string' ? Number(given) : 5;
    if (!Number.isInteger(seconds)) throw new UsageError('cli.missingArgument', { name: '--seconds <1–254>' });
    return done(ctx, await call(ctx.core(), 'doors.open', { ...doorRef(rest), seconds }));
  }
  if (sub === 'close') return done(ctx, await call(ctx.core(), 'doors.close', doorRef(rest)));
  if (sub === 'mode') {
    const mode = DOOR_SET_MODES.find((m) => m === rest[2]);
    if (!mode) throw new UsageError('cli.missingArgument', { name: DOOR_SET_MODES.join(' | ') });
    return done(ctx, await call(ctx.core(), 'doors.setMode', { ...doorRef(rest), mode }));
  }
  throw new UsageError('cli.missingArgument', { name: 'list | open | close | mode | log' });
};
