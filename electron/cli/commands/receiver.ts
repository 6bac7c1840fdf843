import { BackendIdSchema, type AccessEvent } from '../../../shared/contract/backends.ts';
import { call } from '../call.ts';
import { UsageError } from '../cli-error.ts';
import type { Command, CommandContext } from '../context.ts';
import { backendTimeZoneOf, siteTime } from '../site-time.ts';
import { tableLine } from '../terminal-text.ts';
import { eventNameText, vendorOfEventId } from '../../../shared/vendor-events/event-name.ts';

function backendId(value: string | undefined): number {
  const parsed = BackendIdSchema.safeParse(value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN);
  if (!parsed.success) throw new UsageError('cli.missingArgument', { name: '<backend-id>' });
  return parsed.data;
}

function port(ctx: CommandContext): number | undefined {
  const value = ctx.options['port'];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('cli.badNumber', { value: String(value), name: '--port' });
  return n;
}

/**
 * `receiver start <backend-id> [--host <address>] [--port N]` runs a push receiver in the foreground
 * (registered with the backend; unregistered on Ctrl+C), printing each stored event;
 * `receiver stop <backend-id>` unregisters (e.g. after a run that was killed);
 * `receiver status <backend-id>` shows what is stored and what the backend has registered.
 */
export const receiver: Command = async (ctx, args) => {
  const [sub, idText] = args;
  const id = backendId(idText);
  const core = ctx.core();
  switch (sub) {
    case 'start': {
      const host = typeof ctx.options['host'] === 'string' ? ctx.options['host'] : undefined;
      const started = await call(core, 'receivers.start', { backendId: id, ...(host ? { host } : {}), ...(port(ctx) !== undefined ? { port: port(ctx) } : {}) });
      const say = ctx.print;
      // Each event at the time of the backend's site.
      const timeZone = await backendTimeZoneOf(core, id);
      say(ctx.options['json'] ? JSON.stringify({ receiving: started.url }) : `${ctx.t('cli.receiverListening', { url: started.url })}`);
      const stop = core.bus.listen((event, payload) => {
        if (event !== 'events.received') return;
        const received = payload as { backendId: number; events: AccessEvent[] };
        if (received.backendId !== id) return;
        for (const e of received.events) say(ctx.options['json'] ? JSON.stringify(e) : tableLine([siteTime(e.occurredAt, ctx.lang, timeZone), e.kind, eventNameText(vendorOfEventId(e.eventId) ?? '', e.description, ctx.lang).text, e.doorName, e.personName, e.eventId]));
      });
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      stop();
      await call(core, 'receivers.stop', { backendId: id });
      return { json: null, text: '', silent: true };
    }
    case 'stop': {
      const result = await call(core, 'receivers.stop', { backendId: id });
      return { json: result, text: ctx.t('cli.receiverStopped') };
    }
    case 'status': {
      const local = await call(core, 'receivers.status', { backendId: id });
      const remote = await call(core, 'backends.call', { id, endpoint: 'pubsub.recordQuery', params: {}, force: false });
      const result = { ...local, registered: remote.data };
      return { json: result, text: `${JSON.stringify(remote.data)}\nstored events: ${local.stored}` };
    }
    default:
      throw new UsageError('cli.unknownCommand', { command: `receiver ${sub ?? ''}`.trim() });
  }
};
