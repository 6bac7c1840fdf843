import type { BulkOptions, BulkResult, PersonRecord } from '../backends/backend.ts';
import { DriverError } from './driver-error.ts';

/**
 * A bulk upsert for a vendor with no batch call: one person after the other, a refusal of that
 * person (the vendor's code, bad parameters) counted as that person's failure, anything else (the
 * server gone, cancelled) ending the run.
 */
export async function upsertOneByOne(
  persons: AsyncIterable<PersonRecord> | Iterable<PersonRecord>,
  upsert: (person: PersonRecord) => Promise<void>,
  options: BulkOptions = {},
): Promise<BulkResult> {
  const failures: { pin: string; code: string; message: string }[] = [];
  let done = 0;
  for await (const person of persons) {
    options.signal?.throwIfAborted();
    try {
      await upsert(person);
      done++;
    } catch (error) {
      if (!(error instanceof DriverError) || !['vendor_error', 'invalid_params'].includes(error.code)) throw error;
      failures.push({ pin: person.pin, code: error.vendorCode !== undefined ? String(error.vendorCode) : error.code, message: error.message });
    }
    options.onProgress?.({ done, failed: failures.length });
  }
  return { done, failed: failures.length, failures };
}
