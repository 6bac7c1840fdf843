/**
 * The report is a whole HTML document; the page shows it inside a shadow root, where `html`,
 * `:root` and `body` do not exist. Its selectors are rewritten to the shadow root's equivalents:
 * `html` / `:root` → `:host`, `body` → `.report-body` (the element that stands in for its body).
 * Pure string work, so it is tested without a browser.
 */
export const REPORT_BODY_CLASS = 'report-body';

const DOCUMENT_ELEMENT = /(^|[\s>+~(,])(?:html|:root)(?=$|[\s>+~.#:[,)])/gi;
const BODY_ELEMENT = /(^|[\s>+~(,])body(?=$|[\s>+~.#:[,)])/gi;

/** Splits a selector list at its top-level commas (not those inside :is(), :not() or attribute values). */
export function splitSelectorList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter((part) => part !== '');
}

/** `html body p` → `:host .report-body p`; `html` alone → `:host`. */
function scopeOne(selector: string): string {
  return selector.replace(DOCUMENT_ELEMENT, '$1:host').replace(BODY_ELEMENT, `$1.${REPORT_BODY_CLASS}`);
}

export function scopeSelector(list: string): string {
  return splitSelectorList(list).map(scopeOne).join(', ');
}
