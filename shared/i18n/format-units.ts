/**
 * Durations in the language's own unit words ("120 ms" / "120毫秒", "5 s" / "5秒"), one place for
 * every screen, the CLI and the report, so no English unit appears in a Chinese sentence.
 */

const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(lang: string, unit: 'millisecond' | 'second'): Intl.NumberFormat {
  const key = `${lang}|${unit}`;
  let format = formats.get(key);
  if (!format) {
    // No grouping: a latency is read as one number, and "1,234 ms" looks like two.
    format = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', useGrouping: false, maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format;
}

export function formatMs(ms: number, lang: string): string {
  return unitFormat(lang, 'millisecond').format(Math.round(ms));
}
