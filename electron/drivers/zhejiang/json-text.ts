/**
 * JSON text for the Zhejiang platform (zhejiang.md D2, D19).
 *
 * Writing (D2): the param is serialized once, compactly, keys in the document's table order, keys
 * whose value is null or undefined left out (the §1.5 null rule carried into the JSON, so the text
 * sent and the text signed never differ by a `null` member); otherwise exactly JSON.stringify (raw
 * UTF-8, `/` not escaped, shortest numbers).
 *
 * Reading (D19): strict JSON.parse first; when that fails, a lenient reader for the document's own
 * quirks — unquoted keys (E13, E42), a missing comma between members (E10), `//` and block comments
 * (E27), trailing commas (E38). It says which quirks it met, so the caller can log that the
 * fallback was needed. It also gives the raw text of each top-level member, so a response sign is
 * checked over the `response` text exactly as received (D18).
 */

/** The key order of an object and of the objects inside it (an array's elements share their key's order). */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, KeyOrder>>;
}

function ordered(value: unknown, order: KeyOrder | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, order));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const known = order?.keys ?? [];
  const names = [...known.filter((key) => key in source), ...Object.keys(source).filter((key) => !known.includes(key))];
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const item = source[name];
    if (item === null || item === undefined) continue;
    out[name] = ordered(item, order?.nested?.[name]);
  }
  return out;
}

/** D2: compact JSON, keys in `order`, null and undefined members omitted (at every depth). */
export function compactJson(value: unknown, order?: KeyOrder): string {
  return JSON.stringify(ordered(value, order));
}

/** The quirks of the document's JSON the lenient reader accepted. */
export type JsonQuirk = 'unquoted-key' | 'missing-comma' | 'comment' | 'trailing-comma' | 'single-quote';

export interface ReadJson {
  readonly value: unknown;
  /** Empty when the text was strict JSON. */
  readonly quirks: readonly JsonQuirk[];
  /** The raw text of each member of a top-level object, as received. */
  readonly members: ReadonlyMap<string, string>;
}

/** Why a text could not be read even leniently: where, and what was expected. */
export class JsonTextError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'JsonTextError';
    this.offset = offset;
  }
}

/** The most nesting a platform reply may have: deeper is refused, never a stack overflow. */
const MAX_DEPTH = 64;
const IDENTIFIER = /[A-Za-z0-9_$\u0080-\uffff]/;
/** A run of characters a string copies as they are (no quote, no backslash). */
const PLAIN_IN_DOUBLE = /[^"\\]*/y;
const PLAIN_IN_SINGLE = /[^'"\\]*/y;

/** Raw control characters (a line break inside a string) escaped, so JSON.parse takes the text. */
function escapeControls(raw: string): string {
  let out = '';
  for (const c of raw) out += c < ' ' ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
  return out;
}

class Reader {
  readonly quirks = new Set<JsonQuirk>();
  readonly members = new Map<string, string>();
  readonly text: string;
  at = 0;

  constructor(text: string) {
    this.text = text;
  }

  fail(what: string): never {
    throw new JsonTextError(what, this.at);
  }

  space(): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff') this.at++;
      else if (c === '/' && this.text[this.at + 1] === '/') {
        this.quirks.add('comment');
        while (this.at < this.text.length && this.text[this.at] !== '\n') this.at++;
      } else if (c === '/' && this.text[this.at + 1] === '*') {
        this.quirks.add('comment');
        const end = this.text.indexOf('*/', this.at + 2);
        if (end < 0) this.fail('unterminated comment');
        this.at = end + 2;
      } else return;
    }
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string();
    if (c === undefined) this.fail('unexpected end of text');
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(this.text.slice(this.at, this.at + 400));
    if (!literal) this.fail(`unexpected character ${JSON.stringify(c)}`);
    this.at += literal[0].length;
    return JSON.parse(literal[0]) as unknown;
  }

  string(): string {
    const quote = this.text[this.at];
    if (quote === "'") this.quirks.add('single-quote');
    const start = this.at;
    this.at++;
    let raw = '';
    const plain = quote === '"' ? PLAIN_IN_DOUBLE : PLAIN_IN_SINGLE;
    for (;;) {
      plain.lastIndex = this.at;
      const run = plain.exec(this.text);
      if (run && run[0].length > 0) {
        raw += run[0];
        this.at += run[0].length;
      }
      const c = this.text[this.at];
      if (c === undefined) {
        this.at = start;
        this.fail('unterminated string');
      }
      if (c === quote) break;
      if (c === '\\') {
        raw += c + (this.text[this.at + 1] ?? '');
        this.at += 2;
        continue;
      }
      // A double quote inside a single-quoted string: escaped for JSON.parse.
      raw += '\\"';
      this.at++;
    }
    this.at++;
    const body = raw.replace(/\\'/g, "'");
    try {
      return JSON.parse(`"${body}"`) as string;
    } catch {
      // A raw control character (a line break inside the string) is the one thing left to mend.
    }
    try {
      return JSON.parse(`"${escapeControls(body)}"`) as string;
    } catch {
      this.at = start;
      return this.fail('bad escape in string');
    }
  }

  key(): string {
    const c = this.text[this.at];
    if (c === '"' || c === "'") return this.string();
    const start = this.at;
    while (this.at < this.text.length && IDENTIFIER.test(this.text[this.at]!)) this.at++;
    if (this.at === start) this.fail('expected a member name');
    this.quirks.add('unquoted-key');
    return this.text.slice(start, this.at);
  }

  object(depth: number): Record<string, unknown> {
    this.at++;
    const out: Record<string, unknown> = {};
    let first = true;
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return out;
      }
      if (!first) {
        if (this.text[this.at] === ',') {
          this.at++;
          this.space();
          if (this.text[this.at] === '}') {
            this.quirks.add('trailing-comma');
            this.at++;
            return out;
          }
        } else this.quirks.add('missing-comma');
      }
      first = false;
      const name = this.key();
      this.space();
      if (this.text[this.at] !== ':') this.fail(`expected ":" after ${JSON.stringify(name)}`);
      this.at++;
      this.space();
      const start = this.at;
      const item = this.value(depth + 1);
      if (depth === 0) this.members.set(name, this.text.slice(start, this.at));
      Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
    }
  }

  array(depth: number): unknown[] {
    this.at++;
    const out: unknown[] = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === ']') {
        this.at++;
        return out;
      }
      if (out.length > 0) {
        if (this.text[this.at] !== ',') this.fail('expected "," or "]"');
        this.at++;
        this.space();
        if (this.text[this.at] === ']') {
          this.quirks.add('trailing-comma');
          this.at++;
          return out;
        }
      }
      out.push(this.value(depth + 1));
    }
  }
}

/** Reads the text leniently, with the raw text of the top-level members (the quirks met, if any). */
function readLeniently(text: string): ReadJson {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.space();
  if (reader.at < text.length) reader.fail('unexpected text after the value');
  return { value, quirks: [...reader.quirks], members: reader.members };
}

/**
 * D19: strict JSON first, then the lenient reader. Throws {@link JsonTextError} when neither reads
 * the text. `quirks` is empty exactly when the text was strict JSON. For strict JSON the members'
 * raw texts are found only when asked for (a sign-in's param with its photo is read often, its
 * members never).
 */
export function readPlatformJson(text: string): ReadJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return readLeniently(text);
  }
  let members: ReadonlyMap<string, string> | undefined;
  return {
    value,
    quirks: [],
    get members() {
      members ??= readLeniently(text).members;
      return members;
    },
  };
}
