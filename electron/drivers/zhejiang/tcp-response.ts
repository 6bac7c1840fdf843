import { noTokenError } from './errors.ts';
import { readPlatformJson, type ReadJson } from './json-text.ts';

/**
 * The `response` text of a TCP reply (§2.x.3: a string holding JSON, the examples with unquoted
 * keys, D19) read as its top-level object. A platform that encodes the object twice — a JSON string
 * whose text is the object — is read through that one extra layer. Undefined when the text is
 * empty, not JSON even leniently, or not an object.
 */
export function readResponseObject(responseText: string | undefined): ReadJson | undefined {
  if (responseText === undefined || responseText.trim() === '') return undefined;
  let read: ReadJson;
  try {
    read = readPlatformJson(responseText);
    if (typeof read.value === 'string' && read.value.trim().startsWith('{')) read = readPlatformJson(read.value);
  } catch {
    return undefined;
  }
  return read.value !== null && typeof read.value === 'object' && !Array.isArray(read.value) ? read : undefined;
}

/**
 * C_AUTH's token (§2.1.3: `{token:"…"}`, a String). Surrounding blanks are trimmed; a reply with no
 * readable object, no token, a null, an empty or a non-string token is DriverError `schema_mismatch`
 * with advice (a number is refused too: a token is opaque text and digits past 2^53 would change).
 */
export function authToken(responseText: string | undefined): string {
  const read = readResponseObject(responseText);
  if (read === undefined) throw noTokenError(responseText === undefined || responseText.trim() === '' ? 'no response' : 'the response is not a JSON object');
  const token = (read.value as Record<string, unknown>)['token'];
  if (typeof token !== 'string') throw noTokenError(token === undefined ? 'no "token"' : `"token" is ${token === null ? 'null' : typeof token}, not text`);
  if (token.trim() === '') throw noTokenError('"token" is empty');
  return token.trim();
}
