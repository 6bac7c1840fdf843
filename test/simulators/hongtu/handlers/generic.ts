import { createHash } from 'node:crypto';
import { fieldTree } from '../../common/field-tree.ts';
import type { FieldTree } from '../../common/field-tree.ts';
import type { CatalogEntry, ReplyField, ValueKind } from '../catalog.ts';
import { ok, okText } from '../reply.ts';
import type { ApiResult } from '../reply.ts';
import type { ApiRequest, SimContext } from '../request.ts';
import { page } from '../request.ts';

/**
 * Every endpoint without behaviour of its own (attendance, device alarms) answers the document's
 * success once method, signature and fields have passed: code 0 with `data` of the documented
 * shape — "OK" for string replies, one plausible record built from the catalog's reply fields for
 * objects, arrays and pages (times and dates as epoch-ms strings, §1.4; clock times HH:mm;
 * enumerations at their first value).
 * Nothing is stored.
 */
export function documentedSuccess(entry: CatalogEntry, req: ApiRequest, ctx: SimContext): ApiResult {
  const now = ctx.now();
  switch (entry.reply) {
    case 'string':
      return okText();
    case 'object':
      return ok(build(entry, entry.replyFields, now));
    case 'array':
      return ok([build(entry, strip(entry.replyFields, '[].'), now)]);
    case 'page':
      return ok(page([build(entry, strip(entry.replyFields, 'list[].'), now)], req));
  }
}

function strip(fields: readonly ReplyField[], prefix: string): ReplyField[] {
  return fields.filter((field) => field.name.startsWith(prefix)).map((field) => ({ ...field, name: field.name.slice(prefix.length) }));
}

type Tree = FieldTree<ReplyField>;

function isField(node: Tree | ReplyField): node is ReplyField {
  return typeof node['name'] === 'string' && typeof node['kind'] === 'string';
}

/** Nested records from `a.b[].c` names (branches under `a/`, `b/`); `x[]` (kind O) becomes a list of one record. */
function build(entry: CatalogEntry, fields: readonly ReplyField[], now: Date): Record<string, unknown> {
  const tree = fieldTree(fields, {
    leaf: (field) => field,
    isBranch: (node): node is Tree => node !== undefined && !isField(node),
    branchKey: (part) => `${part.replace(/\[\]$/, '')}/`,
  });
  return materialise(entry, tree, now);
}

function materialise(entry: CatalogEntry, tree: Tree, now: Date): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    if (isField(node)) {
      const children = tree[`${key}/`];
      if (children !== undefined && !isField(children)) {
        const record = materialise(entry, children, now);
        out[key] = node.kind === 'O' ? [record] : record;
      } else out[key] = valueFor(entry, key, node, now);
    } else if (!(key.slice(0, -1) in tree)) out[key.slice(0, -1)] = materialise(entry, node, now);
  }
  return out;
}

function valueFor(entry: CatalogEntry, name: string, field: ReplyField, now: Date): unknown {
  const kind: ValueKind = field.kind;
  switch (kind) {
    case 'i':
      return field.enumFirst ?? (/total|count|num/i.test(name) ? 1 : 0);
    case 'n':
      return 0;
    case 'b':
      return false;
    case 'o':
      return {};
    case 'S':
    case 'I':
    case 'O':
    case 'f':
      return [];
    case 's':
      if (/uuid$/i.test(name)) return createHash('sha256').update(`${entry.id}:${name}`).digest('hex').slice(0, 32);
      if (/^(on|off)(St|Et)$/.test(name)) return '09:00';
      if (/Punch$/.test(name)) return '09:00:00';
      // hongtu.md §1.4: attendance and alarm times and dates are epoch-ms strings.
      if (/time|date|gmt/i.test(name)) return String(now.getTime());
      return `${name}-1`;
  }
}
