import type { Verdict } from '../../shared/contract/backends.ts';
import { DriverError } from './driver-error.ts';

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
    case 'plain_http':
      return 'plain-http';
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

/**
 * Clock difference (server − local, ms) from an HTTP Date header, in whole seconds: the header has
 * one-second resolution, so anything finer would be noise. Null without one.
 */
export function clockSkewFromDate(date: string | null, localMs: number): number | null {
  if (!date) return null;
  const server = Date.parse(date);
  // The header truncates to the second: its true value lies in [server, server + 1000).
  return Number.isNaN(server) ? null : Math.round((server + 500 - localMs) / 1000) * 1000 + 0;
}
