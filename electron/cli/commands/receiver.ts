import { BackendIdSchema, PushSignCheckSchema, type AccessEvent } from '../../../shared/contract/backends.ts';
import type { EventPayload } from '../../../shared/contract/index.ts';
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

function signCheck(ctx: CommandContext): { signCheck?: 'off' | 'warn' | 'strict' } {
  const value = ctx.options['sign-check'];
  if (value === undefined) return {};
  const parsed = PushSignCheckSchema.safeParse(value);
  if (!parsed.success) throw new UsageError('cli.badChoice', { name: '--sign-check', value: String(value), choices: PushSignCheckSchema.options.join(', ') });
  return { signCheck: parsed.data };
}

/**
 * `receiver start <backend-id> [--host <address>] [--port N] [--sign-check off|warn|strict]` runs a
 * push receiver in the foreground, printing each stored event and per-device push result. Where the
 * vendor lets Doorman register it (Hongtu) it is registered, and unregistered on Ctrl+C; otherwise
 * (K30) it prints the URL and where to type it in the vendor's software.
 * `receiver stop <backend-id>` unregisters (e.g. after a run that was killed);
 * `receiver status <backend-id>` shows the receiver, what is stored, and what the backend has registered.
 */
export const receiver: Command = async (ctx, args) => {
  const [sub, idText] = args;
  const id = backendId(idText);
  const core = ctx.core();
  switch (sub) {
    case 'start': {
      const host = typeof ctx.options['host'] === 'string' ? ctx.options['host'] : undefined;
      const started = await call(core, 'receivers.start', { backendId: id, ...(host ? { host } : {}), ...(port(ctx) !== undefined ? { port: port(ctx) } : {}), ...signCheck(ctx) });
      const say = ctx.print;
      // Each event at the time of the backend's site.
      const timeZone = await backendTimeZoneOf(core, id);
      const listening = started.where ? ctx.t('receivers.manualListening', { url: started.url, where: started.where[ctx.lang] }) : ctx.t('cli.receiverListening', { url: started.url });
      say(ctx.options['json'] ? JSON.stringify({ receiving: started.url, registration: started.registration, where: started.where }) : listening);
      const stop = core.bus.listen((event, payload) => {
        if (event === 'outbox.deviceResult') {
          const result = payload as EventPayload<'outbox.deviceResult'>;
          if (result.backendId !== id) return;
          const verdict = ctx.t(result.ok ? 'receivers.deviceResultOk' : 'receivers.deviceResultFailed');
          say(ctx.options['json'] ? JSON.stringify(result) : ctx.t('receivers.deviceResult', { pin: result.pin ?? result.personNo, device: result.deviceNo, verdict, message: result.message }));
          return;
        }
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
      const { registration } = await call(core, 'receivers.status', { backendId: id });
      const result = await call(core, 'receivers.stop', { backendId: id });
      return { json: result, text: ctx.t(registration === 'manual' ? 'receivers.manualStopped' : 'cli.receiverStopped') };
    }
    case 'status': {
      const local = await call(core, 'receivers.status', { backendId: id });
      const text = ctx.t('receivers.status', {
        state: ctx.t(local.running ? 'receivers.running' : 'receivers.notRunning'),
        url: local.url ?? '—',
        registration: ctx.t(local.registration === null ? 'receivers.none' : `receivers.${local.registration}`),
        last: local.lastReceivedAt === null ? ctx.t('receivers.waiting') : siteTime(local.lastReceivedAt, ctx.lang, await backendTimeZoneOf(core, id)),
        stored: local.stored,
      });
      if (local.registration !== 'automatic') return { json: local, text };
      // What the backend has registered (Hongtu's pubsub query): the URL pushes go to.
      const remote = await call(core, 'backends.call', { id, endpoint: 'pubsub.recordQuery', params: {}, force: false });
      const result = { ...local, registered: remote.data };
      return { json: result, text: `${JSON.stringify(remote.data)}\n${text}` };
    }
    default:
      throw new UsageError('cli.unknownCommand', { command: `receiver ${sub ?? ''}`.trim() });
  }
};
