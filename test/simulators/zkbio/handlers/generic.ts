import { fieldTree } from '../../common/field-tree.ts';
import type { FieldTree } from '../../common/field-tree.ts';
import type { CatalogEntry, ReplyField, ValueKind } from '../catalog.ts';
import { pagedObject } from '../paging.ts';
import { ok, retOk } from '../reply.ts';
import type { ApiResult } from '../reply.ts';
import type { ApiRequest, SimContext } from '../request.ts';
import { formatDate, formatDateTime, hexId } from '../time.ts';
import { qrCode } from './persons.ts';

/**
 * Every endpoint without a handler of its own (parking, consumption, spaces, video, attendance
 * requests, media…) answers the document's success reply once method, token and required
 * parameters have passed: `code 0` with one plausible record of the documented shape, built from
 * the catalog's reply fields. Nothing is stored.
 */
export function documentedSuccess(entry: CatalogEntry, req: ApiRequest, ctx: SimContext): ApiResult {
  const now = ctx.now();
  const sample = () => build(entry, entry.replyFields, now);
  switch (entry.reply) {
    case 'general':
      // 2.43–2.46 writes report a batch count inside a code-0 reply.
      return entry.replyFields.some((field) => field.name === 'message') ? ok([], 'Succeed: 1, Failed: 0.') : ok(null);
    case 'scalar':
      return ok(entry.id.includes('QrCode') ? qrCode(req.text('pin') ?? '0', now) : `/fileresource/att/leave/image/${formatDate(now)}/${now.getTime()}.jpg`);
    case 'object':
      return ok(sample());
    case 'array': {
      const first = req.text('pageNo') === undefined || req.paging().pageNo === 1;
      return ok(first ? [sample()] : []);
    }
    case 'paged':
      return ok(pagedObject([sample()], req.paging()));
    case 'ret-envelope':
      return retOk(null);
    case 'other':
      return ok(sample());
  }
}

type Tree = FieldTree<ValueKind>;

/** Builds nested records from `a.b[].c` names (the branch keeps its `[]`); `x[]` becomes an array of one record. */
function build(entry: CatalogEntry, fields: readonly ReplyField[], now: Date): Record<string, unknown> {
  const tree = fieldTree(fields, { leaf: (field) => field.kind, isBranch: (node) => typeof node === 'object', branchKey: (part) => part });
  return materialise(entry, tree, now);
}

function materialise(entry: CatalogEntry, tree: Tree, now: Date): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(tree)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    const value = typeof node === 'object' ? materialise(entry, node, now) : valueFor(entry, name, node, now);
    out[name] = key.endsWith('[]') ? [value] : value;
  }
  return out;
}

function valueFor(entry: CatalogEntry, name: string, kind: ValueKind, now: Date): unknown {
  switch (kind) {
    case 'i':
      return name === 'totalCount' ? 1 : 0;
    case 'N':
      return 0;
    case 'b':
      return false;
    case 'a':
      return [];
    case 'o':
      return {};
    case 'n':
      return null;
    case 'd':
      return formatDateTime(now);
    case 'D':
      return formatDate(now);
    case '6':
      return '';
    case 's':
      if (name === 'id' || name.endsWith('Id')) return hexId(`${entry.id}:${name}`);
      if (/time|date/i.test(name)) return formatDateTime(now);
      if (/status|state|type/i.test(name)) return '1';
      return `${name}-1`;
  }
}
