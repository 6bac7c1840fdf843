import type { Verdict } from '../../../shared/contract/backends.ts';
import type { DoorTestVerdict } from '../../../shared/contract/door-tests.ts';
import type { ImportProblemSchema } from '../../../shared/contract/imports.ts';
import type { OutboxEntry, SyncState } from '../../../shared/contract/people.ts';
import type { z } from 'zod';

/**
 * What a badge means, not how it looks: `ok` worked, `warn` needs a look, `bad` failed and needs
 * action, `info` is under way or a plain fact worth noticing, `neutral` is a label. Every badge of
 * the app picks its tone from here, so "Failed" can never wear the colour of "Done" (issue 12 item 6).
 */
export const TONES = ['ok', 'warn', 'bad', 'info', 'neutral'] as const;
export type Tone = (typeof TONES)[number];

/** The Sync queue's states. */
export const OUTBOX_TONES: Readonly<Record<OutboxEntry['state'], Tone>> = {
  pending: 'neutral',
  sending: 'info',
  done: 'ok',
  failed: 'bad',
  cancelled: 'warn',
};

/** A person's sync state on a backend (People page). */
export const PERSON_SYNC_TONES: Readonly<Record<SyncState, Tone>> = {
  synced: 'ok',
  waiting: 'info',
  failed: 'bad',
  cancelled: 'warn',
};

/** The import check's problems. */
export const SEVERITY_TONES: Readonly<Record<z.infer<typeof ImportProblemSchema>['severity'], Tone>> = {
  error: 'bad',
  warning: 'warn',
};

/** A connection test's verdict. */
export const VERDICT_TONES: Readonly<Record<Verdict, Tone>> = {
  ok: 'ok',
  unreachable: 'bad',
  tls: 'bad',
  'plain-http': 'bad',
  'bad-credentials': 'bad',
  signature: 'bad',
  'clock-skew': 'bad',
  'not-vendor': 'bad',
  error: 'bad',
};

/** A door test's verdict. */
export const DOOR_TEST_TONES: Readonly<Record<DoorTestVerdict, Tone>> = {
  pass: 'ok',
  fail: 'bad',
  error: 'bad',
  timeout: 'warn',
  unsupported: 'neutral',
  cancelled: 'neutral',
};

/** A stored verdict is text (an older Doorman may have written a code this one does not know): unknown is not ok. */
export function verdictTone(verdict: string): Tone {
  return verdict in VERDICT_TONES ? VERDICT_TONES[verdict as Verdict] : 'warn';
}
