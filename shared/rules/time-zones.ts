/**
 * A site's time zone: an IANA name the runtime knows (`Intl.supportedValuesOf('timeZone')`), or
 * 'UTC', which the list leaves out although every runtime accepts it.
 */

/** The longest IANA name is under 40 characters; anything longer is no zone. */
export const TIME_ZONE_MAX = 64;

let names: readonly string[] | undefined;

/** Every zone a site may have, sorted, 'UTC' among them. */
export function timeZoneNames(): readonly string[] {
  names ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return names;
}

/** True for a zone from the list (exact spelling, as the list writes it). */
export function isTimeZone(name: string): boolean {
  return name.length <= TIME_ZONE_MAX && timeZoneNames().includes(name);
}

/**
 * The zones in the order a picker offers them: `first` (the computer's zone, a suggestion) at the
 * top, then the rest alphabetically. A `first` the list does not know (an alias such as
 * 'Asia/Calcutta') is still offered, since it is the one the computer uses.
 */
export function timeZoneChoices(first: string): readonly string[] {
  return [first, ...timeZoneNames().filter((name) => name !== first)];
}
