import { DriverError } from '../driver-error.ts';
import { fields, text } from '../record-fields.ts';
import { hongtuFailure } from './errors.ts';

/**
 * Batch writes answer code 0 with `{successes, failures}` (§6): a failed item is not an error of the
 * envelope. The first failure becomes the typed error, with the module's advice for its code.
 */
export function throwOnFailures(result: unknown, endpoint: string): unknown {
  const failures = fields(result)['failures'];
  const first = Array.isArray(failures) ? fields(failures[0]) : null;
  if (first && Object.keys(first).length > 0) {
    const code = Number(first['code']);
    const failure = hongtuFailure(Number.isFinite(code) ? code : -1, text(first['msg']), endpoint);
    throw new DriverError('vendor_error', `${endpoint}: ${text(first['name']) ?? text(first['uuid']) ?? 'an item'} refused: ${text(first['msg']) ?? code}`, {
      vendor: 'hongtu',
      endpoint,
      vendorCode: failure.vendorCode,
      advice: failure.advice,
      details: { failures },
    });
  }
  return result;
}
