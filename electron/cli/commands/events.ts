import { UsageError } from '../cli-error.ts';
import type { Command } from '../context.ts';
import { eventsList } from './events-list.ts';
import { eventsWatch } from './events-watch.ts';

/** `events watch …` (the live stream, events-watch.ts) and `events list …` (stored events, events-list.ts). */
export const events: Command = async (ctx, args) => {
  const [sub = 'list', ...rest] = args;
  if (sub === 'watch') return eventsWatch(ctx, rest);
  if (sub === 'list') return eventsList(ctx, rest);
  throw new UsageError('cli.unknownCommand', { command: `events ${sub}` });
};
