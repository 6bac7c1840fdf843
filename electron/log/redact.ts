/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_KEY = /pass(word|wd)?|secret|token|credential|authori[sz]ation|cookie|private|api[-_]?key|^key$|aes/i;

/** `name=value` pairs inside strings (URLs, headers) whose value is a secret. */
const SECRET_PAIR = /\b([\w-]*(?:token|secret|password|passwd|key))=([^&\s"';]+)/gi;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 8;

export function redactString(value: string): string {
  return value.replace(SECRET_PAIR, (_, name: string) => `${name}=${REDACTED}`);
}

/**
 * A copy of `value` with every secret replaced: values under secret-looking keys, and secret
 * query parameters inside strings. Applied to every log line, so a credential that reaches a log
 * call by mistake still never reaches the file.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redactSecrets(item, depth + 1);
  }
  return out;
}
