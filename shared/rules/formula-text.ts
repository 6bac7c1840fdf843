/**
 * Text a spreadsheet program takes for a formula when it opens a CSV (OWASP, "CSV Injection"):
 * a cell starting with = + - @, a tab or a carriage return (and NUL, which OWASP ASVS 1.2.10 adds).
 * Also their full-width forms ＝ ＋ － ＠, which Chinese input methods type and which spreadsheet
 * programs in Chinese set-ups may read as the ASCII ones, and any of them after leading spaces
 * (a program that trims the cell would see the formula). `=HYPERLINK(…)`, `+cmd|…`, `-2+3+cmd`
 * and `@SUM(…)` all start this way.
 */
const FORMULA_START = '\\p{Zs}*[=+\\-@\\t\\r\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20]';
const STARTS_LIKE_FORMULA = new RegExp(`^${FORMULA_START}`, 'u');
/** Text that gets the mark: it starts like a formula, possibly after apostrophes (see below). */
const NEEDS_MARK = new RegExp(`^'*${FORMULA_START}`, 'u');
/** A cell that carries the mark: one or more apostrophes, then a formula start. */
const MARKED = new RegExp(`^'+${FORMULA_START}`, 'u');

/** Whether a spreadsheet program opening a CSV would take this text for a formula. */
export function startsLikeFormula(text: string): boolean {
  return STARTS_LIKE_FORMULA.test(text);
}

/**
 * The text as a CSV cell no spreadsheet evaluates, as OWASP advises: a `'` before it when it
 * starts like a formula. Text that already starts with apostrophes before a formula start gets
 * one more, so that `unmarkFormula` can always give back exactly what was typed.
 */
export function markFormula(text: string): string {
  return NEEDS_MARK.test(text) ? `'${text}` : text;
}

/**
 * The inverse of `markFormula`, for cells read back from a CSV or XLSX: the one `'` before a
 * formula start is taken off. A sheet exported by Doorman and imported again gives back the text
 * as typed; a cell the user wrote as `'=…` by hand is read as `=…`, as Excel itself shows it.
 */
export function unmarkFormula(text: string): string {
  return MARKED.test(text) ? text.slice(1) : text;
}
