import type { BackendId } from '../../shared/contract/backends.ts';
import type { SiteId } from '../../shared/contract/sites.ts';
import { formatTime, localTimeZone } from '../../shared/i18n/format-time.ts';
import type { Core } from '../core/create-core.ts';
import { call } from './call.ts';

/**
 * Times the CLI prints for a site, in the site's time zone (issue 12 item 9), in the language's one
 * format, as the screens write them. A site or backend that is gone: the computer's zone.
 */

export async function siteTimeZoneOf(core: Core, siteId: SiteId): Promise<string> {
  return (await call(core, 'sites.list', {})).sites.find((s) => s.id === siteId)?.timeZone ?? localTimeZone();
}

export async function backendTimeZoneOf(core: Core, backendId: BackendId): Promise<string> {
  const backend = (await call(core, 'backends.list', {})).backends.find((b) => b.id === backendId);
  return backend ? siteTimeZoneOf(core, backend.siteId) : localTimeZone();
}

/** `value` (ISO instant, or a vendor's wall-clock time, kept as written) for people, with seconds. */
export function siteTime(value: string, lang: string, timeZone: string): string {
  return formatTime(value, lang, { timeZone, seconds: true });
}
