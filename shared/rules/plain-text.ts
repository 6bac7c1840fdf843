import { startsLikeFormula } from './formula-text.ts';

/**
 * Characters that never belong in a name or other text a person types, so Doorman refuses them
 * rather than store them: the C0 and C1 control characters (NUL, tab, line breaks, ESC — which
 * starts a terminal's control sequences — and the rest), DEL, the Unicode line and paragraph
 * separators, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make text display in another order than it is stored (an "RTL override"
 * shows `exe.txt` for `txt.exe`). Refused, not stripped: taking characters out silently would store
 * something other than what was typed. Marks that only hint direction (LRM, RLM, ALM) stay, as do
 * CJK, accents, the middle dot (·) and spaces inside the text.
 */
export function isForbiddenInText(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}

export function hasForbiddenChars(text: string): boolean {
  for (const char of text) if (isForbiddenInText(char.codePointAt(0) ?? 0)) return true;
  return false;
}

const TRAILING_SPACES = /\p{Zs}+$/u;
const LEADING_SPACES = /^\p{Zs}+/u;

/**
 * Text without the spaces around it (any Unicode space: the ASCII space, the no-break space, the
 * ideographic space U+3000). Nothing else is taken off — a tab or a line break stays, and is then
 * refused where text must be plain — and leading spaces stay when taking them off would make the
 * text start like a spreadsheet formula (` =1+2` stays as typed, it does not become `=1+2`).
 */
export function trimSpaces(text: string): string {
  const end = text.replace(TRAILING_SPACES, '');
  const start = end.replace(LEADING_SPACES, '');
  return start !== end && startsLikeFormula(start) ? end : start;
}
