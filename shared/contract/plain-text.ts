import { z } from 'zod';
import { hasForbiddenChars, trimSpaces } from '../rules/plain-text.ts';

/**
 * A typed text field: the spaces around it taken off (nothing else: a tab or a line break stays and
 * is refused), at most `max` characters, and no control characters or direction overrides
 * (shared/rules/plain-text.ts says which and why). The issues' messages are catalog keys under
 * `validation.`.
 */
export function plainText(messages: { readonly max: number; readonly tooLong: string; readonly forbidden: string; readonly required?: string }) {
  const trimmed = z.string().overwrite(trimSpaces);
  const sized = messages.required === undefined ? trimmed : trimmed.min(1, { message: messages.required });
  return sized.max(messages.max, { message: messages.tooLong }).refine((s) => !hasForbiddenChars(s), { message: messages.forbidden });
}

/** A code-like field (personnel, ID, phone, card number): the spaces around it taken off, then its own format. */
export function codeText() {
  return z.string().overwrite(trimSpaces);
}
