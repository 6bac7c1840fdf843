import type { AccessEvent } from '../../../shared/contract/backends.ts';
import type { StreamState } from '../../../shared/contract/events.ts';
import { SiteIdSchema } from '../../../shared/contract/sites.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { siteTime, siteTimeZoneOf } from '../site-time.ts';

function siteOf(ctx: CommandContext, current: number | null): number {
  const given = ctx.options['site'];
  if (given === undefined) {
    if (current === null) throw new UsageError('eventStreams.watch.noSite', {});
    return current;
  }
  const parsed = SiteIdSchema.safeParse(typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.badNumber', { value: String(given), name: '--site' });
  return parsed.data;
}

/**
 * `events watch [--site <id>] [--jsonl]`: runs the event pipeline for the site (default: the
 * current one) in the foreground and prints each event as it is stored — time in the site's zone,
 * backend, source (push, poll, monitor), door, person, result — and each stream state change, until
 * Ctrl+C. `--jsonl`: one JSON object a line (`{type: "event"…}` / `{type: "stream"…}`).
 */
export const eventsWatch: Command = async (ctx) => {
  const core = ctx.core();
  const siteId = siteOf(ctx, (await call(core, 'sites.list', {})).currentSiteId);
  const timeZone = await siteTimeZoneOf(core, siteId);
  const names = new Map((await call(core, 'backends.list', { siteId })).backends.map((b) => [b.id, b.name]));
  const jsonl = ctx.options['jsonl'] === true || ctx.options['json'] === true;
  const say = ctx.print;
  const backendName = (id: number) => names.get(id) ?? `#${id}`;
  const stop = core.bus.listen((name, payload) => {
    if (name === 'events.received') {
      const { backendId, events: received } = payload as { backendId: number; events: AccessEvent[] };
      if (!names.has(backendId)) return;
      for (const e of received) {
        const source = core.events.sourceOf(backendId, e.eventId) ?? 'push';
        const time = siteTime(e.occurredAt, ctx.lang, timeZone);
        if (jsonl) say(JSON.stringify({ type: 'event', time, backendId, backend: backendName(backendId), source, event: e }));
        else say(ctx.t('eventStreams.watch.line', { time, backend: backendName(backendId), source, door: e.doorName ?? e.doorId ?? '—', person: [e.personPin, e.personName].filter(Boolean).join(' ') || '—', result: e.result ?? e.kind }));
      }
    }
    if (name === 'events.streamState') {
      const state = payload as StreamState;
      if (state.siteId !== siteId) return;
      const time = siteTime(state.since, ctx.lang, timeZone);
      if (jsonl) say(JSON.stringify({ type: 'stream', time, backend: backendName(state.backendId), ...state }));
      else say(ctx.t('eventStreams.watch.state', { time, backend: backendName(state.backendId), state: ctx.t(`eventStreams.state.${state.state}`), reason: state.reason ? `: ${state.reason[ctx.lang]}` : '' }));
    }
  });
  if (!jsonl) ctx.say(ctx.t('eventStreams.watch.started', { site: siteId, count: names.size }));
  await core.events.start({ siteId });
  // Door states too: a door going into alarm (ZKBio: forced, held open…) is an event of the site.
  core.doors.start({ siteId });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stop();
  core.doors.stop();
  await core.events.stop();
  return { json: null, text: '', silent: true };
};
