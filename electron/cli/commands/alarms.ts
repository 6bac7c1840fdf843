import { AlarmIdSchema, type Alarm } from '../../../shared/contract/alarms.ts';
import { SiteIdSchema } from '../../../shared/contract/sites.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';
import { tableLine } from '../terminal-text.ts';

async function siteOf(ctx: CommandContext): Promise<number> {
  const given = ctx.options['site'];
  if (typeof given === 'string') {
    const parsed = SiteIdSchema.safeParse(/^\d+$/.test(given) ? Number(given) : Number.NaN);
    if (!parsed.success) throw new UsageError('cli.badNumber', { value: given, name: '--site' });
    return parsed.data;
  }
  const current = (await call(ctx.core(), 'sites.list', {})).currentSiteId;
  if (current === null) throw new UsageError('alarms.cliNoSite', {});
  return current;
}

function line(ctx: CommandContext, alarm: Alarm, zone: string): string {
  const reason = ctx.lang === 'zh-CN' ? alarm.reason['zh-CN'] : alarm.reason.en;
  const state = alarm.ack
    ? ctx.t('alarms.cliAcked', { by: alarm.ack.by || '-', at: siteTime(alarm.ack.at, ctx.lang, zone), station: alarm.ack.station, note: alarm.ack.note ? `: ${alarm.ack.note}` : '' })
    : ctx.t('alarms.cliOpen');
  const person = [alarm.personPin, alarm.personName].filter(Boolean).join(' ');
  return tableLine([`#${alarm.id}`, siteTime(alarm.occurredAt, ctx.lang, zone), ctx.t(`alarms.classes.${alarm.alarmClass}`) + (alarm.repeats > 0 ? ` ${ctx.t('alarms.repeatsShort', { count: alarm.repeats + 1 })}` : ''), alarm.backendName, alarm.doorName ?? alarm.doorId ?? '-', person || '-', reason, state]);
}

/** `alarms list [--site <id>] [--open]`: the site's alarms, newest first, times in the site's zone. */
const list: Command = async (ctx) => {
  const siteId = await siteOf(ctx);
  const result = await call(ctx.core(), 'alarms.list', { siteId, ...(ctx.options['open'] === true ? { open: true } : {}) });
  const zone = await siteTimeZoneOf(ctx.core(), siteId);
  const lines = result.alarms.map((alarm) => line(ctx, alarm, zone));
  return { json: result, text: lines.length > 0 ? lines.join('\n') : ctx.t('alarms.cliNone') };
};

/** `alarms ack <id> [--note …] [--as <guard name>]`. */
const ack: Command = async (ctx, args) => {
  const given = args[0];
  if (given === undefined) throw new UsageError('cli.missingArgument', { name: '<id>' });
  const id = AlarmIdSchema.safeParse(/^\d+$/.test(given) ? Number(given) : Number.NaN);
  if (!id.success) throw new UsageError('cli.badNumber', { value: given, name: '<id>' });
  const note = ctx.options['note'];
  const as = ctx.options['as'];
  const alarm = await call(ctx.core(), 'alarms.ack', { id: id.data, ...(typeof note === 'string' ? { note } : {}), ...(typeof as === 'string' ? { as } : {}) });
  const zone = await siteTimeZoneOf(ctx.core(), alarm.siteId);
  return { json: alarm, text: ctx.t('alarms.cliAckedOne', { id: alarm.id, by: alarm.ack?.by || '-', at: siteTime(alarm.ack?.at ?? '', ctx.lang, zone), station: alarm.ack?.station ?? '' }) };
};

const subcommands: Readonly<Record<string, Command>> = { list, ack };

export const alarms: Command = (ctx, args) => {
  const [sub = 'list', ...rest] = args;
  const command = subcommands[sub];
  if (!command) throw new UsageError('cli.unknownCommand', { command: `alarms ${sub}` });
  return command(ctx, rest);
};
