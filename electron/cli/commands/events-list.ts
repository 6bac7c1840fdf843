import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { EVENT_KINDS, EventKindSchema, HISTORY_EXPORT_MAX, HISTORY_PAGE_MAX, HistoryTimeSchema, SiteIdSchema, type EventKind, type HistoryEvent, type HistoryFilters } from '../../../shared/contract/index.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime } from '../site-time.ts';
import { tableLine } from '../terminal-text.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function text(ctx: CommandContext, name: string): string | undefined {
  const given = ctx.options[name];
  // `--door` may be repeated (for `bridge device add`); here the last one counts, as before.
  const value = Array.isArray(given) ? given.at(-1) : given;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

async function siteOf(ctx: CommandContext): Promise<number> {
  const given = text(ctx, 'site');
  if (given !== undefined) {
    const parsed = SiteIdSchema.safeParse(/^\d+$/.test(given) ? Number(given) : Number.NaN);
    if (!parsed.success) throw new UsageError('cli.badNumber', { value: given, name: '--site' });
    return parsed.data;
  }
  const current = (await call(ctx.core(), 'sites.list', {})).currentSiteId;
  if (current === null) throw new UsageError('cli.missingArgument', { name: '--site <id>' });
  return current;
}

function bound(ctx: CommandContext, name: 'from' | 'to'): string {
  const value = text(ctx, name);
  if (value === undefined) throw new UsageError('cli.missingArgument', { name: `--${name} <date|datetime>` });
  if (!HistoryTimeSchema.safeParse(value).success) throw new UsageError('cli.badChoice', { name: `--${name}`, value, choices: 'yyyy-MM-dd | "yyyy-MM-dd HH:mm[:ss]"' });
  // A date alone as the end means the whole of that day.
  return name === 'to' && DATE_ONLY.test(value) ? `${value} 23:59:59` : value;
}

function kinds(ctx: CommandContext): EventKind[] | undefined {
  const value = text(ctx, 'result');
  if (value === undefined) return undefined;
  return value.split(',').map((k) => {
    const kind = EventKindSchema.safeParse(k.trim());
    if (!kind.success) throw new UsageError('cli.badChoice', { name: '--result', value: k, choices: EVENT_KINDS.join(' | ') });
    return kind.data;
  });
}

/** The filters of `events list`: the site (default the current one), the range in its zone, door, result, person. */
async function filtersOf(ctx: CommandContext): Promise<HistoryFilters> {
  const siteId = await siteOf(ctx);
  const filters: HistoryFilters = { siteId, from: bound(ctx, 'from'), to: bound(ctx, 'to') };
  const backendIds = (Array.isArray(ctx.options['backend']) ? ctx.options['backend'] : []).map((b) => {
    if (!/^\d+$/.test(b)) throw new UsageError('cli.badNumber', { value: b, name: '--backend' });
    return Number(b);
  });
  if (backendIds.length > 0) filters.backendIds = backendIds;
  const door = text(ctx, 'door');
  if (door !== undefined) {
    // `<backend-id>:<door-id>`, or a door id on whichever of the site's backends has it.
    const pair = /^(\d+):(.+)$/.exec(door);
    const onBackends = pair ? [Number(pair[1])] : backendIds.length > 0 ? backendIds : (await call(ctx.core(), 'backends.list', {})).backends.filter((b) => b.siteId === siteId).map((b) => b.id);
    filters.doors = onBackends.map((backendId) => ({ backendId, doorId: pair ? (pair[2] ?? '') : door }));
  }
  const result = kinds(ctx);
  if (result) filters.kinds = result;
  const person = text(ctx, 'person');
  if (person !== undefined) filters.person = person;
  return filters;
}

/**
 * `events list --from <date|datetime> --to … [--site <id>] [--door <id>] [--result <kind>] [--person
 * <pin|name>] [--export f.csv|f.xlsx] [--json]`: the stored events of a site, newest first, times in
 * the site's zone (issue 15 item 6).
 */
export const eventsList: Command = async (ctx) => {
  const filters = await filtersOf(ctx);
  const core = ctx.core();
  const file = text(ctx, 'export');
  if (file !== undefined) {
    const ext = extname(file).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError('cli.badChoice', { name: '--export', value: file, choices: '.csv | .xlsx' });
    const done = await call(core, 'history.export', { ...filters, format: ext === '.csv' ? 'csv' : 'xlsx', lang: ctx.lang });
    writeFileSync(file, Buffer.from(done.base64, 'base64'));
    return { json: { file, events: done.rows }, text: ctx.t('history.export.done', { count: done.rows, file }) };
  }
  const found: HistoryEvent[] = [];
  let before: string | undefined;
  let timeZone = '';
  do {
    const page = await call(core, 'history.search', { ...filters, limit: HISTORY_PAGE_MAX, ...(before ? { before } : {}) });
    timeZone = page.timeZone;
    found.push(...page.events);
    before = page.next ?? undefined;
  } while (before && found.length < HISTORY_EXPORT_MAX);
  const lines = found.map(({ at, backendName, event: e }) =>
    tableLine([siteTime(at, ctx.lang, timeZone), backendName, e.doorName ?? e.doorId ?? '', [e.personPin, e.personName].filter(Boolean).join(' '), e.verifyMode ?? '', ctx.t(`report.kinds.${e.kind}`), e.description]),
  );
  return { json: { timeZone, events: found }, text: lines.join('\n') || ctx.t('history.results.empty') };
};
