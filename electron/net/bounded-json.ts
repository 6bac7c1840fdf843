/**
 * JSON from the network, nested no deeper than a limit. `JSON.parse` itself copes with 200,000
 * levels, but everything after it that walks the value (schemas, the redactor, `JSON.stringify` of
 * the evidence) recurses and dies with a stack overflow: a 500 on every retry. Depth is checked on
 * the text before parsing, so such a body is a bad request and costs one linear scan.
 */

/** Deeper than any record a vendor sends or the contract defines. */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeep extends Error {
  readonly code = 'json_too_deep';
  readonly maxDepth: number;
  constructor(maxDepth: number) {
    super(`nested deeper than ${maxDepth} levels`);
    this.name = 'JsonTooDeep';
    this.maxDepth = maxDepth;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** The deepest nesting of objects and arrays in a JSON text, stopping early past `limit`. Brackets in strings do not count. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

/** `JSON.parse`, or JsonTooDeep for a text nested past `maxDepth` (SyntaxError for one that is not JSON). */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  if (jsonDepth(text, maxDepth) > maxDepth) throw new JsonTooDeep(maxDepth);
  return JSON.parse(text) as unknown;
}
