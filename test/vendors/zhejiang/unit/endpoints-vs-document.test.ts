import { describe, expect, it } from 'vitest';
import { APICODES, allApicodeSpecs, apicodeSpec } from '../../../../electron/drivers/zhejiang/endpoints.ts';
import { PLATFORM_ERROR_CODES } from '../../../../electron/drivers/zhejiang/errors.ts';
import { readVarint32 } from '../../../../electron/drivers/zhejiang/framing.ts';
import { DOCUMENT_ERROR_CODES, DOCUMENT_FRAME_EXAMPLE, DOCUMENT_SIGNS } from './fixtures/document.ts';

/**
 * The apicode table (electron/drivers/zhejiang/endpoints.ts) and the error table (errors.ts) against
 * the document's own text (fixtures/document.ts, quoted from seed 002): every sign formula as printed,
 * with only its typos mended — `taskId` and `tasked` are the request's `taskid` (E32, E36),
 * `access Secret` is accessSecret, and "(去掉图片 base64 字段)" is the photo left out (D4).
 */
function components(formula: string): string[] {
  const inner = /^MD5\((.*)\)小写$/.exec(formula)?.[1];
  if (inner === undefined) throw new Error(`not a sign formula: ${formula}`);
  return inner
    .replace('(去掉图片 base64 字段)', '')
    .split('+')
    .map((part) => part.replace(/\s+/g, ''))
    .map((part) => (part === 'taskId' || part === 'tasked' ? 'taskid' : part));
}

describe('Zhejiang apicodes against the document', () => {
  it('has exactly the document’s interfaces, in its order', () => {
    expect(APICODES).toEqual(DOCUMENT_SIGNS.map((d) => d.apicode));
    expect(allApicodeSpecs().map((s) => s.section)).toEqual(DOCUMENT_SIGNS.map((d) => d.section));
  });

  it.each(DOCUMENT_SIGNS.map((d) => [d.apicode, d] as const))('%s signs as its document rows say', (apicode, document) => {
    const spec = apicodeSpec(apicode)!;
    expect(spec.requestSign).toEqual(components(document.request));
    expect(spec.responseSign).toEqual(document.response === null ? null : components(document.response));
    expect(spec.transport).toBe(document.section.startsWith('2.') ? 'tcp' : 'https');
  });

  it('leaves the photo out of the sign exactly where the document says (§2.3.2 param(去掉图片 base64 字段), §3.8.2 签名计算时忽略此字段)', () => {
    expect(allApicodeSpecs().filter((s) => s.unsignedImage).map((s) => [s.apicode, s.unsignedImage])).toEqual([
      ['C_SIGN_IN', 'img'],
      ['T_POST_DEVICE_PERSON', 'data[].img'],
    ]);
  });
});

describe('Zhejiang error codes against §1.3', () => {
  it('are the document’s, with its words', () => {
    const printed = DOCUMENT_ERROR_CODES.split('\n').map((line) => line.split('\t') as [string, string]);
    expect(Object.entries(PLATFORM_ERROR_CODES).map(([code, row]) => [code, row.documentText])).toEqual(printed);
  });
});

describe('Zhejiang framing against §1.2', () => {
  it('reads the diagram’s 0xAC02 as the varint of its 300 bytes', () => {
    expect(readVarint32(Buffer.from(DOCUMENT_FRAME_EXAMPLE.prefix))).toEqual({ kind: 'length', length: DOCUMENT_FRAME_EXAMPLE.bodyBytes, prefixBytes: 2 });
  });
});
