import { UsageError } from './cli-error.ts';

/**
 * An option's value that must be a JSON object (`--fields`, `--params`, `--settings`): parsed, or a
 * usage error naming the option and why (`notObject`: the message key when it is JSON but no object).
 */
export function jsonObjectOption(text: string, name: string, notObject?: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError('cli.badJson', { name, reason: error instanceof Error ? error.message : String(error) });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw notObject ? new UsageError(notObject) : new UsageError('cli.badJson', { name, reason: 'not a JSON object' });
  }
  return parsed as Record<string, unknown>;
}
