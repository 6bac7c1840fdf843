import type { Verdict } from '../../shared/contract/backends.ts';
import { DriverError } from '../drivers/driver-error.ts';

/** The verdict a failed connection test amounts to, from the driver's error. */
export function verdictOf(error: unknown): Verdict {
  if (!(error instanceof DriverError)) return 'error';
  switch (error.code) {
    case 'dns':
    case 'refused':
    case 'unreachable':
    case 'timeout':
    case 'reset':
    case 'aborted':
      return 'unreachable';
    case 'tls':
      return 'tls';
    case 'bad_credentials':
      return 'bad-credentials';
    case 'not_json':
    case 'truncated_json':
    case 'schema_mismatch':
    case 'http_status':
      return 'not-vendor';
    default:
      return 'error';
  }
}

/** Clock difference (server − local, ms) from an HTTP Date header; null without one. */
export function clockSkewFromDate(date: string | null, localMs: number): number | null {
  if (!date) return null;
  const server = Date.parse(date);
  return Number.isNaN(server) ? null : server - localMs;
}
