import { createHash } from 'node:crypto';
import { TEXT_LIMITS } from '../../shared/rules/text-limits.ts';

/**
 * The Doorman personnel number of a platform worker: the platform's personId itself when it is a
 * valid personnel number (letters and digits, at most the pin length), else a stable code made from
 * it ("Z" + the first hex digits of its SHA-256). The same personId always gives the same pin, so a
 * worker sent twice updates the same person.
 */
export function workerPin(personId: string): string {
  if (new RegExp(`^[A-Za-z0-9]{1,${TEXT_LIMITS.pin}}$`).test(personId)) return personId;
  return `Z${createHash('sha256').update(personId, 'utf8').digest('hex').slice(0, TEXT_LIMITS.pin - 1)}`;
}
