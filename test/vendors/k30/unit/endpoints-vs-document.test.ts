import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { k30Endpoints } from '../../../../electron/drivers/k30/endpoints.ts';
import { K30ReplyEnvelopeSchema, k30ParamsSchema, replyCompanyNo } from '../../../../electron/drivers/k30/envelope.ts';
import type { K30Endpoint } from '../../../../electron/drivers/k30/envelope.ts';
import { openEnvelope } from '../../../../electron/drivers/k30/sign.ts';
import { sample } from '../../../support/endpoint-samples.ts';
import { documentEndpoints } from './fixtures/document.ts';
import type { DocumentEndpoint } from './fixtures/document.ts';

/**
 * The K30 endpoint table (electron/drivers/k30/endpoints.ts) against the document's own text
 * (fixtures/document.ts, quoted from seed 000): every endpoint, its URL as printed, its request
 * table row by row, and its example replies.
 */
const OUR_KEY = '1762766749844335';

/** A photo field's value (the shared samples have no data URI): the start of a JPEG. */
const JPEG_URI = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';

function sampleOf(schema: z.ZodType): unknown {
  return schema.safeParse(JPEG_URI).success ? JPEG_URI : sample(schema);
}

/** `http:` `/` `/IP:Port/openapi` `/people/` `Create` → `/openapi/people/Create` (E12: joined, no spaces, case kept). */
function documentPath(url: readonly string[]): string {
  const joined = url.join('');
  const match = /^http:\/\/[^/]+(\/\S+)$/.exec(joined);
  if (!match?.[1]) throw new Error(`not a printed URL: ${joined}`);
  return match[1];
}

function entry(doc: DocumentEndpoint): K30Endpoint {
  const spec = k30Endpoints.find((endpoint) => endpoint.id === doc.id);
  if (!spec) throw new Error(`no endpoint ${doc.id}`);
  return spec;
}

