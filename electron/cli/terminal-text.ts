import { isForbiddenInText } from '../../shared/rules/plain-text.ts';

const TAB = 0x09;
const LINE_FEED = 0x0a;

/**
 * Text as the CLI prints it, safe for a terminal: every character that typed text may never hold
 * (shared/rules/plain-text.ts) — C0 and C1 control characters (ESC and C1's CSI/OSC start the
 * sequences that recolour, retitle, move the cursor, write the clipboard or hide text), DEL, the
 * line separators and the direction overrides — is written as an escape: `\u001b`, `\u0000`,
 * `\u202e`. Only the line breaks and tabs the CLI lays its own lines and columns out with pass.
 * The escapes are JSON's, so `--json` output (whose strings JSON.stringify leaves holding C1
 * controls and overrides) stays valid JSON with the same values. Every line the CLI writes, on
 * stdout or stderr, goes through here (run.ts).
 */
export function terminalText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === TAB || code === LINE_FEED || !isForbiddenInText(code)) continue;
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Cells of one line of a table: each cell's own tabs and line breaks escaped too, so data (a
 * name, a vendor's door) cannot add a column or a line of its own. Joined by tabs.
 */
export function tableLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map((cell) => String(cell ?? '').replace(/[\t\n]/g, (c) => (c === '\t' ? '\\u0009' : '\\u000a'))).join('\t');
}
