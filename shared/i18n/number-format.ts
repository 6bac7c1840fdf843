import type { FormatterModule } from 'i18next';

/**
 * Interpolated values that are numbers but no quantities: identifiers, ports, row and version
 * numbers, picture dimensions. They are shown as written ("row 12345", "port 8098", "4000×3000");
 * every other number is grouped by the language's rules ("80,000", "12,345 people").
 */
const UNGROUPED_KEYS: ReadonlySet<string> = new Set(['id', 'row', 'port', 'ports', 'pin', 'sn', 'version', 'latest', 'n', 'current', 'width', 'height', 'level', 'value', 'year', 'code']);

const formatters = new Map<string, Intl.NumberFormat>();

/** A number as `lang` writes a quantity, or the value untouched when it is no number or an identifier. */
export function groupNumber(value: unknown, lang: string | undefined, key: string | undefined): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value) || (key !== undefined && UNGROUPED_KEYS.has(key))) return value;
  const locale = lang ?? 'en';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}

/**
 * i18next's formatter for every translator of ours: with `alwaysFormat`, each plain {{value}}
 * passes here and a quantity comes out grouped by the language. The catalogs use no named formats
 * ({{x, currency}}); one asked for is left to the text as the value stands.
 */
export const groupingFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format: (value, format, lng, options) => (format ? value : groupNumber(value, lng, (options as { interpolationkey?: string } | undefined)?.interpolationkey)),
};