function field(spec: K30Endpoint, name: string): z.ZodType {
  const found = spec.fields.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${spec.id} has no field ${name}`);
  return found.schema;
}

/** A 示例值 cell that is a value, not a description or a format: text before 。, of letters, digits, commas and dashes. */
function exampleValue(row: DocumentEndpoint['request'][number]): unknown {
  const [, type, , , example] = row;
  const value = example.split('。')[0] ?? '';
  if (!/^[\w,-]+$/.test(value) || /yyyy/.test(value)) return undefined;
  return /^int$/i.test(type) ? Number(value) : value;
}

/**
 * A printed reply as JSON: where `data` is printed as plaintext JSON inside quotes with its inner
 * quotes unescaped (E9), it is read as that text, as a lenient client reads plaintext data.
 */
function printedReply(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const match = /^(.*"data"\s*:\s*)"(\s*[[{].*[}\]])\s*"(\s*,\s*"sign".*|\s*})$/s.exec(text);
    if (!match) throw new Error(`cannot read ${text.slice(0, 80)}`);
    return JSON.parse(`${match[1] ?? ''}${JSON.stringify(match[2])}${match[3] ?? ''}`);
  }
}

/** The create examples whose ciphertext no key in the document decrypts (E5), and the two no-content ones that copy it (E24). */
const UNDECRYPTABLE_EXAMPLES = ['people.create', 'department.create', 'region.create', 'region.update', 'region.delete'];

describe('the document fixture', () => {
  it('has the 27 endpoints of part 二 in document order, which are the table’s, in its order', () => {
    expect(documentEndpoints).toHaveLength(27);
    const lines = documentEndpoints.map((doc) => doc.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(k30Endpoints.map((spec) => spec.id)).toEqual(documentEndpoints.map((doc) => doc.id));
    expect(k30Endpoints.map((spec) => spec.section)).toEqual(documentEndpoints.map((_doc, index) => String(index + 1)));
  });
});

describe.each(documentEndpoints.map((doc) => [doc.id, doc] as const))('%s', (_id, doc) => {
  const spec = entry(doc);

  it('is POST at the path as printed, under the document’s heading and group', () => {
    expect(spec.method).toBe('POST');
    expect(spec.path).toBe(documentPath(doc.url));
    expect(spec.title.split(' / ')[0]).toBe(doc.title);
    expect(spec.group.split(' / ')[0]).toBe(doc.group);
  });

  it('has the request table’s fields, in its order, required where it says 是', () => {
    expect(spec.fields.map((f) => f.name)).toEqual(doc.request.map(([name]) => name));
    expect(spec.fields.map((f) => f.required)).toEqual(doc.request.map(([, , , required]) => required === '是'));
    for (const f of spec.fields) expect(f.in).toBe('body');
  });

  it('types each field as the table does, and keeps to its length', () => {
    for (const [name, type, length] of doc.request) {
      const schema = field(spec, name);
      if (/^int$/i.test(type)) {
        expect(schema.safeParse(sampleOf(schema)).success, name).toBe(true);
        expect(typeof sampleOf(schema), name).toBe('number');
        expect(schema.safeParse('1').success, name).toBe(false);
      } else {
        expect(typeof sampleOf(schema), name).toBe('string');
        expect(schema.safeParse(1).success, name).toBe(false);
        // The attendance dates are typed date of length 11 yet printed 19 long (E16): no length for those.
        if (/^\d+$/.test(length) && type !== 'date') expect(schema.safeParse('1'.repeat(Number(length) + 1)).success, `${name} longer than ${length}`).toBe(false);
      }
    }
  });

  it('takes the document’s own example values, and a request made of them', () => {
    const request: Record<string, unknown> = {};
    for (const row of doc.request) {
      const value = exampleValue(row);
      if (value !== undefined) {
        expect(field(spec, row[0]).safeParse(value).success, `${row[0]} = ${String(value)}`).toBe(true);
        request[row[0]] = value;
      }
    }
    for (const f of spec.fields) if (f.required && !(f.name in request)) request[f.name] = sampleOf(f.schema);
    expect(k30ParamsSchema(spec).safeParse(request).error).toBeUndefined();
  });

  it('reads the document’s example replies: the envelope, and the success example’s data', () => {
    expect(doc.examples.map((example) => example.kind)).toEqual(['成功', '失败']);
    for (const example of doc.examples) {
      const envelope = K30ReplyEnvelopeSchema.parse(printedReply(example.text));
      expect(envelope.resultcode).toBe(example.kind === '成功' ? '1' : '0');
      expect(replyCompanyNo(envelope)).toMatch(/^\w+$/);
      if (example.kind === '失败') {
        expect(envelope.data).toBe('');
        continue;
      }
      // The examples' own company numbers are mostly not 16 bytes (E33); visitor.create's is OUR_KEY.
      const key = OUR_KEY;
      if (UNDECRYPTABLE_EXAMPLES.includes(doc.id)) {
        expect(() => openEnvelope(envelope, key, { signCheck: 'off', endpoint: doc.id })).toThrow(expect.objectContaining({ code: 'bad_credentials', details: { reason: 'undecryptable' } }));
        continue;
      }
      const opened = openEnvelope(envelope, key, { signCheck: 'off', endpoint: doc.id });
      if (spec.reply === 'none') expect(opened.json).toBe('');
      else {
        const parsed = spec.data.safeParse(JSON.parse(opened.json));
        expect(parsed.error).toBeUndefined();
      }
    }
  });
});

describe('what the examples hold, read leniently', () => {
  function successData(id: string): unknown {
    const doc = documentEndpoints.find((candidate) => candidate.id === id);
    const example = doc?.examples.find((candidate) => candidate.kind === '成功');
    if (!doc || !example) throw new Error(id);
    const envelope = K30ReplyEnvelopeSchema.parse(printedReply(example.text));
    return entry(doc).data.parse(JSON.parse(openEnvelope(envelope, OUR_KEY, { signCheck: 'off' }).json));
  }

  it('visitor.create: the one ciphertext that decrypts, {"no":"1763630523605347"}, and its sign verifies (V2)', () => {
    expect(successData('visitor.create')).toEqual({ no: '1763630523605347' });
    const doc = documentEndpoints.find((candidate) => candidate.id === 'visitor.create');
    const envelope = K30ReplyEnvelopeSchema.parse(printedReply(doc?.examples[0]?.text ?? ''));
    expect(openEnvelope(envelope, OUR_KEY, { signCheck: 'strict' }).sign.variant).toBe('empty-dropped');
  });

  it('device.list: data printed as an object, Int fields as numbers or text (E9, E23)', () => {
    expect(successData('device.list')).toMatchObject({
      total: 30,
      totalPage: 2,
      data: [
        { no: '220114020314C', regionname: '默认区域', outintype: 0, isenableattend: 1, onlinestatus: 0 },
        { no: '230816192844F', outintype: 1, isenableattend: 0, onlinestatus: 0 },
      ],
    });
  });

  it('record.list: company as appid (E10), codes as text, times with their space', () => {
    expect(successData('record.list')).toMatchObject({ total: 79, data: [{ no: '1749198341167', deviceno: '220114020314C', mode: '0', group: '0', outintype: '0', exceptionmode: '1', addtime: '2025-06-06 16:25:41' }, { no: '1749197455166' }] });
  });

  it('people.list: camelCase items with an undocumented null field kept (E27), sex as text (E21)', () => {
    expect(successData('people.list')).toMatchObject({ total: 56, totalPage: 3, data: [{ jobNumber: '100676', sex: '女', deptNo: '1686638553482330', idCardPhoto1: null }] });
  });

  it('region.peopleList: rolename "" though typed int (E22)', () => {
    expect(successData('region.peopleList')).toMatchObject({ data: [{ no: '1774234283998746', rolename: '', sex: '0' }] });
  });
});
