import type { BulkOptions, BulkResult, PersonRecord } from '../backends/backend.ts';
import { DriverError } from './driver-error.ts';

export interface OneByOneOptions extends BulkOptions {
  /**
   * How many people are written at once (default 1: one after the other, for a vendor whose calls
   * must come in order). Concurrency is across different people only: a pin that comes again waits
   * for its earlier write, so one person's writes keep their order.
   */
  readonly inFlight?: number;
}

interface Failure {
  readonly pin: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A bulk upsert for a vendor with no batch call: person by person, up to `inFlight` at once, a
 * refusal of that person (the vendor's code, bad parameters) counted as that person's failure,
 * anything else (the server gone, cancelled) ending the run — no new person is started, the writes
 * already under way are waited for, and the first such error is thrown. Failures are reported in
 * the order the people came, whatever order their writes finished in.
 */
export async function upsertOneByOne(
  persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>,
  upsert: (person: PersonRecord) => Promise<void>,
  options: OneByOneOptions = {},
): Promise<BulkResult> {
  const limit = Math.max(1, Math.floor(options.inFlight ?? 1));
  const failures: { index: number; failure: Failure }[] = [];
  /** The last write of each pin still under way: a later write of that pin starts after it. */
  const lastOfPin = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  let done = 0;
  // Set by the writes (closures), so declared wide: not narrowed to null here.
  let fatal = null as { error: unknown } | null;

  const write = async (person: PersonRecord, index: number, after: Promise<void> | undefined): Promise<void> => {
    if (after) await after;
    if (fatal) return;
    try {
      try {
        await upsert(person);
        done++;
      } catch (error) {
        if (!(error instanceof DriverError) || !['vendor_error', 'invalid_params'].includes(error.code)) throw error;
        failures.push({ index, failure: { pin: person.pin, code: error.vendorCode !== undefined ? String(error.vendorCode) : error.code, message: error.message } });
      }
      if (!fatal) options.onProgress?.({ done, failed: failures.length });
    } catch (error) {
      fatal ??= { error };
    }
  };

  let index = 0;
  try {
    for await (const person of persons) {
      while (running.size >= limit) await Promise.race(running);
      if (fatal) break;
      options.signal?.throwIfAborted();
      const after = lastOfPin.get(person.pin);
      const task = write(person, index++, after);
      lastOfPin.set(person.pin, task);
      running.add(task);
      void task.then(() => {
        running.delete(task);
        if (lastOfPin.get(person.pin) === task) lastOfPin.delete(person.pin);
      });
    }
  } finally {
    // Never leave writes running behind the caller, whatever ended the loop.
    await Promise.all(running);
  }
  if (fatal) throw fatal.error;
  failures.sort((a, b) => a.index - b.index);
  return { done, failed: failures.length, failures: failures.map((f) => f.failure) };
}
