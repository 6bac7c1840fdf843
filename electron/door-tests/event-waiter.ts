import type { AccessEvent } from '../../shared/contract/backends.ts';
import type { BackendDriver, EventCursor } from '../backends/backend.ts';
import { sleep } from '../drivers/poll-loop.ts';

/**
 * When to look for the door's event after the command: at once (the backend usually has it by the
 * time the command's reply arrives), then backing off to once a second. Short, because a door test
 * is the user insisting on an answer now, and it lasts seconds.
 */
const SCHEDULE_MS = [0, 50, 100, 150, 250, 400, 600, 800, 1000];

interface WaitOptions {
  readonly driver: BackendDriver;
  readonly cursor: EventCursor;
  readonly matches: (event: AccessEvent) => boolean;
  readonly deadline: number;
  readonly signal: AbortSignal;
  /** Events pushed to Doorman meanwhile (a running receiver), checked as well as the polls. */
  readonly pushed?: () => readonly AccessEvent[];
  readonly onPoll?: (count: number) => void;
}

/** The first event that matches, or null when the deadline passes (or the signal aborts). */
export async function waitForEvent(options: WaitOptions): Promise<AccessEvent | null> {
  let cursor: EventCursor | null = options.cursor;
  for (let attempt = 0; Date.now() < options.deadline && !options.signal.aborted; attempt++) {
    const pushed = options.pushed?.().find(options.matches);
    if (pushed) return pushed;
    const page = await options.driver.events(cursor, { signal: options.signal });
    cursor = page.cursor ?? cursor;
    options.onPoll?.(page.events.length);
    const found = page.events.find(options.matches);
    if (found) return found;
    const wait = SCHEDULE_MS[Math.min(attempt + 1, SCHEDULE_MS.length - 1)] ?? 1000;
    await sleep(Math.max(0, Math.min(wait, options.deadline - Date.now())), options.signal);
  }
  return null;
}
